/**
 * The errors reg throws. Anything the user can fix is a RegError with `source: 'user'`;
 * the CLI prints its message on one line and never a stack trace. Only an InternalError
 * (a bug in reg) asks the user to report it.
 */

/** Where an error comes from: the user's input, the remote service, or reg itself. */
export type ErrorSource = 'user' | 'aws' | 'internal';

/** Stable machine-readable codes; tests assert on these, never on wording. */
export type RegErrorCode =
  /** Bad command-line usage (exit 2). */
  | 'USAGE'
  /** The environment or configuration is unusable: no region, a port in use, a bad variable (exit 1). */
  | 'CONFIG'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'NO_SPEC_FILES'
  | 'INVALID_SPEC'
  | 'STATE_FILE_CORRUPT'
  | 'STATE_LOCKED'
  | 'NOT_A_TTY'
  | 'ABORTED'
  | 'PLAN_BLOCKED'
  | 'AWS_CALL_FAILED'
  | 'AWS_CREDENTIALS'
  | 'APPLY_FAILED'
  | 'INTERNAL';

const BRAND = Symbol.for('reg.RegError');

/** An error with a code, a source and an optional cause; safe to show to a user as is. */
export class RegError extends Error {
  readonly code: RegErrorCode;
  readonly source: ErrorSource;
  readonly [BRAND] = true;

  constructor(code: RegErrorCode, message: string, options: { source?: ErrorSource; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RegError';
    this.code = code;
    this.source = options.source ?? 'user';
  }

  /** Brand check that survives duplicate copies of this module. */
  static is(e: unknown): e is RegError {
    return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
  }
}

/** A failed SageMaker call: the operation, AWS's error code, its message and request id. */
export class AwsCallError extends RegError {
  readonly operation: string;
  readonly awsCode: string;
  /** AWS's own message, without the operation and code prefix. */
  readonly awsMessage: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;

  constructor(
    operation: string,
    awsCode: string,
    awsMessage: string,
    meta: { requestId?: string; httpStatus?: number; cause?: unknown } = {},
  ) {
    super('AWS_CALL_FAILED', `${operation}: ${awsCode}: ${awsMessage}`, { source: 'aws', cause: meta.cause });
    this.name = 'AwsCallError';
    this.operation = operation;
    this.awsCode = awsCode;
    this.awsMessage = awsMessage;
    this.requestId = meta.requestId;
    this.httpStatus = meta.httpStatus;
  }
}

/** A bug in reg: the user cannot fix it, so the message asks them to report it. */
export class InternalError extends RegError {
  constructor(message: string, cause?: unknown) {
    super('INTERNAL', `internal error: ${message} (this is a bug in reg, please report it)`, {
      source: 'internal',
      cause,
    });
    this.name = 'InternalError';
  }
}

/** Exhaustiveness check for discriminated unions. */
export function assertNever(x: never): never {
  throw new InternalError(`unexpected value ${JSON.stringify(x)}`);
}
