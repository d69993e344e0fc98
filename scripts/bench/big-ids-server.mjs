#!/usr/bin/env node
// A list endpoint whose ids are as long as the server likes: `node scripts/bench/big-ids-server.mjs
// PAGES ID_BYTES` answers the page at offset n < PAGES with one connection whose id is ID_BYTES
// long, and an empty page after; prints its URL as the first line.
import { createServer } from 'node:http';

const pages = Number(process.argv[2]);
const idBytes = Number(process.argv[3]);
const server = createServer((request, response) => {
  const offset = Number(new URL(request.url, 'http://x').searchParams.get('offset') ?? 0);
  const connections = offset < pages ? [{ id: `${offset}:`.padEnd(idBytes, 'x'), name: `c${offset}`, status: 'ACTIVE', create_time: offset }] : [];
  const body = JSON.stringify({ is_success: true, message: '', count: connections.length, connections });
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
