// Signing hashes per runtime: node:crypto in Node, the plain-JavaScript SHA-256 elsewhere. Both
// must give the same bytes as node:crypto and sign the published vectors and Huawei's cases alike.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { nodeHashing, platformHashing, pureHashing } from '../src/transport/hashing';
import { signerWith } from '../src/transport/sign';
import { hmacSha256, sha256 } from '../src/transport/sha256';
import { huaweiSignedCases, PUBLISHED_VECTORS, signable, signatureOf } from './signing-cases';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the plain-JavaScript SHA-256 and HMAC', () => {
  test('FIPS 180-4 examples', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  test('RFC 4231 HMAC-SHA256 case 2 and a key longer than a block (case 6)', () => {
    const mac = hmacSha256(new TextEncoder().encode('Jefe'));
    expect(hex(mac(new TextEncoder().encode('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const long = hmacSha256(new Uint8Array(131).fill(0xaa));
    expect(hex(long(new TextEncoder().encode('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  test('equal node:crypto at every length around the block and padding edges, and on random data', () => {
    const lengths = [...Array.from({ length: 200 }, (_, i) => i), 1000, 4096, 65_537];
    for (const length of lengths) {
      const data = randomBytes(length);
      expect({ length, digest: hex(sha256(data)) }).toEqual({ length, digest: createHash('sha256').update(data).digest('hex') });
      const key = randomBytes(length % 150);
      expect({ length, mac: hex(hmacSha256(key)(data)) }).toEqual({ length, mac: createHmac('sha256', key).update(data).digest('hex') });
    }
  });

  test('a keyed HMAC can be used again and again', () => {
    const mac = pureHashing.hmacSha256Hex('key');
    expect(mac('one')).toBe(mac('one'));
    expect(mac('two')).toBe(createHmac('sha256', 'key').update('two').digest('hex'));
  });
});

test('Node signs with node:crypto', () => {
  expect(platformHashing).not.toBe(pureHashing);
  expect(nodeHashing({} as never)).toBeUndefined(); // a runtime without createHmac falls back
});

const hashings = { 'node:crypto': nodeHashing()!, 'plain JavaScript': pureHashing };

describe.each(Object.entries(hashings))('signing with %s', (_, hashing) => {
  test.each(PUBLISHED_VECTORS.map((vector) => [vector.name, vector] as const))('%s', (__, vector) => {
    const { request } = signable(vector);
    const signed = signerWith(vector.credentials, hashing)(request, vector.options);
    expect(signatureOf(signed.headers.Authorization)).toBe(vector.signature);
  });

  test("agrees with Huawei's signer on 100 random list requests", () => {
    for (const signingCase of huaweiSignedCases(100)) {
      const signed = signerWith(signingCase.credentials, hashing)(signable(signingCase).request);
      expect({ name: signingCase.name, signature: signatureOf(signed.headers.Authorization) }).toEqual({ name: signingCase.name, signature: signingCase.signature });
    }
  });
});
