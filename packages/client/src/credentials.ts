// How requests are authenticated, and credentials from the environment under the names Huawei's
// own SDKs read. A leaf module: every layer may name these types.
import { DliValidationError } from './errors';

/** A permanent or temporary (with `securityToken`) Huawei Cloud access key. */
export interface AkSkCredentials {
  /** Access key id. */
  ak: string;
  /** Secret access key. Never sent, logged or put in an error. */
  sk: string;
  /** Session token of temporary credentials, sent as `X-Security-Token`. */
  securityToken?: string;
}

/** An IAM token, sent as `X-Auth-Token`. */
export interface TokenCredentials {
  /** The IAM token (`X-Subject-Token` of `POST /v3/auth/tokens`). Never logged or put in an error. */
  token: string;
}

/** How requests are authenticated: AK/SK signing or an IAM token. */
export type DliCredentials = AkSkCredentials | TokenCredentials;

/** What {@link credentialsFromEnv} returns: spread it into the client options. */
export interface EnvCredentials {
  credentials: AkSkCredentials;
  projectId: string;
}

/**
 * Reads `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_PROJECT_ID` and, for
 * temporary credentials, `HUAWEICLOUD_SDK_SECURITY_TOKEN`.
 *
 * @param env - Where to read from; defaults to `process.env` where it exists.
 * @throws DliValidationError naming the first missing variable.
 */
export function credentialsFromEnv(
  env: Record<string, string | undefined> = (globalThis as { process?: { env: Record<string, string | undefined> } })
    .process?.env ?? {},
): EnvCredentials {
  const read = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') throw new DliValidationError(name, 'must be set in the environment');
    return value;
  };
  const securityToken = env.HUAWEICLOUD_SDK_SECURITY_TOKEN || undefined;
  return {
    credentials: {
      ak: read('HUAWEICLOUD_SDK_AK'),
      sk: read('HUAWEICLOUD_SDK_SK'),
      ...(securityToken ? { securityToken } : {}),
    },
    projectId: read('HUAWEICLOUD_SDK_PROJECT_ID'),
  };
}
