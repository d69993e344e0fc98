// The two hashes signing needs, from node:crypto where the runtime has it (about twice as fast)
// and elsewhere (browsers, edge runtimes) from @noble/hashes for the public synchronous signers
// (audited, synchronous, unlike Web Crypto) or from Web Crypto for the client's own transport,
// which is asynchronous anyway and so leaves @noble/hashes out of a browser bundle. node:crypto is
// reached through process.getBuiltinModule at run time, never imported, so no bundler pulls it
// into a browser build.
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';

/** SHA-256 and HMAC-SHA256 as lower-case hex, the form SDK-HMAC-SHA256 uses. */
export interface Hashing {
  sha256Hex: (data: string | Uint8Array) => string;
  /** Keys an HMAC once; the returned function MACs one UTF-8 message. */
  hmacSha256Hex: (key: string) => (message: string) => string;
}

const encoder = new TextEncoder();
const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const utf8 = (data: string | Uint8Array) => (typeof data === 'string' ? encoder.encode(data) : data);

export const pureHashing: Hashing = {
  sha256Hex: (data) => toHex(sha256(utf8(data))),
  hmacSha256Hex(key) {
    // Keyed once: each message clones the keyed state instead of hashing the key again.
    const keyed = hmac.create(sha256, encoder.encode(key));
    return (message) => toHex(keyed.clone().update(encoder.encode(message)).digest());
  },
};

// The part of node:crypto used here, typed locally so the package needs no Node types.
interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: string | Uint8Array): { digest(encoding: 'hex'): string } };
  createHmac(algorithm: 'sha256', key: string): { update(data: string): { digest(encoding: 'hex'): string } };
  /** One-shot hash (Node ≥ 20.12): skips the Hash object. */
  hash?(algorithm: 'sha256', data: string | Uint8Array, encoding: 'hex'): string;
}

function nodeCrypto(): NodeCrypto | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return runtime?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    // a runtime that has the function but not the module
  }
  return undefined;
}

/** node:crypto's hashing, or undefined where the runtime has no node:crypto (Node < 20.16 included). */
export function nodeHashing(crypto = nodeCrypto()): Hashing | undefined {
  if (!crypto?.createHmac) return undefined;
  // node:crypto's hash is a plain function: it needs no `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { hash } = crypto;
  return {
    sha256Hex: hash ? (data) => hash('sha256', data, 'hex') : (data) => crypto.createHash('sha256').update(data).digest('hex'),
    // A string key is as fast as a KeyObject per MAC, and costs nothing to set up for one-shot signing.
    hmacSha256Hex: (key) => (message) => crypto.createHmac('sha256', key).update(message).digest('hex'),
  };
}

/** What this runtime's synchronous signers use. Pure, so a bundle without them drops @noble/hashes. */
export const platformHashing: Hashing = /* @__PURE__ */ nodeHashing() ?? pureHashing;

/** {@link Hashing} whose results come later: Web Crypto's. */
export interface AsyncHashing {
  sha256Hex: (data: string | Uint8Array) => Promise<string>;
  hmacSha256Hex: (key: string) => (message: string) => Promise<string>;
}

// Typed as possibly missing: the DOM types say it is always there, pages outside a secure context disagree.
type WebCryptoGlobals = { crypto?: { subtle?: SubtleCrypto } };

/** Web Crypto's hashing, or undefined where there is none (a browser page outside a secure context). */
export function webCryptoHashing(subtle = (globalThis as WebCryptoGlobals).crypto?.subtle): AsyncHashing | undefined {
  if (!subtle) return undefined;
  const hex = async (digest: Promise<ArrayBuffer>) => toHex(new Uint8Array(await digest));
  return {
    // The transport hashes only strings it built (no shared memory), as Web Crypto's types require.
    sha256Hex: (data) => hex(subtle.digest('SHA-256', utf8(data) as Uint8Array<ArrayBuffer>)),
    hmacSha256Hex(key) {
      // Keyed once; a rejection surfaces at the first MAC, not as an unhandled rejection.
      // Stryker disable next-line BooleanLiteral: whether the key may be exported changes no MAC
      const keyed = subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      keyed.catch(() => undefined);
      return async (message) => hex(subtle.sign('HMAC', await keyed, encoder.encode(message)));
    },
  };
}
