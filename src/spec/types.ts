/**
 * The normalized desired state: what the YAML files say, after validation, with defaults
 * filled in, metric shorthands expanded, policy files read and parsed, and every item
 * carrying where it came from so later stages (plan, apply) can point at the YAML line.
 */

/** A 1-based line and column in a file. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Where a declared item is in its file: its mapping, and each declared field's value and key. */
export interface Located {
  /** Where the item's mapping starts. */
  readonly loc: SourceLocation;
  /** Where each declared field's value is, keyed by spec field name (e.g. `image`, `approval`). */
  readonly fieldLocs: Readonly<Record<string, SourceLocation>>;
  /** Where each declared field's key is (same keys as fieldLocs); for pointing at `policy:` rather than its value. */
  readonly keyLocs?: Readonly<Record<string, SourceLocation>>;
}

/** SageMaker's ModelApprovalStatus values. */
export type ApprovalStatus = 'Approved' | 'Rejected' | 'PendingManualApproval';

/** All approval statuses, in the order reg documents them. */
export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['PendingManualApproval', 'Approved', 'Rejected'];

/** A metrics report on S3 (SageMaker's MetricsSource). The `s3://` shorthand expands to application/json. */
export interface MetricsSource {
  readonly s3Uri: string;
  readonly contentType: string;
  readonly contentDigest?: string;
}

/** SageMaker's ModelMetrics, in camelCase. Absent reports are left out, never empty objects. */
export interface DesiredMetrics {
  readonly modelQuality?: { readonly statistics?: MetricsSource; readonly constraints?: MetricsSource };
  readonly modelDataQuality?: { readonly statistics?: MetricsSource; readonly constraints?: MetricsSource };
  readonly bias?: {
    readonly report?: MetricsSource;
    readonly preTrainingReport?: MetricsSource;
    readonly postTrainingReport?: MetricsSource;
  };
  readonly explainability?: { readonly report?: MetricsSource };
}

/** SageMaker's MetadataProperties ("source" in the spec). */
export interface SourceMetadata {
  readonly commitId?: string;
  readonly repository?: string;
  readonly generatedBy?: string;
  readonly projectId?: string;
}

/**
 * What a registered version is: the fields SageMaker fixes when it registers a version (or that
 * reg treats as fixed). Declared versions, live versions and create requests all carry them.
 */
export interface VersionContent {
  readonly description?: string;
  readonly image: string;
  readonly imageDigest?: string;
  readonly modelDataUrl?: string;
  /** Container environment; {} when not declared. */
  readonly environment: Readonly<Record<string, string>>;
  readonly framework?: string;
  readonly frameworkVersion?: string;
  /** [] when not declared. */
  readonly contentTypes: readonly string[];
  readonly responseTypes: readonly string[];
  readonly realtimeInstanceTypes: readonly string[];
  readonly transformInstanceTypes: readonly string[];
  readonly metrics?: DesiredMetrics;
  readonly source?: SourceMetadata;
}

/** Every VersionContent field, in the order plans list them. */
export const VERSION_CONTENT_FIELDS = [
  'description',
  'image',
  'imageDigest',
  'modelDataUrl',
  'environment',
  'framework',
  'frameworkVersion',
  'contentTypes',
  'responseTypes',
  'realtimeInstanceTypes',
  'transformInstanceTypes',
  'metrics',
  'source',
] as const satisfies readonly (keyof VersionContent)[];

/** One declared model package version. */
export interface DesiredVersion extends VersionContent, Located {
  /** The user's stable key, unique within the group; never SageMaker's version number. */
  readonly id: string;
  /** The owning group's name. */
  readonly group: string;
  /** The user's customer metadata; {} when not declared. Never holds reg's reserved keys. */
  readonly customerMetadata: Readonly<Record<string, string>>;
  /** Defaults to PendingManualApproval. */
  readonly approval: ApprovalStatus;
  readonly approvalDescription?: string;
}

/** One declared model package group. */
export interface DesiredGroup extends Located {
  readonly name: string;
  readonly description?: string;
  /** {} when not declared. */
  readonly tags: Readonly<Record<string, string>>;
  /** The resource policy as parsed JSON (inline or read from its file); undefined when not declared. */
  readonly policy?: unknown;
  readonly versions: readonly DesiredVersion[];
}

/** Which registered version an endpoint serves. */
export interface EndpointModelRef {
  readonly group: string;
  /** A declared version id, or the literal `latest-approved`. */
  readonly version: string;
}

/** Serverless capacity for an endpoint. */
export interface ServerlessCapacity {
  readonly memorySizeMB: number;
  readonly maxConcurrency: number;
  readonly provisionedConcurrency?: number;
}

/** How an endpoint rolls to a new version. */
export interface DeploymentPolicy {
  readonly strategy: 'all-at-once' | 'canary' | 'linear' | 'rolling';
  readonly canaryPercent?: number;
  readonly linearStepPercent?: number;
  readonly maxBatchPercent?: number;
  readonly waitSeconds?: number;
  readonly rollbackAlarms: readonly string[];
}

/** One declared endpoint (validated now; deployed by a later stage). */
export interface DesiredEndpoint extends Located {
  readonly name: string;
  readonly model: EndpointModelRef;
  readonly role: string;
  readonly instanceType?: string;
  readonly instanceCount?: number;
  readonly serverless?: ServerlessCapacity;
  readonly deployment?: DeploymentPolicy;
  readonly tags: Readonly<Record<string, string>>;
}

/** Everything the spec files declare, merged across files. */
export interface DesiredState {
  readonly groups: readonly DesiredGroup[];
  readonly endpoints: readonly DesiredEndpoint[];
  /** The spec files read, in the order they were merged. */
  readonly files: readonly string[];
}

/**
 * Customer-metadata keys starting with this prefix are reg's own bookkeeping
 * (registry versions cannot be tagged, so identity lives in customer metadata).
 * The spec rejects user keys with this prefix.
 */
export const RESERVED_METADATA_PREFIX = 'reg:';

/** The customer-metadata key that records a live version's declared id. */
export const ID_METADATA_KEY = 'reg:id';

/** How many customer-metadata entries SageMaker allows per version. */
export const MAX_CUSTOMER_METADATA = 50;

/** How many of those reg keeps for itself (currently only `reg:id`). */
export const RESERVED_METADATA_COUNT = 1;
