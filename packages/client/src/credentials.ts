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
  /** An IAM token when `DLI_IAM_TOKEN` is set, else AK/SK. */
  credentials: DliCredentials;
  projectId: string;
}

const AK = 'HUAWEICLOUD_SDK_AK';
const SK = 'HUAWEICLOUD_SDK_SK';
const TOKEN = 'DLI_IAM_TOKEN';

/**
 * Reads credentials and the project id from the environment, under the names Huawei's SDKs use,
 * the same variables the `dli-connections` CLI reads:
 *
 * | variable | what |
 * |---|---|
 * | `DLI_IAM_TOKEN` | an IAM token; when set, it is used and the AK/SK variables are not read |
 * | `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK` | AK/SK (both needed without a token) |
 * | `HUAWEICLOUD_SDK_SECURITY_TOKEN` | the session token of temporary AK/SK |
 * | `HUAWEICLOUD_SDK_PROJECT_ID` | the IAM project id (always needed) |
 *
 * @param env - Where to read from; defaults to `process.env` where it exists.
 * @throws DliValidationError naming the missing variable (`HUAWEICLOUD_SDK_SK` when only the AK
 * is set).
 */
export function credentialsFromEnv(
  env: Record<string, string | undefined> = (globalThis as { process?: { env: Record<string, string | undefined> } })
    .process?.env ?? {},
): EnvCredentials {
  const value = (name: string): string | undefined => env[name] || undefined;
  const missing = (name: string, why: string): never => {
    throw new DliValidationError(name, `must be set in the environment${why}`);
  };
  let credentials: DliCredentials;
  const token = value(TOKEN);
  if (token !== undefined) {
    credentials = { token };
  } else {
    const ak = value(AK);
    const sk = value(SK);
    if (ak === undefined && sk === undefined) missing(AK, ` with ${SK}, or an IAM token in ${TOKEN}`);
    if (ak === undefined) missing(AK, ` (${SK} is set without it)`);
    if (sk === undefined) missing(SK, ` (${AK} is set without it)`);
    const securityToken = value('HUAWEICLOUD_SDK_SECURITY_TOKEN');
    credentials = { ak: ak as string, sk: sk as string, ...(securityToken ? { securityToken } : {}) };
  }
  return { credentials, projectId: value('HUAWEICLOUD_SDK_PROJECT_ID') ?? missing('HUAWEICLOUD_SDK_PROJECT_ID', '') };
}
