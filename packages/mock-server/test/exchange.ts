// One request to a stand-in and everything that came back, even when the answer is cut short or
// never starts: fetch would hide a short body behind an error, and cannot send a raw target.
import { request } from 'node:http';
import { connect } from 'node:net';

/** What a request got: an answer (whole or cut short), or a connection error before any answer. */
export type Exchange =
  | { status: number; headers: Record<string, string | string[] | undefined>; body: string; complete: boolean }
  | { error: string };

/** Sends `method path` to `url` with node:http; the path is sent as it is (e.g. `*`). */
export function exchange(url: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const outgoing = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      // A body cut short ends in an error ("aborted"); `complete` tells the two ends apart.
      response.on('error', () => undefined);
      response.on('close', () => resolve({ status: response.statusCode!, headers: response.headers, body, complete: response.complete }));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    outgoing.end();
  });
}

/** Sends `raw` bytes as they are and resolves to the whole answer, as text. */
export function rawExchange(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(raw));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}
