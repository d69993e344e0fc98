// The fetch the CLI gives its client: node:http(s) underneath instead of Node's own fetch. Node's
// fetch (undici) compiles a WebAssembly HTTP parser at its first request and builds more objects per
// answer, which keeps a long `list` far above a flat footprint (docs/performance.md); node:http
// parses natively. It does what the client's transport asks of fetch and no more: a request with
// headers and a signal, redirects never followed (the 3xx answer is returned as it is), the body
// handed over as a stream that the transport bounds, no compression asked for.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

// One keep-alive pool per scheme, as fetch keeps one; unref'd sockets never hold the process open.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

export function nodeFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(typeof input === 'object' && 'url' in input ? input.url : input);
  const protocol = url.protocol as keyof typeof agents;
  if (!(protocol in agents)) return Promise.reject(new TypeError(`fetch failed: unsupported scheme ${url.protocol}`));
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => (headers[name] = value));
  const { signal } = init;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const request = (protocol === 'https:' ? https : http).request(url, { method: init.method ?? 'GET', headers, agent: agents[protocol] }, (response) => {
      const answerHeaders = new Headers();
      const raw = response.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) answerHeaders.append(raw[i], raw[i + 1]);
      const status = response.statusCode ?? 0;
      // A Response may not have a body with these statuses.
      const body = status === 204 || status === 304 || init.method === 'HEAD' ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
      if (body === null) response.resume();
      signal?.addEventListener('abort', () => response.destroy(signal.reason as Error), { once: true });
      try {
        resolve(new Response(body, { status, statusText: response.statusMessage, headers: answerHeaders }));
      } catch (error) {
        // A status fetch cannot represent (a hostile server's 999): a failed fetch, as undici's.
        response.destroy();
        reject(new TypeError('fetch failed', { cause: error }));
      }
    });
    const onAbort = () => request.destroy(signal?.reason as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => reject(signal?.aborted ? (signal.reason as Error) : new TypeError('fetch failed', { cause: error })));
    // A 101 that switches protocols answers neither 'response' nor 'error': without this the
    // promise would never settle. fetch fails on it too.
    request.on('upgrade', (answer, socket) => {
      socket.destroy();
      reject(new TypeError('fetch failed', { cause: new Error(`the server switched protocols (HTTP ${answer.statusCode})`) }));
    });
    request.on('close', () => signal?.removeEventListener('abort', onAbort));
    request.end();
  });
}
