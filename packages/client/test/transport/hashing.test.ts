// Signing hashes per runtime: node:crypto in Node, @noble/hashes elsewhere, and Web Crypto for the
// client's transport outside Node. All must give the same bytes as node:crypto and sign the
// published vectors and Huawei's cases alike.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DliValidationError } from '../../src/errors';
import { nodeHashing, platformHashing, pureHashing, webCryptoHashing } from '../../src/transport/hashing';
import { asyncSignerWith, signerWith, transportSigner } from '../../src/transport/sign';
import { huaweiSignedCases, PUBLISHED_VECTORS, signable, signatureOf } from '../signing-cases';

describe('the portable SHA-256 and HMAC (@noble/hashes, as the client keys and encodes it)', () => {
  test('FIPS 180-4 examples', () => {
    expect(pureHashing.sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(pureHashing.sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(pureHashing.sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  test('RFC 4231 HMAC-SHA256 case 2, and a key longer than a block', () => {
    expect(pureHashing.hmacSha256Hex('Jefe')('what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const key = 'k'.repeat(131);
    expect(pureHashing.hmacSha256Hex(key)('Test Using Larger Than Block-Size Key')).toBe(
      createHmac('sha256', key).update('Test Using Larger Than Block-Size Key').digest('hex'),
    );
  });

  test('equal node:crypto at every length around the block and padding edges, and on random data and UTF-8 text', () => {
    const lengths = [...Array.from({ length: 200 }, (_, i) => i), 1000, 4096, 65_537];
    for (const length of lengths) {
      const data = randomBytes(length);
      expect({ length, digest: pureHashing.sha256Hex(data) }).toEqual({ length, digest: createHash('sha256').update(data).digest('hex') });
      const key = `sk-${'é数'.repeat(length % 70)}`;
      const message = `${data.toString('base64')}\n数据湖`;
      expect({ length, mac: pureHashing.hmacSha256Hex(key)(message) }).toEqual({ length, mac: createHmac('sha256', key).update(message).digest('hex') });
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

const hashings = { 'node:crypto': nodeHashing()!, '@noble/hashes': pureHashing };

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

describe('signing with Web Crypto (the transport outside Node)', () => {
  const web = webCryptoHashing()!;

  test('SHA-256 and HMAC-SHA256 equal node:crypto, on bytes and UTF-8 text, keyed once', async () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 1000]) {
      const data = randomBytes(length);
      expect(await web.sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
      const key = `sk-${'é数'.repeat(length % 70)}`;
      const mac = web.hmacSha256Hex(key);
      for (const message of [`${data.toString('hex')}\n数据湖`, 'again']) {
        expect(await mac(message)).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }
    }
  });

  test.each(PUBLISHED_VECTORS.map((vector) => [vector.name, vector] as const))('%s', async (__, vector) => {
    const { request } = signable(vector);
    const signed = await asyncSignerWith(vector.credentials, web)(request, vector.options);
    expect(signatureOf(signed.headers.Authorization)).toBe(vector.signature);
    expect(signed).toEqual(signerWith(vector.credentials, pureHashing)(request, vector.options));
  });

  test("agrees with Huawei's signer on 100 random list requests", async () => {
    for (const signingCase of huaweiSignedCases(100)) {
      const signed = await asyncSignerWith(signingCase.credentials, web)(signable(signingCase).request);
      expect({ name: signingCase.name, signature: signatureOf(signed.headers.Authorization) }).toEqual({ name: signingCase.name, signature: signingCase.signature });
    }
  });

  test('a runtime without Web Crypto has none', () => {
    expect(webCryptoHashing(null as never)).toBeUndefined();
  });
});

describe("the transport's signer", () => {
  const credentials = { ak: 'AK', sk: 'SK' };
  const request = { method: 'GET', url: 'https://dli.example.com/v2.0/p/datasource/enhanced-connections?limit=1' };

  const headers = { 'X-Sdk-Date': '20261129T120000Z' };

  test('signs synchronously with node:crypto in Node', () => {
    const signed = transportSigner(credentials)({ ...request, headers });
    expect(signed).not.toBeInstanceOf(Promise);
    expect(signed).toEqual(signerWith(credentials, pureHashing)({ ...request, headers }));
  });

  describe('without node:crypto', () => {
    const runtime = globalThis.process as { getBuiltinModule?: unknown };
    const getBuiltinModule = runtime.getBuiltinModule;
    beforeEach(() => {
      runtime.getBuiltinModule = undefined;
    });
    afterEach(() => {
      runtime.getBuiltinModule = getBuiltinModule;
    });

    test('signs with Web Crypto, asynchronously, to the same signature', async () => {
      const pending = transportSigner(credentials)({ ...request, headers });
      expect(pending).toBeInstanceOf(Promise);
      expect(await pending).toEqual(signerWith(credentials, pureHashing)({ ...request, headers }));
    });

    test('and without Web Crypto (a page outside a secure context) refuses AK/SK, naming what is missing', () => {
      const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
      Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
      try {
        expect(() => transportSigner(credentials)).toThrow(DliValidationError);
        expect(() => transportSigner(credentials)).toThrow(/credentials.*Web Crypto.*https and localhost/);
      } finally {
        if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
        else delete (globalThis.crypto as { subtle?: unknown }).subtle;
      }
    });
  });
});

describe('which hashing a runtime gets', () => {
  const processWithBuiltins = process as { getBuiltinModule?: unknown };
  const withGetBuiltinModule = <T>(replacement: unknown, fn: () => T): T => {
    const saved = processWithBuiltins.getBuiltinModule;
    processWithBuiltins.getBuiltinModule = replacement;
    try {
      return fn();
    } finally {
      processWithBuiltins.getBuiltinModule = saved;
    }
  };

  test('none from node:crypto where getBuiltinModule is missing or refuses the module', () => {
    expect(withGetBuiltinModule(undefined, () => nodeHashing())).toBeUndefined();
    expect(
      withGetBuiltinModule(() => {
        throw new Error('No such built-in module: node:crypto');
      }, () => nodeHashing()),
    ).toBeUndefined();
  });

  test("node:crypto before Node 20.12 (no one-shot hash) hashes through createHash", () => {
    const hashing = nodeHashing({ createHash, createHmac });
    expect(hashing?.sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashing?.sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('no Web Crypto where the global crypto is missing (a worker without it, an old runtime)', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(webCryptoHashing()).toBeUndefined();
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
    expect(webCryptoHashing()).toBeDefined();
  });
});
