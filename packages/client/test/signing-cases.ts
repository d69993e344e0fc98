// Signing cases every runtime must agree on: the published vectors (a data file) and random
// list requests signed by Huawei's own signer (@huaweicloud/huaweicloud-sdk-core) in Node.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import type { SignableRequest, SignOptions } from '../src/transport/sign';
import vectorFile from './fixtures/signing-vectors.json';
import { PROJECT_ID, TEST_AK, TEST_SK } from './helpers';

/** A request, its credentials and the signature it must get. */
export interface SigningCase {
  name: string;
  credentials: { ak: string; sk: string };
  request: { method: string; url: string; headers: Record<string, string>; body?: string; bodyAsBytes?: boolean };
  options?: { signedHeaders: string[] };
  signature: string;
}

export const PUBLISHED_VECTORS = vectorFile.vectors as SigningCase[];

/** The request of a case as the signer takes it (a body marked `bodyAsBytes` as UTF-8 bytes). */
export function signable({ request }: SigningCase): { request: SignableRequest; options: SignOptions } {
  const { bodyAsBytes, ...rest } = request;
  return { request: { ...rest, body: bodyAsBytes && rest.body !== undefined ? new TextEncoder().encode(rest.body) : rest.body }, options: {} };
}

export const signatureOf = (authorization: string) => /Signature=([0-9a-f]{64})$/.exec(authorization)![1];

/** `count` random list requests (seeded, so a failure can be reproduced) with Huawei's signature of each. */
export function huaweiSignedCases(count: number, seed = 20261129): SigningCase[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const CHARS = ['a', 'Z', '0', ' ', '&', '=', '/', '#', '%', '+', '?', '~', '-', '_', '.', '*', "'", '(', '数', 'é', 'ж', '😀', ','];
  const text = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => CHARS[Math.floor(random() * CHARS.length)]).join('');
  return Array.from({ length: count }, (_, i) => {
    const query: Record<string, string> = {};
    if (random() < 0.7) query.limit = String(Math.floor(random() * 1000));
    if (random() < 0.7) query.offset = String(Math.floor(random() * 100000));
    if (random() < 0.7) query.name = text(12);
    if (random() < 0.5) query.tags = `${text(4)}=${text(4)},env=prod`;
    const host = random() < 0.5 ? 'dli.cn-north-4.myhuaweicloud.com' : '127.0.0.1:8443';
    const path = `/v2.0/${PROJECT_ID}/datasource/enhanced-connections`;
    const headers = { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT_ID, 'X-Sdk-Date': `2026${String(1 + (i % 12)).padStart(2, '0')}01T120000Z` };
    const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
    const theirs = AKSKSigner.sign(
      { method: 'GET', endpoint: `https://${host}${path}`, headers: { ...headers }, queryParams: query, data: undefined } as never,
      { getAk: () => TEST_AK, getSk: () => TEST_SK } as never,
    ) as Record<string, string>;
    return {
      name: `random list request ${i}`,
      credentials: { ak: TEST_AK, sk: TEST_SK },
      request: { method: 'GET', url: `https://${host}${path}?${search}`, headers },
      signature: signatureOf(theirs.Authorization),
    };
  });
}
