import { createDliClient, createDliFetchClient } from '@dli-sdk/client';
import { generateConnections } from '@dli-sdk/mock-server';
const ENDPOINT = 'https://dli.cn-north-4.myhuaweicloud.com', PROJECT = '0123456789abcdef0123456789abcdef';
const page = JSON.stringify({ is_success: true, message: '', count: 100, connections: generateConnections(100, 1).map((s) => s.connection) });
const stub = async () => new Response(page, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(page)), 'x-request-id': 'r' } });
const common = { endpoint: ENDPOINT, projectId: PROJECT, fetch: stub, retry: false };
const client = createDliClient(common), fc = createDliFetchClient(common);
const params = { params: { path: { project_id: PROJECT }, query: { limit: 100, offset: 0 } } };
const calls = { raw: async () => JSON.parse(await (await stub()).text()), client: () => client.listEnhancedConnections({ limit: 100, offset: 0 }), fetch: () => fc.GET('/v2.0/{project_id}/datasource/enhanced-connections', params) };
const res = { raw: [], client: [], fetch: [] };
for (let r = 0; r < 8; r++) for (const k of Object.keys(calls)) { const t = process.cpuUsage(); for (let i = 0; i < 2000; i++) await calls[k](); const u = process.cpuUsage(t); if (r) res[k].push((u.user + u.system) / 2000); }
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
console.log(Object.entries(res).map(([k, v]) => `${k} ${med(v).toFixed(1)}µs cpu ${(med(v) / med(res.raw)).toFixed(3)}×`).join(' | '));
