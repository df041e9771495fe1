/**
 * SageMaker's input constraints per operation, copied from the service model (botocore
 * service-2.json, see /work/shared/sagemaker-api.md). Only what this server implements.
 */
import type { Shape } from './validate.js';

const ENTITY_NAME = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';
const ARN_OR_NAME = '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)';
const VERSIONED_ARN_OR_NAME =
  '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\\/[0-9]{1,9})?';
const PACKAGE_ARN = 'arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:model-package/[\\S]{1,2048}';
const RESOURCE_ARN = 'arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+';
const DESCRIPTION = '[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*';
const TAG_TEXT = '([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)';
const METADATA_TEXT = '([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)';
const S3_URI = '^(https|s3)://([^/]+)/?(.*)$';
const MODEL_NAME = '[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?';
const ROLE_ARN = 'arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+';
const NEXT_TOKEN: Shape = { t: 'str', max: 8192, pattern: '.*' };
const TOKEN: Shape = { t: 'str', min: 1, max: 36, pattern: '[a-zA-Z0-9-]+' };

export const APPROVAL_STATUSES = ['Approved', 'Rejected', 'PendingManualApproval'] as const;
const SORT_ORDER = ['Ascending', 'Descending'] as const;

const str = (min: number, max: number, pattern?: string, req?: boolean): Shape =>
  pattern === undefined ? { t: 'str', min, max, ...(req ? { req } : {}) } : { t: 'str', min, max, pattern, ...(req ? { req } : {}) };
const enumOf = (values: readonly string[], req?: boolean): Shape => ({ t: 'str', enum: values, ...(req ? { req } : {}) });
const maxResults = (min: number, max?: number): Shape => ({ t: 'num', int: true, min, ...(max === undefined ? {} : { max }) });

const TAG: Shape = { t: 'struct', fields: { Key: str(1, 128, TAG_TEXT, true), Value: { ...str(0, 256, TAG_TEXT), req: true } } };
export const TAGS: Shape = { t: 'list', of: TAG, min: 0, max: 50 };

const CONTAINER: Shape = {
  t: 'struct',
  fields: {
    ContainerHostname: str(0, 63, '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}'),
    Image: str(0, 255, '[\\S]+'),
    ImageDigest: str(0, 72, '^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$'),
    ModelDataUrl: str(0, 1024, S3_URI),
    ModelDataSource: { t: 'any' },
    ProductId: str(0, 256, '^[a-zA-Z0-9](-*[a-zA-Z0-9])*$'),
    Environment: { t: 'map', key: str(1, 1024, '[a-zA-Z_][a-zA-Z0-9_]*'), value: str(0, 1024, '[\\S\\s]*'), max: 100 },
    Framework: { t: 'str', max: 10 },
    FrameworkVersion: str(3, 10, '[0-9]\\.[A-Za-z0-9.-]+'),
    NearestModelName: { t: 'str' },
    ModelInput: { t: 'any' },
    AdditionalS3DataSource: { t: 'any' },
    ModelDataETag: { t: 'str' },
    IsCheckpoint: { t: 'bool' },
    BaseModel: { t: 'any' },
  },
};

const CONTENT_TYPE = str(0, 256, '.*');
export const INFERENCE_SPEC: Shape = {
  t: 'struct',
  fields: {
    Containers: { t: 'list', of: CONTAINER, min: 1, max: 15, req: true },
    SupportedTransformInstanceTypes: { t: 'list', of: { t: 'str' }, min: 1 },
    SupportedRealtimeInferenceInstanceTypes: { t: 'list', of: { t: 'str' } },
    SupportedContentTypes: { t: 'list', of: CONTENT_TYPE },
    SupportedResponseMIMETypes: { t: 'list', of: str(0, 1024, '^[-\\w]+\\/.+$') },
  },
};

const ADDITIONAL_SPEC: Shape = {
  t: 'struct',
  fields: { ...INFERENCE_SPEC.t === 'struct' ? INFERENCE_SPEC.fields : {}, Name: str(1, 63, ENTITY_NAME, true), Description: str(0, 1024, '.*') },
};

const METRICS_SOURCE: Shape = {
  t: 'struct',
  fields: { ContentType: str(0, 256, '.*', true), ContentDigest: str(0, 72, '^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$'), S3Uri: str(0, 1024, S3_URI, true) },
};
const FILE_SOURCE: Shape = {
  t: 'struct',
  fields: { ContentType: str(0, 256, '.*'), ContentDigest: str(0, 72, '^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$'), S3Uri: str(0, 1024, S3_URI, true) },
};
const STATS_CONSTRAINTS: Shape = { t: 'struct', fields: { Statistics: METRICS_SOURCE, Constraints: METRICS_SOURCE } };

const MODEL_METRICS: Shape = {
  t: 'struct',
  fields: {
    ModelQuality: STATS_CONSTRAINTS,
    ModelDataQuality: STATS_CONSTRAINTS,
    Bias: { t: 'struct', fields: { Report: METRICS_SOURCE, PreTrainingReport: METRICS_SOURCE, PostTrainingReport: METRICS_SOURCE } },
    Explainability: { t: 'struct', fields: { Report: METRICS_SOURCE } },
  },
};

const DRIFT_BASELINES: Shape = {
  t: 'struct',
  fields: {
    Bias: { t: 'struct', fields: { ConfigFile: FILE_SOURCE, PreTrainingConstraints: METRICS_SOURCE, PostTrainingConstraints: METRICS_SOURCE } },
    Explainability: { t: 'struct', fields: { Constraints: METRICS_SOURCE, ConfigFile: FILE_SOURCE } },
    ModelQuality: STATS_CONSTRAINTS,
    ModelDataQuality: STATS_CONSTRAINTS,
  },
};

const METADATA_PROPERTIES: Shape = {
  t: 'struct',
  fields: { CommitId: str(0, 1024, '.*'), Repository: str(0, 1024, '.*'), GeneratedBy: str(0, 1024, '.*'), ProjectId: str(0, 1024, '.*') },
};

export const CUSTOMER_METADATA: Shape = {
  t: 'map',
  key: str(1, 128, METADATA_TEXT),
  value: str(1, 256, METADATA_TEXT),
  min: 1,
  max: 50,
};

const MODEL_CARD: Shape = {
  t: 'struct',
  fields: { ModelCardContent: str(0, 100000, '.*'), ModelCardStatus: enumOf(['Draft', 'PendingReview', 'Approved', 'Archived'], true) },
};
const MODEL_LIFE_CYCLE: Shape = {
  t: 'struct',
  fields: { Stage: str(1, 63, '.*', true), StageStatus: str(1, 63, '.*', true), StageDescription: str(0, 1024, '.*') },
};
const REGISTRATION_TYPE = enumOf(['Logged', 'Registered']);

/** Constraint tables keyed by operation name. */
export const INPUTS: Readonly<Record<string, Readonly<Record<string, Shape>>>> = {
  CreateModelPackageGroup: {
    ModelPackageGroupName: str(1, 63, ENTITY_NAME, true),
    ModelPackageGroupDescription: str(0, 1024, DESCRIPTION),
    Tags: TAGS,
    ManagedConfiguration: { t: 'any' },
  },
  DescribeModelPackageGroup: { ModelPackageGroupName: str(1, 170, ARN_OR_NAME, true) },
  DeleteModelPackageGroup: { ModelPackageGroupName: str(1, 170, ARN_OR_NAME, true) },
  ListModelPackageGroups: {
    CreationTimeAfter: { t: 'time' },
    CreationTimeBefore: { t: 'time' },
    MaxResults: maxResults(1, 100),
    NameContains: str(0, 63, '[a-zA-Z0-9\\-]+'),
    NextToken: NEXT_TOKEN,
    SortBy: enumOf(['Name', 'CreationTime']),
    SortOrder: enumOf(SORT_ORDER),
    CrossAccountFilterOption: enumOf(['SameAccount', 'CrossAccount']),
  },
  PutModelPackageGroupPolicy: { ModelPackageGroupName: str(1, 63, ENTITY_NAME, true), ResourcePolicy: str(1, 20480, '.*', true) },
  GetModelPackageGroupPolicy: { ModelPackageGroupName: str(1, 63, ENTITY_NAME, true) },
  DeleteModelPackageGroupPolicy: { ModelPackageGroupName: str(1, 63, ENTITY_NAME, true) },
  CreateModelPackage: {
    ModelPackageName: str(1, 63, ENTITY_NAME),
    ModelPackageGroupName: str(1, 170, ARN_OR_NAME),
    ModelPackageDescription: str(0, 1024, DESCRIPTION),
    InferenceSpecification: INFERENCE_SPEC,
    ValidationSpecification: { t: 'any' },
    SourceAlgorithmSpecification: { t: 'any' },
    CertifyForMarketplace: { t: 'bool' },
    Tags: TAGS,
    ModelApprovalStatus: enumOf(APPROVAL_STATUSES),
    MetadataProperties: METADATA_PROPERTIES,
    ModelMetrics: MODEL_METRICS,
    ClientToken: TOKEN,
    Domain: { t: 'str' },
    Task: { t: 'str' },
    SamplePayloadUrl: str(0, 1024, S3_URI),
    CustomerMetadataProperties: CUSTOMER_METADATA,
    DriftCheckBaselines: DRIFT_BASELINES,
    AdditionalInferenceSpecifications: { t: 'list', of: ADDITIONAL_SPEC, min: 1, max: 15 },
    SkipModelValidation: enumOf(['All', 'None']),
    SourceUri: str(0, 1024, '[\\w\\-\\.\\+:\\/\\@\\#]*'),
    SecurityConfig: { t: 'struct', fields: { KmsKeyId: str(0, 2048, '^[a-zA-Z0-9:/_-]*$', true) } },
    ModelCard: MODEL_CARD,
    ModelLifeCycle: MODEL_LIFE_CYCLE,
    ModelPackageRegistrationType: REGISTRATION_TYPE,
  },
  DescribeModelPackage: { ModelPackageName: str(1, 176, VERSIONED_ARN_OR_NAME, true) },
  DeleteModelPackage: { ModelPackageName: str(1, 176, VERSIONED_ARN_OR_NAME, true) },
  ListModelPackages: {
    CreationTimeAfter: { t: 'time' },
    CreationTimeBefore: { t: 'time' },
    MaxResults: maxResults(1, 100),
    NameContains: str(0, 63, '[a-zA-Z0-9\\-]+'),
    ModelApprovalStatus: enumOf(APPROVAL_STATUSES),
    ModelPackageGroupName: str(1, 170, ARN_OR_NAME),
    ModelPackageType: enumOf(['Versioned', 'Unversioned', 'Both']),
    NextToken: NEXT_TOKEN,
    SortBy: enumOf(['Name', 'CreationTime']),
    SortOrder: enumOf(SORT_ORDER),
  },
  BatchDescribeModelPackage: {
    ModelPackageArnList: { t: 'list', of: str(1, 2048, PACKAGE_ARN), min: 1, max: 100, req: true },
  },
  UpdateModelPackage: {
    ModelPackageArn: str(1, 2048, PACKAGE_ARN, true),
    ModelApprovalStatus: enumOf(APPROVAL_STATUSES),
    ApprovalDescription: str(0, 1024, DESCRIPTION),
    CustomerMetadataProperties: CUSTOMER_METADATA,
    CustomerMetadataPropertiesToRemove: { t: 'list', of: str(1, 128, METADATA_TEXT) },
    AdditionalInferenceSpecificationsToAdd: { t: 'list', of: ADDITIONAL_SPEC, min: 1, max: 15 },
    InferenceSpecification: INFERENCE_SPEC,
    SourceUri: str(0, 1024, '[\\w\\-\\.\\+:\\/\\@\\#]*'),
    ModelCard: MODEL_CARD,
    ModelLifeCycle: MODEL_LIFE_CYCLE,
    ClientToken: TOKEN,
    ModelPackageRegistrationType: REGISTRATION_TYPE,
  },
  Search: {
    Resource: { t: 'str', req: true },
    SearchExpression: { t: 'any' },
    SortBy: str(1, 255, '.+'),
    SortOrder: enumOf(SORT_ORDER),
    NextToken: NEXT_TOKEN,
    MaxResults: maxResults(1, 100),
    CrossAccountFilterOption: enumOf(['SameAccount', 'CrossAccount']),
    VisibilityConditions: { t: 'any' },
  },
  AddTags: { ResourceArn: str(0, 256, RESOURCE_ARN, true), Tags: { ...TAGS, req: true } },
  DeleteTags: { ResourceArn: str(0, 256, RESOURCE_ARN, true), TagKeys: { t: 'list', of: str(1, 128, TAG_TEXT), min: 1, max: 50, req: true } },
  ListTags: { ResourceArn: str(0, 256, RESOURCE_ARN, true), NextToken: NEXT_TOKEN, MaxResults: maxResults(50) },
  CreateModel: {
    ModelName: str(0, 63, MODEL_NAME, true),
    PrimaryContainer: { t: 'any' },
    Containers: { t: 'list', of: { t: 'any' }, min: 0, max: 15 },
    InferenceExecutionConfig: { t: 'any' },
    ExecutionRoleArn: str(20, 2048, ROLE_ARN),
    Tags: TAGS,
    VpcConfig: { t: 'any' },
    EnableNetworkIsolation: { t: 'bool' },
  },
  DescribeModel: { ModelName: str(0, 63, MODEL_NAME, true) },
  DeleteModel: { ModelName: str(0, 63, MODEL_NAME, true) },
  CreateEndpointConfig: {
    EndpointConfigName: str(0, 63, ENTITY_NAME, true),
    ProductionVariants: {
      t: 'list',
      min: 1,
      max: 10,
      req: true,
      of: {
        t: 'struct',
        fields: {
          VariantName: str(0, 63, ENTITY_NAME, true),
          ModelName: str(0, 63, MODEL_NAME),
          InitialInstanceCount: { t: 'num', int: true, min: 1 },
          InstanceType: { t: 'str', pattern: 'ml\\.[a-z0-9]+\\.[a-z0-9]+' },
          InitialVariantWeight: { t: 'num', min: 0 },
          AcceleratorType: { t: 'str' },
          CoreDumpConfig: { t: 'any' },
          ServerlessConfig: {
            t: 'struct',
            fields: {
              MemorySizeInMB: { t: 'num', int: true, min: 1024, max: 6144, req: true },
              MaxConcurrency: { t: 'num', int: true, min: 1, max: 200, req: true },
              ProvisionedConcurrency: { t: 'num', int: true, min: 1, max: 200 },
            },
          },
          VolumeSizeInGB: { t: 'num', int: true, min: 1, max: 512 },
          ModelDataDownloadTimeoutInSeconds: { t: 'num', int: true, min: 60, max: 3600 },
          ContainerStartupHealthCheckTimeoutInSeconds: { t: 'num', int: true, min: 60, max: 3600 },
          EnableSSMAccess: { t: 'bool' },
          ManagedInstanceScaling: { t: 'any' },
          RoutingConfig: { t: 'any' },
          InferenceAmiVersion: { t: 'str' },
        },
      },
    },
    DataCaptureConfig: { t: 'any' },
    Tags: TAGS,
    KmsKeyId: str(0, 2048, '.*'),
    AsyncInferenceConfig: { t: 'any' },
    ExplainerConfig: { t: 'any' },
    ShadowProductionVariants: { t: 'list', of: { t: 'any' }, min: 1, max: 10 },
    ExecutionRoleArn: str(20, 2048, ROLE_ARN),
    VpcConfig: { t: 'any' },
    EnableNetworkIsolation: { t: 'bool' },
  },
  DescribeEndpointConfig: { EndpointConfigName: str(0, 63, ENTITY_NAME, true) },
  DeleteEndpointConfig: { EndpointConfigName: str(0, 63, ENTITY_NAME, true) },
  CreateEndpoint: {
    EndpointName: str(0, 63, ENTITY_NAME, true),
    EndpointConfigName: str(0, 63, ENTITY_NAME, true),
    DeploymentConfig: { t: 'any' },
    Tags: TAGS,
  },
  UpdateEndpoint: {
    EndpointName: str(0, 63, ENTITY_NAME, true),
    EndpointConfigName: str(0, 63, ENTITY_NAME, true),
    RetainAllVariantProperties: { t: 'bool' },
    ExcludeRetainedVariantProperties: { t: 'list', of: { t: 'any' }, min: 0, max: 3 },
    DeploymentConfig: { t: 'any' },
    RetainDeploymentConfig: { t: 'bool' },
  },
  DescribeEndpoint: { EndpointName: str(0, 63, ENTITY_NAME, true) },
  DeleteEndpoint: { EndpointName: str(0, 63, ENTITY_NAME, true) },
  ListEndpoints: {
    SortBy: enumOf(['Name', 'CreationTime', 'Status']),
    SortOrder: enumOf(SORT_ORDER),
    NextToken: NEXT_TOKEN,
    MaxResults: maxResults(1, 100),
    NameContains: str(0, 63, '[a-zA-Z0-9-]+'),
    CreationTimeBefore: { t: 'time' },
    CreationTimeAfter: { t: 'time' },
    LastModifiedTimeBefore: { t: 'time' },
    LastModifiedTimeAfter: { t: 'time' },
    StatusEquals: enumOf(['OutOfService', 'Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'InService', 'Deleting', 'Failed', 'UpdateRollbackFailed']),
  },
  ListEndpointConfigs: {
    SortBy: enumOf(['Name', 'CreationTime']),
    SortOrder: enumOf(SORT_ORDER),
    NextToken: NEXT_TOKEN,
    MaxResults: maxResults(1, 100),
    NameContains: str(0, 63, '[a-zA-Z0-9-]+'),
    CreationTimeBefore: { t: 'time' },
    CreationTimeAfter: { t: 'time' },
  },
  ListModels: {
    SortBy: enumOf(['Name', 'CreationTime']),
    SortOrder: enumOf(SORT_ORDER),
    NextToken: NEXT_TOKEN,
    MaxResults: maxResults(1, 100),
    NameContains: str(0, 63, '[a-zA-Z0-9-]+'),
    CreationTimeBefore: { t: 'time' },
    CreationTimeAfter: { t: 'time' },
  },
};
