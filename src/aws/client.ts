/**
 * Builds the one SageMakerClient reg uses. Everything not passed explicitly comes from the
 * SDK's own resolution (environment, shared config/credentials files, SSO, IMDS…), so reg
 * behaves like the AWS CLI for the same environment.
 */
import { SageMakerClient, type SageMakerClientConfig } from '@aws-sdk/client-sagemaker';
import { RegError } from '../errors.js';

/** How reg connects; every field optional, each maps to a global CLI flag. */
export interface SageMakerClientOptions {
  /** --region; else AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`. */
  readonly region?: string;
  /** --profile; a named profile from ~/.aws/config and ~/.aws/credentials. */
  readonly profile?: string;
  /** --endpoint-url; beats AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL. */
  readonly endpointUrl?: string;
  /** Attempts per call, first one included (default 10). */
  readonly maxAttempts?: number;
  /** 'adaptive' (default) or 'standard'. */
  readonly retryMode?: 'adaptive' | 'standard';
  /** Explicit credentials (tests, embedding); bypasses the default chain. */
  readonly credentials?: SageMakerClientConfig['credentials'];
  /** Environment to read region fallbacks from (default process.env); for tests. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Default attempts per call. The SDK's own default is 3 (standard mode), which a throttling
 * storm against the shared SageMaker control-plane quota exhausts in well under a second of
 * backoff; 10 attempts with full-jitter backoff capped at 20 s rides out minutes of it.
 * Source: @smithy/core retry (sagemaker-api.md §6) and
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Creates the SageMaker client.
 *
 * - Credentials: the SDK default chain (env keys, SSO, shared files, process, web identity,
 *   ECS/IMDS). `profile` is a client config option in @aws-sdk/client-sagemaker 3.x
 *   (SageMakerClient.d.ts: "the client's profile will be used" for credentials and for config
 *   file settings such as region), and the node credential chain reads `init.profile` before
 *   AWS_PROFILE (credential-provider-node defaultProvider), so no extra package is needed.
 * - Endpoint: `endpointUrl` wins. Otherwise the SDK itself honours AWS_ENDPOINT_URL_SAGEMAKER,
 *   then AWS_ENDPOINT_URL, then `endpoint_url` in the profile (@smithy/core
 *   getEndpointUrlConfig, serviceId "SageMaker"; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS turns it
 *   off), per https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html.
 *   reg therefore does not read those variables itself; test/aws/client.test.ts checks it.
 * - Retries: 'adaptive' adds a client-side token bucket that slows every later request after
 *   a throttle, which suits one CLI process issuing many calls against one account-level quota
 *   (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).
 * - Region: the JS SDK does not read AWS_DEFAULT_REGION, but the AWS CLI does, so reg falls
 *   back to it. A region that is nowhere to be found fails the first call with "Region is
 *   missing", which toAwsCallError turns into RegError('CONFIG'); `requireRegion` checks early.
 */
export function createSageMakerClient(options: SageMakerClientOptions = {}): SageMakerClient {
  // The SDK prints a multi-line NodeVersionSupportWarning on Node < 22 for every process. reg
  // supports Node 20 and pins its SDK version, so for a CLI that is noise on every run; the
  // SDK's own switch silences it (@aws-sdk/core emitWarningIfUnsupportedVersion), and a user
  // who sets the variable to anything else still sees it.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const env = options.env ?? process.env;
  const region = nonEmpty(options.region) ?? nonEmpty(env['AWS_REGION']) ?? nonEmpty(env['AWS_DEFAULT_REGION']);
  // AWS_MAX_ATTEMPTS is the standard shared-config variable; an explicit option still wins.
  const fromEnv = nonEmpty(env['AWS_MAX_ATTEMPTS']);
  const maxAttempts = options.maxAttempts ?? (fromEnv === undefined ? DEFAULT_MAX_ATTEMPTS : Number(fromEnv));
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RegError('CONFIG', `invalid max attempts ${String(fromEnv ?? maxAttempts)}: use a whole number of at least 1`);
  }
  const config: SageMakerClientConfig = {
    maxAttempts,
    retryMode: options.retryMode ?? 'adaptive',
    ...(region === undefined ? {} : { region }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.endpointUrl === undefined ? {} : { endpoint: options.endpointUrl }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  };
  return new SageMakerClient(config);
}

/**
 * Resolves the client's region now (env, profile), so the CLI can fail before planning with
 * a usage error instead of on the first call.
 */
export async function requireRegion(client: SageMakerClient): Promise<string> {
  let region: string | undefined;
  try {
    region = nonEmpty(await client.config.region());
  } catch {
    region = undefined;
  }
  if (region === undefined) {
    throw new RegError(
      'CONFIG',
      'no AWS region: pass --region or set AWS_REGION (or a region in your AWS profile)',
    );
  }
  return region;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}
