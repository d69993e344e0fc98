// Turns flags and environment into a client, or starts the embedded stand-in for --mock.
import {
  createDliClient,
  credentialsFromEnv,
  DLI_REGION_ENDPOINTS,
  type DliClient,
  type DliCredentials,
  type DliRegion,
  DliValidationError,
} from '@dli-sdk/client';
import { DEFAULT_DATASET, startMockDli } from '@dli-sdk/mock-server';
import { nodeFetch } from './node-fetch';
import { forTerminal } from './sanitize';
import { UsageError } from './usage-error';

export interface ConnectionFlags {
  region?: string;
  endpoint?: string;
  projectId?: string;
  token?: string;
  mock?: boolean;
}

/** An IAM token from the environment: unlike `--token`, not visible in `ps` or shell history. */
export const TOKEN_VARIABLE = 'DLI_IAM_TOKEN';
/** An endpoint from the environment, used when neither --region nor --endpoint is given. */
export const ENDPOINT_VARIABLE = 'DLI_ENDPOINT';

export const MOCK_PROJECT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
// The dataset dli-mock serves without flags too, so the README's ids hold either way.
const { connections: MOCK_CONNECTIONS, seed: MOCK_SEED } = DEFAULT_DATASET;

export const HOW_TO_CONFIGURE = `No DLI endpoint is configured.

Configure a real one:
  dli-connections list --region cn-north-4 --project-id <project id>
  with AK/SK in HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN
  for temporary keys), or an IAM token in ${TOKEN_VARIABLE}. HUAWEICLOUD_SDK_PROJECT_ID may replace
  --project-id; --endpoint <url> (or ${ENDPOINT_VARIABLE}) replaces --region for proxies and private links.

Or try it without an account:
  dli-connections list --mock
  starts the embedded DLI stand-in on 127.0.0.1 with ${MOCK_CONNECTIONS} seeded connections.`;

/** A connected client, the host it talks to, and how to release what it holds. */
export interface Connection {
  client: DliClient;
  host: string;
  close(): Promise<void>;
}

function credentialsFrom(flags: ConnectionFlags, env: NodeJS.ProcessEnv, projectId: string): DliCredentials {
  if (flags.token) return { token: flags.token };
  try {
    // The client reads the same variables (DLI_IAM_TOKEN, then AK/SK); the project id is settled already.
    return credentialsFromEnv({ ...env, HUAWEICLOUD_SDK_PROJECT_ID: projectId }).credentials;
  } catch (error) {
    if (!(error instanceof DliValidationError)) throw error;
    // It names the variable that is missing: the SK when only the AK is set.
    throw new UsageError(`no credentials: ${error.message}`);
  }
}

/** Edit distance of two short strings (regions): insertions, deletions and substitutions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known region closest to `region`, when it is close enough to be a typo. */
export function closestRegion(region: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of Object.keys(DLI_REGION_ENDPOINTS)) {
    const d = distance(region.toLowerCase(), known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return bestDistance <= Math.max(2, Math.floor(region.length / 4)) ? best : undefined;
}

function checkRegion(region: string): DliRegion {
  if (Object.hasOwn(DLI_REGION_ENDPOINTS, region)) return region as DliRegion;
  const suggestion = closestRegion(region);
  throw new UsageError(
    `--region ${JSON.stringify(region)} is not a DLI region${suggestion ? `; did you mean --region ${suggestion}?` : ''}\n` +
      `  For a region this version does not list, give --endpoint https://dli.<region>.myhuaweicloud.com`,
  );
}

export async function connect(flags: ConnectionFlags, env: NodeJS.ProcessEnv, stderr: NodeJS.WritableStream): Promise<Connection> {
  if (flags.mock) {
    const mock = await startMockDli({ connections: MOCK_CONNECTIONS, seed: MOCK_SEED, projectId: MOCK_PROJECT_ID });
    // One line that fits 80 columns whatever the port.
    stderr.write(`Using the DLI stand-in at ${mock.url} (${MOCK_CONNECTIONS} connections, seed ${MOCK_SEED}).\n`);
    const client = createDliClient({ endpoint: mock.url, projectId: MOCK_PROJECT_ID, fetch: nodeFetch });
    return { client, host: new URL(mock.url).host, close: () => mock.close() };
  }
  const endpoint = flags.endpoint ?? (flags.region ? undefined : env[ENDPOINT_VARIABLE] || undefined);
  if (!flags.region && !endpoint) throw new UsageError(HOW_TO_CONFIGURE);
  const where = endpoint ? { endpoint } : { region: checkRegion(flags.region as string) };
  const projectId = flags.projectId ?? env.HUAWEICLOUD_SDK_PROJECT_ID;
  // The client checks the endpoint (or region) and project id first, without credentials: a
  // mistyped URL is the thing to fix even when no credentials are set yet.
  try {
    createDliClient({ ...where, projectId: projectId || 'unchecked' });
  } catch (error) {
    // An endpoint from the environment is named by its variable: there is no --endpoint to fix.
    if (error instanceof DliValidationError && error.field === 'endpoint' && flags.endpoint === undefined) {
      throw new UsageError(`${ENDPOINT_VARIABLE} ${forTerminal(error.rule)}`);
    }
    throw error;
  }
  if (!projectId) throw new UsageError('--project-id (or HUAWEICLOUD_SDK_PROJECT_ID) is required');
  const client = createDliClient({ ...where, projectId, credentials: credentialsFrom(flags, env, projectId), fetch: nodeFetch });
  const base = endpoint ?? (DLI_REGION_ENDPOINTS as Record<string, string>)[flags.region as string];
  return { client, host: new URL(base).host, close: async () => undefined };
}
