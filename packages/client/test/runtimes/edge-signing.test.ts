// The published vectors and Huawei's cases signed inside workerd (through Miniflare), by the
// built package bundled for the web: the @noble/hashes path an edge runtime gets.
import { Miniflare } from 'miniflare';
import { huaweiSignedCases, PUBLISHED_VECTORS } from '../signing-cases';
import { bundleForWeb } from './web-bundle';

const WORKER = `
import { signRequest } from '@dli-sdk/client';
export default {
  async fetch(request) {
    const cases = await request.json();
    return Response.json(cases.map(({ credentials, request: { bodyAsBytes, ...rest }, options }) => {
      const body = bodyAsBytes ? new TextEncoder().encode(rest.body) : rest.body;
      return /Signature=([0-9a-f]{64})$/.exec(signRequest({ ...rest, body }, credentials, options).headers.Authorization)[1];
    }));
  },
};
`;

test('workerd signs the published vectors and agrees with Huawei on 100 random list requests', async () => {
  const cases = [...PUBLISHED_VECTORS, ...huaweiSignedCases(100)];
  const worker = new Miniflare({ modules: true, script: await bundleForWeb(WORKER), compatibilityDate: '2025-12-01' });
  try {
    const response = await worker.dispatchFetch('http://worker.test/', { method: 'POST', body: JSON.stringify(cases) });
    expect(response.status).toBe(200);
    const signatures = (await response.json()) as string[];
    expect(signatures.map((signature, i) => ({ name: cases[i].name, signature }))).toEqual(
      cases.map(({ name, signature }) => ({ name, signature })),
    );
  } finally {
    await worker.dispose();
  }
}, 60_000);
