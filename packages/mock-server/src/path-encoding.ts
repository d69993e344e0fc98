// How the stand-in reads a request path, for routing and for signatures. Huawei's signers disagree
// on the wire but agree once the path is decoded:
// - Python (huaweicloudsdkcore signer) sends an id `a/b` as `a%2Fb` but signs the decoded path
//   (`…/a/b/`); Go (core/auth/signer canonicalURI) sends and signs the raw value split on `/`;
//   Java puts the value on the wire unescaped; our client sends `a%2Fb` and signs it so.
// - A `%` that starts no valid escape is data to every one of them (Java sends `a%b` as it is).
// - Java (3.1.130) signs the path as it sends it, each segment encoded without decoding it first,
//   so its id `a%2Fb` goes out as `a%2Fb` and is signed as `a%252Fb`.
// So a path is decoded once, leniently, for routing, and each of the forms below is a signature
// the gateway is inferred to accept (no Huawei source states the gateway's rule; see the README).

const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decodes every valid percent-escape; a stray `%` or a byte run that is not UTF-8 stays as it is. */
export function decodeLeniently(value: string): string {
  if (!value.includes('%')) return value;
  return value.replace(ESCAPES, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** RFC 3986 encoding of one segment, as every signer does it: unreserved `A-Za-z0-9-_.~` kept. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The pathnames a signer may have signed for this request path: first the one our client, Go and
 * the signing guide use (each segment decoded on its own, then encoded); for a path with a `%`,
 * also the one Python signs (the whole path decoded, then split) and the one Java signs (each
 * segment encoded as it was sent). Each is given in a form that the client's canonicalisation maps
 * to itself; duplicates are dropped, so a plain path costs one signature.
 */
export function signedPathCandidates(pathname: string): string[] {
  const segments = pathname.split('/');
  const bySegment = segments.map((segment) => encodeSegment(decodeLeniently(segment))).join('/');
  if (!pathname.includes('%')) return [bySegment];
  const wholeDecoded = decodeLeniently(pathname).split('/').map(encodeSegment).join('/');
  const asSent = segments.map(encodeSegment).join('/');
  return [...new Set([bySegment, wholeDecoded, asSent])];
}
