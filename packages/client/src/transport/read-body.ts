// Reads a response body with a size bound, counting decoded bytes as they arrive, so a
// decompression bomb or an endless body costs at most the bound in memory.
import { DliResponseError } from '../errors';
import { requestIdOf } from './response';

function tooLarge(response: Response, maxBytes: number, seen: string): DliResponseError {
  return new DliResponseError(`response body is larger than maxResponseBytes (${maxBytes} bytes; ${seen})`, {
    status: response.status,
    requestId: requestIdOf(response),
    excerpt: '',
  });
}

/** The whole body as bytes, or a DliResponseError as soon as it passes `maxBytes`. */
export async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  // Content-Length counts encoded bytes; it only lets an honest server fail us early.
  if (!response.headers.has('content-encoding') && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(response, maxBytes, `Content-Length ${declared}`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(response, maxBytes, `stopped reading at ${length}`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
