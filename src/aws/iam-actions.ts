/**
 * The IAM actions reg's SageMaker calls need, by what the command does. Kept next to the
 * adapter so the list changes with the calls; docs/aws.md explains each one, and a
 * `reg iam-policy` command can render a policy from it.
 */

/** One IAM action and the reason reg needs it. */
export interface IamAction {
  readonly action: `sagemaker:${string}`;
  readonly why: string;
}

/** Reading declared groups (every `plan` and `apply`). */
export const READ_ACTIONS: readonly IamAction[] = [
  { action: 'sagemaker:DescribeModelPackageGroup', why: 'group existence, ARN, status, description' },
  { action: 'sagemaker:ListTags', why: 'group tags (Describe does not return them)' },
  { action: 'sagemaker:GetModelPackageGroupPolicy', why: 'group resource policy' },
  // Search has no resource-level permissions: it must be granted on "*"
  // (AmazonSageMakerModelRegistryFullAccess grants it that way).
  { action: 'sagemaker:Search', why: 'every version of a group with its full record, in pages of 100' },
  { action: 'sagemaker:DescribeModelPackage', why: 'one version (waiting on status, resolving group/N)' },
];

/** Checking which versions live endpoints serve (only when pruning could delete one). */
export const IN_USE_ACTIONS: readonly IamAction[] = [
  { action: 'sagemaker:ListEndpoints', why: 'find endpoints' },
  { action: 'sagemaker:DescribeEndpoint', why: 'current and pending endpoint config' },
  { action: 'sagemaker:DescribeEndpointConfig', why: 'models behind each variant' },
  { action: 'sagemaker:DescribeModel', why: 'the model package each container serves' },
];

/** Changing the registry (`apply`). */
export const WRITE_ACTIONS: readonly IamAction[] = [
  { action: 'sagemaker:CreateModelPackageGroup', why: 'create a declared group' },
  { action: 'sagemaker:AddTags', why: 'set group tags (also needed to create a group with tags)' },
  { action: 'sagemaker:DeleteTags', why: 'remove undeclared group tags' },
  { action: 'sagemaker:PutModelPackageGroupPolicy', why: 'set a declared group policy' },
  { action: 'sagemaker:DeleteModelPackageGroupPolicy', why: 'remove an undeclared group policy' },
  { action: 'sagemaker:CreateModelPackage', why: 'register a declared version' },
  { action: 'sagemaker:UpdateModelPackage', why: 'approval status, approval description, customer metadata' },
  { action: 'sagemaker:DeleteModelPackage', why: 'prune an undeclared version' },
];
