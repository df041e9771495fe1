import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelPackage } from '@aws-sdk/client-sagemaker';
import {
  toCreateModelPackageInput,
  toDesiredMetrics,
  toLiveVersion,
  toModelMetrics,
  toSourceMetadata,
  toUpdateModelPackageInput,
} from '../../src/aws/map.js';
import type { CreateVersionInput } from '../../src/aws/registry.js';
import { createVersionInput } from './arbitraries.js';
import { declaredFields, undefinedKeys } from './fields.js';

/** What a faithful server stores for a create: the request plus server-assigned fields. */
function storedRecord(input: CreateVersionInput, version: number): ModelPackage {
  const req = toCreateModelPackageInput(input);
  return {
    ModelPackageGroupName: req.ModelPackageGroupName,
    ModelPackageVersion: version,
    ModelPackageArn: `arn:aws:sagemaker:us-east-1:123456789012:model-package/${input.group}/${version}`,
    ModelPackageDescription: req.ModelPackageDescription,
    CreationTime: new Date(1_700_000_000_500),
    InferenceSpecification: req.InferenceSpecification,
    ModelPackageStatus: 'Completed',
    ModelApprovalStatus: req.ModelApprovalStatus,
    MetadataProperties: req.MetadataProperties,
    ModelMetrics: req.ModelMetrics,
    // Set by the executor's follow-up UpdateModelPackage (CreateModelPackage has no such field).
    ApprovalDescription: toUpdateModelPackageInput({
      arn: 'arn',
      approval: input.approval,
      approvalDescription: input.approvalDescription,
      customerMetadata: input.customerMetadata,
      removeMetadataKeys: [],
    }).ApprovalDescription,
    CustomerMetadataProperties: req.CustomerMetadataProperties,
  };
}

describe('map', () => {
  it('round-trips every CreateVersionInput through a stored record', () => {
    fc.assert(
      fc.property(createVersionInput('g1'), (input) => {
        const live = toLiveVersion(storedRecord(input, 7));
        expect(live).toBeDefined();
        // toEqual, not toStrictEqual: fast-check builds some objects without a prototype.
        expect(declaredFields(live!)).toEqual(declaredFields(input));
        expect(undefinedKeys(live!)).toEqual([]);
        expect(live!.version).toBe(7);
        expect(live!.creationTime).toBe(1_700_000_000_500);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out empty maps and lists SageMaker rejects', () => {
    const req = toCreateModelPackageInput({
      group: 'g',
      image: 'img',
      environment: {},
      contentTypes: [],
      responseTypes: [],
      realtimeInstanceTypes: [],
      transformInstanceTypes: [],
      customerMetadata: {},
      approval: 'PendingManualApproval',
      clientToken: 't',
    });
    expect(req).toStrictEqual({
      ModelPackageGroupName: 'g',
      ClientToken: 't',
      ModelApprovalStatus: 'PendingManualApproval',
      InferenceSpecification: { Containers: [{ Image: 'img' }] },
    });
  });

  it('reads absent maps and lists as {} and [], absent structs as undefined', () => {
    const live = toLiveVersion({
      ModelPackageGroupName: 'g',
      ModelPackageVersion: 1,
      ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/g/1',
      MetadataProperties: {},
      ModelMetrics: { ModelQuality: {} },
    });
    expect(live).toStrictEqual({
      arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/g/1',
      group: 'g',
      version: 1,
      status: 'Completed',
      approval: 'PendingManualApproval',
      environment: {},
      contentTypes: [],
      responseTypes: [],
      realtimeInstanceTypes: [],
      transformInstanceTypes: [],
      customerMetadata: {},
      creationTime: 0,
    });
  });

  it('skips unversioned packages', () => {
    expect(toLiveVersion({ ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/x' })).toBeUndefined();
  });

  it('maps metrics and source both ways', () => {
    const m = {
      bias: { report: { s3Uri: 's3://b/r.json', contentType: 'application/json', contentDigest: 'sha256:00' } },
    };
    expect(toModelMetrics(m)).toStrictEqual({
      Bias: { Report: { S3Uri: 's3://b/r.json', ContentType: 'application/json', ContentDigest: 'sha256:00' } },
    });
    expect(toDesiredMetrics(toModelMetrics(m))).toStrictEqual(m);
    expect(toSourceMetadata({ CommitId: 'abc' })).toStrictEqual({ commitId: 'abc' });
    expect(toSourceMetadata({})).toBeUndefined();
  });

  it('sends the full desired mutable state on update', () => {
    expect(
      toUpdateModelPackageInput({
        arn: 'arn:x',
        approval: 'Approved',
        approvalDescription: '',
        customerMetadata: { 'reg:id': 'v1' },
        removeMetadataKeys: ['old'],
      }),
    ).toStrictEqual({
      ModelPackageArn: 'arn:x',
      ModelApprovalStatus: 'Approved',
      ApprovalDescription: '',
      CustomerMetadataProperties: { 'reg:id': 'v1' },
      CustomerMetadataPropertiesToRemove: ['old'],
    });
    expect(
      toUpdateModelPackageInput({ arn: 'arn:x', approval: 'Rejected', customerMetadata: {}, removeMetadataKeys: [] }),
    ).toStrictEqual({ ModelPackageArn: 'arn:x', ModelApprovalStatus: 'Rejected' });
  });
});
