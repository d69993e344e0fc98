// Ports that fetch refuses to connect to (https://fetch.spec.whatwg.org/#port-blocking): Node's
// fetch and every browser fail with "bad port" before any connection, so a stand-in there would be
// unreachable by the client it exists for.
/** The ports fetch will not reach. */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111,
  113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548,
  554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566,
  6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Throws when fetch would refuse `port`, naming the port and the rule. */
export function assertFetchablePort(port: number): void {
  if (FETCH_BAD_PORTS.has(port)) {
    throw new RangeError(`port ${port} is blocked by fetch (a WHATWG "bad port"), so no client could reach the stand-in; choose another port, or 0 for a free one`);
  }
}
