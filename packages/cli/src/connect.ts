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
import { nodeFetch } from './node-fetch';
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
const MOCK_CONNECTIONS = 40;
const MOCK_SEED = 7;

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
  const token = flags.token ?? env[TOKEN_VARIABLE];
  if (token) return { token };
  try {
    // The client reads the AK/SK variables as Huawei's SDKs do; the project id is settled already.
    return credentialsFromEnv({ ...env, HUAWEICLOUD_SDK_PROJECT_ID: projectId }).credentials;
  } catch (error) {
    if (!(error instanceof DliValidationError)) throw error;
    throw new UsageError(`no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or an IAM token in ${TOKEN_VARIABLE}`);
  }
}

export async function connect(flags: ConnectionFlags, env: NodeJS.ProcessEnv, stderr: NodeJS.WritableStream): Promise<Connection> {
  if (flags.mock) {
    // Loaded only for --mock: a command against a real endpoint does not carry the stand-in.
    const { startMockDli } = await import('@dli-sdk/mock-server');
    const mock = await startMockDli({ connections: MOCK_CONNECTIONS, seed: MOCK_SEED, projectId: MOCK_PROJECT_ID });
    stderr.write(`Using the embedded DLI stand-in at ${mock.url} (${MOCK_CONNECTIONS} seeded connections, seed ${MOCK_SEED}).\n`);
    const client = createDliClient({ endpoint: mock.url, projectId: MOCK_PROJECT_ID, fetch: nodeFetch });
    return { client, host: new URL(mock.url).host, close: () => mock.close() };
  }
  const endpoint = flags.endpoint ?? (flags.region ? undefined : env[ENDPOINT_VARIABLE] || undefined);
  if (!flags.region && !endpoint) throw new UsageError(HOW_TO_CONFIGURE);
  const where = endpoint ? { endpoint } : { region: flags.region as DliRegion };
  const projectId = flags.projectId ?? env.HUAWEICLOUD_SDK_PROJECT_ID;
  // The client checks the endpoint (or region) and project id first, without credentials: a
  // mistyped URL is the thing to fix even when no credentials are set yet.
  createDliClient({ ...where, projectId: projectId || 'unchecked' });
  if (!projectId) throw new UsageError('--project-id (or HUAWEICLOUD_SDK_PROJECT_ID) is required');
  const client = createDliClient({ ...where, projectId, credentials: credentialsFrom(flags, env, projectId), fetch: nodeFetch });
  const base = endpoint ?? (DLI_REGION_ENDPOINTS as Record<string, string>)[flags.region as string];
  return { client, host: new URL(base).host, close: async () => undefined };
}
