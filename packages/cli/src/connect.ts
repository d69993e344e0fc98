// Turns flags and environment into a client, or starts the embedded stand-in for --mock.
import { createDliClient, type DliClient, type DliClientOptions, type DliCredentials, type DliRegion } from '@dli-sdk/client';
import { startMockDli } from '@dli-sdk/mock-server';

export interface ConnectionFlags {
  region?: string;
  endpoint?: string;
  projectId?: string;
  token?: string;
  mock?: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const MOCK_PROJECT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const MOCK_CONNECTIONS = 40;
const MOCK_SEED = 7;

export const HOW_TO_CONFIGURE = `No DLI endpoint is configured.

Configure a real one:
  dli-connections list --region cn-north-4 --project-id <project id>
  with AK/SK in HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN
  for temporary keys), or an IAM token with --token. HUAWEICLOUD_SDK_PROJECT_ID may replace
  --project-id; --endpoint <url> replaces --region for proxies and private links.

Or try it without an account:
  dli-connections list --mock
  starts the embedded DLI stand-in on 127.0.0.1 with ${MOCK_CONNECTIONS} seeded connections.`;

/** A connected client and how to release what it holds. */
export interface Connection {
  client: DliClient;
  close: () => Promise<void>;
}

export async function connect(flags: ConnectionFlags, env: NodeJS.ProcessEnv, stderr: NodeJS.WritableStream): Promise<Connection> {
  if (flags.mock) {
    const mock = await startMockDli({ connections: MOCK_CONNECTIONS, seed: MOCK_SEED });
    stderr.write(`Using the embedded DLI stand-in at ${mock.url} (${MOCK_CONNECTIONS} seeded connections, seed ${MOCK_SEED}).\n`);
    return { client: createDliClient({ endpoint: mock.url, projectId: MOCK_PROJECT_ID }), close: () => mock.close() };
  }
  if (!flags.region && !flags.endpoint) throw new UsageError(HOW_TO_CONFIGURE);
  const projectId = flags.projectId ?? env.HUAWEICLOUD_SDK_PROJECT_ID;
  if (!projectId) throw new UsageError('--project-id (or HUAWEICLOUD_SDK_PROJECT_ID) is required');
  let credentials: DliCredentials | undefined;
  if (flags.token) credentials = { token: flags.token };
  else if (env.HUAWEICLOUD_SDK_AK && env.HUAWEICLOUD_SDK_SK) {
    credentials = { ak: env.HUAWEICLOUD_SDK_AK, sk: env.HUAWEICLOUD_SDK_SK, securityToken: env.HUAWEICLOUD_SDK_SECURITY_TOKEN || undefined };
  } else {
    throw new UsageError('no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or pass --token');
  }
  const options: DliClientOptions = flags.endpoint
    ? { endpoint: flags.endpoint, projectId, credentials }
    : { region: flags.region as DliRegion, projectId, credentials };
  return { client: createDliClient(options), close: () => Promise.resolve() };
}
