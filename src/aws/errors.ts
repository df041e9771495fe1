/**
 * SDK errors → reg errors. Every SageMaker call goes through `toAwsCallError`, so callers only
 * ever see an AwsCallError (the service said no) or a RegError the user can act on (no region,
 * no credentials); never a raw SDK exception with its stack.
 */
import { AwsCallError, RegError } from '../errors.js';

/** The fields of an SDK error we read; SageMakerServiceException has all of them. */
interface SdkErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly requestId?: unknown; readonly httpStatusCode?: unknown };
}

function asSdkError(e: unknown): SdkErrorLike {
  return typeof e === 'object' && e !== null ? (e as SdkErrorLike) : {};
}

/** AWS's error code: `name` for service exceptions, `code` for Node network errors (ECONNREFUSED…). */
export function awsErrorCode(e: unknown): string {
  const err = asSdkError(e);
  if (typeof err.name === 'string' && err.name !== '' && err.name !== 'Error') return err.name;
  if (typeof err.code === 'string' && err.code !== '') return err.code;
  return 'UnknownError';
}

function awsErrorMessage(e: unknown): string {
  const m = asSdkError(e).message;
  return typeof m === 'string' && m !== '' ? m : String(e);
}

/** A ValidationException (or ResourceNotFound) saying the resource is not there. */
export function isNotFound(e: unknown): boolean {
  const code = e instanceof AwsCallError ? e.awsCode : awsErrorCode(e);
  const message = e instanceof AwsCallError ? e.message : awsErrorMessage(e);
  if (code === 'ResourceNotFound' || code === 'ResourceNotFoundException') return true;
  // SageMaker reports missing registry, model, config and endpoint resources as a 400
  // ValidationException; the wording varies by resource ("ModelPackageGroup x does not exist.",
  // "Could not find endpoint", "Cannot find resource policy"): /work/shared/sagemaker-api.md §5.
  return code === 'ValidationException' && /does not exist|Could not find|Cannot find/i.test(message);
}

/** A create that failed because the resource is already there. */
export function isAlreadyExists(e: unknown): boolean {
  const code = e instanceof AwsCallError ? e.awsCode : awsErrorCode(e);
  const message = e instanceof AwsCallError ? e.message : awsErrorMessage(e);
  if (code === 'ResourceInUse' || code === 'ResourceInUseException') return true;
  // "Model Package Group already exists" (CloudFormation's ExceptionMapper), "Cannot create
  // already existing model/endpoint configuration/endpoint" (sagemaker-api.md §4).
  return (
    (code === 'ValidationException' || code === 'ConflictException') &&
    /already exists|already existing/i.test(message)
  );
}

const CREDENTIALS_HINT =
  'set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, pass --profile (or set AWS_PROFILE), or run `aws sso login`';

/** SDK-side credential failures (the default chain found nothing, SSO token expired, …). */
function isMissingCredentials(e: unknown): boolean {
  const name = asSdkError(e).name;
  return name === 'CredentialsProviderError' || name === 'TokenProviderError';
}

/** Service-side rejections of the credentials themselves (not of a permission). */
const BAD_CREDENTIAL_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
]);

/**
 * Maps any error thrown by `client.send` to reg's errors: a RegError('CONFIG') when no region is
 * configured, a RegError('AWS_CREDENTIALS') with a one-line hint when credentials are missing
 * or rejected, otherwise an AwsCallError carrying AWS's code, message, request id and status.
 */
export function toAwsCallError(operation: string, e: unknown): RegError {
  if (RegError.is(e)) return e;
  const err = asSdkError(e);
  const message = awsErrorMessage(e);
  // @smithy/core's region resolver throws a plain Error("Region is missing") at send time.
  if (message === 'Region is missing') {
    return new RegError(
      'CONFIG',
      'no AWS region: pass --region or set AWS_REGION (or a region in your AWS profile)',
      { cause: e },
    );
  }
  if (isMissingCredentials(e)) {
    return new RegError('AWS_CREDENTIALS', `no usable AWS credentials (${firstLine(message)}): ${CREDENTIALS_HINT}`, {
      cause: e,
    });
  }
  const code = awsErrorCode(e);
  if (BAD_CREDENTIAL_CODES.has(code)) {
    return new RegError('AWS_CREDENTIALS', `AWS rejected the credentials (${code}: ${firstLine(message)}): ${CREDENTIALS_HINT}`, {
      source: 'user',
      cause: e,
    });
  }
  const requestId = typeof err.$metadata?.requestId === 'string' ? err.$metadata.requestId : undefined;
  const httpStatus = typeof err.$metadata?.httpStatusCode === 'number' ? err.$metadata.httpStatusCode : undefined;
  return new AwsCallError(operation, code, firstLine(message), {
    ...(requestId === undefined ? {} : { requestId }),
    ...(httpStatus === undefined ? {} : { httpStatus }),
    cause: e,
  });
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
