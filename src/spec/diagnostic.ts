/**
 * A problem found in the spec files, with where it is. The spec stage returns these as data
 * (every problem at once) instead of throwing on the first.
 */

/** A closed set of diagnostic codes; tests assert on these, never on wording. */
export type DiagnosticCode =
  // files and YAML
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_TOO_LARGE'
  | 'BINARY_FILE'
  | 'EMPTY_FILE'
  | 'NO_SPEC_FILES'
  | 'YAML_SYNTAX'
  | 'YAML_DUPLICATE_KEY'
  | 'YAML_TAB_INDENT'
  | 'YAML_ALIAS_LIMIT'
  | 'YAML_MULTIPLE_DOCUMENTS'
  | 'YAML_WARNING'
  | 'NOT_A_MAPPING'
  // schema
  | 'SCHEMA_UNKNOWN_KEY'
  | 'SCHEMA_REQUIRED'
  | 'SCHEMA_TYPE'
  | 'SCHEMA_ENUM'
  | 'SCHEMA_PATTERN'
  | 'SCHEMA_LENGTH'
  | 'SCHEMA_RANGE'
  | 'SCHEMA_COUNT'
  | 'SCHEMA'
  | 'UNSUPPORTED_API_VERSION'
  // SageMaker constraints the schema cannot express
  | 'TOO_MANY_TAGS'
  | 'RESERVED_TAG_KEY'
  | 'TOO_MANY_METADATA'
  | 'RESERVED_METADATA_KEY'
  | 'RESERVED_VERSION_ID'
  // policy files
  | 'POLICY_NOT_FOUND'
  | 'POLICY_INVALID_JSON'
  | 'POLICY_TOO_LARGE'
  // semantics across the whole desired state
  | 'DUPLICATE_GROUP'
  | 'DUPLICATE_VERSION'
  | 'DUPLICATE_ENDPOINT'
  | 'UNKNOWN_GROUP'
  | 'UNKNOWN_VERSION'
  | 'NO_APPROVED_VERSION'
  | 'VERSION_NOT_APPROVED'
  | 'ENDPOINT_CAPACITY'
  | 'DEPLOYMENT_OPTION';

/** One problem, at one place. `line`/`col` are 1-based and absent only when the whole file is at fault. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  /** The JSON pointer into the document (ajv's instancePath), when it applies. */
  readonly instancePath?: string;
  /** Other places involved, e.g. the first declaration of a duplicate. */
  readonly related?: readonly { readonly file: string; readonly line: number; readonly col: number; readonly message: string }[];
  /** 'error' fails validation; 'warning' is printed but does not. */
  readonly severity: 'error' | 'warning';
}
