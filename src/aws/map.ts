/**
 * Pure mapping between SageMaker's shapes and reg's domain types. No I/O here.
 *
 * Normal form (both directions, so create → read round-trips):
 * - optional strings and structs are `undefined` when absent; a struct with no fields set
 *   (an empty MetadataProperties, a ModelMetrics with no reports) counts as absent;
 * - maps are `{}` and lists `[]` when absent, and are left out of requests when empty,
 *   because SageMaker rejects some empty ones (CustomerMetadataProperties needs 1–50
 *   entries, SupportedTransformInstanceTypes at least 1: sagemaker-api.md §2.1, §2.6).
 */
import type {
  CreateModelPackageCommandInput,
  MetricsSource as SdkMetricsSource,
  ModelMetrics,
  ModelPackage,
  ModelPackageContainerDefinition,
  ProductionVariantInstanceType,
  TransformInstanceType,
  UpdateModelPackageCommandInput,
} from '@aws-sdk/client-sagemaker';
import type { ApprovalStatus, DesiredMetrics, MetricsSource, SourceMetadata } from '../spec/types.js';
import type { LiveVersion, VersionStatus } from '../reconcile/live.js';
import type { CreateVersionInput, UpdateVersionInput } from './registry.js';

/**
 * The ModelPackage fields reg reads. Search's `SearchRecord.ModelPackage` and
 * DescribeModelPackage's output share these names, so one mapper serves both.
 */
export type ModelPackageRecord = Pick<
  ModelPackage,
  | 'ModelPackageGroupName'
  | 'ModelPackageVersion'
  | 'ModelPackageArn'
  | 'ModelPackageDescription'
  | 'CreationTime'
  | 'InferenceSpecification'
  | 'ModelPackageStatus'
  | 'ModelApprovalStatus'
  | 'MetadataProperties'
  | 'ModelMetrics'
  | 'ApprovalDescription'
  | 'CustomerMetadataProperties'
>;

/**
 * A versioned package record → LiveVersion; undefined for records that are not registry
 * versions (unversioned Marketplace-style packages have no group or version number).
 */
export function toLiveVersion(r: ModelPackageRecord): LiveVersion | undefined {
  if (r.ModelPackageArn === undefined || r.ModelPackageGroupName === undefined || r.ModelPackageVersion === undefined) {
    return undefined;
  }
  const spec = r.InferenceSpecification;
  const c: ModelPackageContainerDefinition = spec?.Containers?.[0] ?? {};
  const approval = r.ModelApprovalStatus ?? 'PendingManualApproval';
  const status = r.ModelPackageStatus ?? 'Completed';
  const metrics = toDesiredMetrics(r.ModelMetrics);
  const source = toSourceMetadata(r.MetadataProperties);
  return {
    arn: r.ModelPackageArn,
    group: r.ModelPackageGroupName,
    version: r.ModelPackageVersion,
    // Enum values a newer API may add are passed through rather than hidden.
    status: status as VersionStatus,
    approval: approval as ApprovalStatus,
    ...opt('approvalDescription', r.ApprovalDescription),
    ...opt('description', r.ModelPackageDescription),
    ...opt('image', c.Image),
    ...opt('imageDigest', c.ImageDigest),
    ...opt('modelDataUrl', c.ModelDataUrl),
    environment: { ...(c.Environment ?? {}) },
    ...opt('framework', c.Framework),
    ...opt('frameworkVersion', c.FrameworkVersion),
    contentTypes: [...(spec?.SupportedContentTypes ?? [])],
    responseTypes: [...(spec?.SupportedResponseMIMETypes ?? [])],
    realtimeInstanceTypes: [...(spec?.SupportedRealtimeInferenceInstanceTypes ?? [])],
    transformInstanceTypes: [...(spec?.SupportedTransformInstanceTypes ?? [])],
    ...opt('metrics', metrics),
    ...opt('source', source),
    customerMetadata: { ...(r.CustomerMetadataProperties ?? {}) },
    creationTime: toEpochMs(r.CreationTime),
  };
}

/**
 * CreateVersionInput → CreateModelPackage request (a versioned package in `input.group`).
 * `approvalDescription` is not sent: CreateModelPackage has no ApprovalDescription member (API
 * model, CreateModelPackageInput), and the SDK's serializer would drop it anyway. It can only be
 * set by UpdateModelPackage once the version has finished registering; the executor does that.
 */
export function toCreateModelPackageInput(input: CreateVersionInput): CreateModelPackageCommandInput {
  const container: ModelPackageContainerDefinition = {
    Image: input.image,
    ...opt('ImageDigest', input.imageDigest),
    ...opt('ModelDataUrl', input.modelDataUrl),
    ...nonEmptyMap('Environment', input.environment),
    ...opt('Framework', input.framework),
    ...opt('FrameworkVersion', input.frameworkVersion),
  };
  const metrics = toModelMetrics(input.metrics);
  const source = toMetadataProperties(input.source);
  return {
    ModelPackageGroupName: input.group,
    ClientToken: input.clientToken,
    ModelApprovalStatus: input.approval,
    ...opt('ModelPackageDescription', input.description),
    ...opt('MetadataProperties', source),
    ...opt('ModelMetrics', metrics),
    InferenceSpecification: {
      Containers: [container],
      ...nonEmptyList('SupportedContentTypes', input.contentTypes),
      ...nonEmptyList('SupportedResponseMIMETypes', input.responseTypes),
      // The SDK types these as its enum of instance types; SageMaker adds types faster than
      // a pinned SDK learns them, so reg passes the declared names through unchanged.
      ...(nonEmptyList('SupportedRealtimeInferenceInstanceTypes', input.realtimeInstanceTypes) as {
        SupportedRealtimeInferenceInstanceTypes?: ProductionVariantInstanceType[];
      }),
      ...(nonEmptyList('SupportedTransformInstanceTypes', input.transformInstanceTypes) as {
        SupportedTransformInstanceTypes?: TransformInstanceType[];
      }),
    },
    ...nonEmptyMap('CustomerMetadataProperties', input.customerMetadata),
  };
}

/**
 * UpdateVersionInput → UpdateModelPackage request carrying the full desired mutable state.
 * ApprovalDescription is sent whenever defined (even ''), so a changed description is never
 * skipped; keys to remove are sent only when there are some (the list must not be empty).
 */
export function toUpdateModelPackageInput(input: UpdateVersionInput): UpdateModelPackageCommandInput {
  return {
    ModelPackageArn: input.arn,
    ModelApprovalStatus: input.approval,
    ...opt('ApprovalDescription', input.approvalDescription),
    ...nonEmptyMap('CustomerMetadataProperties', input.customerMetadata),
    ...nonEmptyList('CustomerMetadataPropertiesToRemove', input.removeMetadataKeys),
  };
}

/** SageMaker ModelMetrics → DesiredMetrics; undefined when it holds no report. */
export function toDesiredMetrics(m: ModelMetrics | undefined): DesiredMetrics | undefined {
  if (m === undefined) return undefined;
  const modelQuality = compact({ statistics: fromSource(m.ModelQuality?.Statistics), constraints: fromSource(m.ModelQuality?.Constraints) });
  const modelDataQuality = compact({
    statistics: fromSource(m.ModelDataQuality?.Statistics),
    constraints: fromSource(m.ModelDataQuality?.Constraints),
  });
  const bias = compact({
    report: fromSource(m.Bias?.Report),
    preTrainingReport: fromSource(m.Bias?.PreTrainingReport),
    postTrainingReport: fromSource(m.Bias?.PostTrainingReport),
  });
  const explainability = compact({ report: fromSource(m.Explainability?.Report) });
  return compact({ modelQuality, modelDataQuality, bias, explainability });
}

/** DesiredMetrics → SageMaker ModelMetrics; undefined when it holds no report. */
export function toModelMetrics(m: DesiredMetrics | undefined): ModelMetrics | undefined {
  if (m === undefined) return undefined;
  return compact<ModelMetrics>({
    ModelQuality: compact({ Statistics: toSource(m.modelQuality?.statistics), Constraints: toSource(m.modelQuality?.constraints) }),
    ModelDataQuality: compact({
      Statistics: toSource(m.modelDataQuality?.statistics),
      Constraints: toSource(m.modelDataQuality?.constraints),
    }),
    Bias: compact({
      Report: toSource(m.bias?.report),
      PreTrainingReport: toSource(m.bias?.preTrainingReport),
      PostTrainingReport: toSource(m.bias?.postTrainingReport),
    }),
    Explainability: compact({ Report: toSource(m.explainability?.report) }),
  });
}

/** MetadataProperties → SourceMetadata; undefined when no field is set. */
export function toSourceMetadata(p: ModelPackage['MetadataProperties']): SourceMetadata | undefined {
  if (p === undefined) return undefined;
  return compact<SourceMetadata>({
    commitId: p.CommitId,
    repository: p.Repository,
    generatedBy: p.GeneratedBy,
    projectId: p.ProjectId,
  });
}

function toMetadataProperties(s: SourceMetadata | undefined): ModelPackage['MetadataProperties'] {
  if (s === undefined) return undefined;
  return compact({ CommitId: s.commitId, Repository: s.repository, GeneratedBy: s.generatedBy, ProjectId: s.projectId });
}

function fromSource(s: SdkMetricsSource | undefined): MetricsSource | undefined {
  if (s === undefined || s.S3Uri === undefined) return undefined;
  return {
    s3Uri: s.S3Uri,
    contentType: s.ContentType ?? '',
    ...opt('contentDigest', s.ContentDigest),
  };
}

function toSource(s: MetricsSource | undefined): SdkMetricsSource | undefined {
  if (s === undefined) return undefined;
  return { S3Uri: s.s3Uri, ContentType: s.contentType, ...opt('ContentDigest', s.contentDigest) };
}

/** SDK timestamps are Dates; tolerate epoch seconds or strings from odd servers. */
function toEpochMs(t: Date | number | string | undefined): number {
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'number') return Math.round(t * 1000);
  if (typeof t === 'string') {
    const n = Date.parse(t);
    return Number.isNaN(n) ? 0 : n;
  }
  return 0;
}

/** Drops undefined members; undefined when none is left. */
function compact<T extends object>(o: { [K in keyof T]?: T[K] | undefined }): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length === 0 ? undefined : (out as T);
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function nonEmptyMap<K extends string>(
  key: K,
  value: Readonly<Record<string, string>> | undefined,
): { [P in K]?: Record<string, string> } {
  return (value === undefined || Object.keys(value).length === 0 ? {} : { [key]: { ...value } }) as {
    [P in K]?: Record<string, string>;
  };
}

function nonEmptyList<K extends string>(key: K, value: readonly string[] | undefined): { [P in K]?: string[] } {
  return (value === undefined || value.length === 0 ? {} : { [key]: [...value] }) as { [P in K]?: string[] };
}
