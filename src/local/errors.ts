/**
 * SageMaker's error vocabulary inside the local server. Handlers throw ApiError; the HTTP layer
 * turns it into the awsJson1_1 error body, so no handler knows about status codes on the wire.
 */

/** Error codes the local server answers with (the `__type` on the wire). */
export type ApiErrorCode =
  | 'ValidationException'
  | 'ConflictException'
  | 'ResourceLimitExceeded'
  | 'ResourceNotFound'
  | 'ThrottlingException'
  | 'InternalFailure'
  | 'ServiceUnavailable'
  | 'UnknownOperationException'
  | 'SerializationException';

/** A SageMaker error answer: a code, a message and the HTTP status it travels with. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;

  constructor(code: ApiErrorCode, message: string, status = 400) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** Bad input or bad state: SageMaker's catch-all, also used for not-found (api §5). */
export function validation(message: string): ApiError {
  return new ApiError('ValidationException', message);
}

/** A change that conflicts with the resource's current state. */
export function conflict(message: string): ApiError {
  return new ApiError('ConflictException', message);
}

/** Joins constraint failures the way AWS's request validator does. */
export function constraintErrors(failures: readonly string[]): ApiError {
  const n = failures.length;
  return validation(`${n} validation error${n === 1 ? '' : 's'} detected: ${failures.join('; ')}`);
}

/** How AWS quotes an offending value in a constraint message. */
export function quoteValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return `'${String(value)}'`;
  return `'${JSON.stringify(value)}'`;
}

/** The not-found answers, worded as AWS words them (api §5, §4). */
export const notFound = {
  group: (name: string) => validation(`ModelPackageGroup ${name} does not exist.`),
  version: (nameOrArn: string) => validation(`ModelPackage ${nameOrArn} does not exist.`),
  model: (name: string) => validation(`Could not find model "${name}".`),
  endpointConfig: (name: string) => validation(`Could not find endpoint configuration "${name}".`),
  endpoint: (name: string) => validation(`Could not find endpoint "${name}".`),
  resource: (arn: string) => validation(`Resource ${arn} does not exist.`),
};
