/**
 * fast-check generators for the adapter's inputs, kept inside SageMaker's constraints
 * (sagemaker-api.md §2) so the local server accepts everything generated.
 */
import fc from 'fast-check';
import type { CreateVersionInput } from '../../src/aws/registry.js';
import type { DesiredMetrics, MetricsSource, SourceMetadata } from '../../src/spec/types.js';

const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const chars = (set: string, min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...set.split('')), minLength: min, maxLength: max });

const hex = chars('0123456789abcdef', 64, 64);
const digest = hex.map((h) => `sha256:${h}`);
const text = chars(`${alnum} .,-_`, 1, 40);
/** Customer-metadata keys and values: letters, digits, spaces and `_ . : / = + - @`. */
const metaKey = chars(`${alnum}_.:/=+-@`, 1, 24);
const metaValue = chars(`${alnum} _.:/=+-@`, 1, 40);

const metricsSource: fc.Arbitrary<MetricsSource> = fc.record(
  {
    s3Uri: chars(alnum, 1, 12).map((k) => `s3://reports/${k}.json`),
    contentType: fc.constantFrom('application/json', 'text/csv'),
    contentDigest: digest,
  },
  { requiredKeys: ['s3Uri', 'contentType'] },
);

/** Non-empty: an empty report group is absent by the spec's normal form. */
const metrics: fc.Arbitrary<DesiredMetrics> = fc
  .record(
    {
      modelQuality: fc.record({ statistics: metricsSource, constraints: metricsSource }, { requiredKeys: [] }),
      modelDataQuality: fc.record({ statistics: metricsSource, constraints: metricsSource }, { requiredKeys: [] }),
      bias: fc.record(
        { report: metricsSource, preTrainingReport: metricsSource, postTrainingReport: metricsSource },
        { requiredKeys: [] },
      ),
      explainability: fc.record({ report: metricsSource }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  )
  .map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => Object.keys(v).length > 0)) as DesiredMetrics)
  .filter((m) => Object.keys(m).length > 0);

const source: fc.Arbitrary<SourceMetadata> = fc
  .record(
    {
      commitId: hex.map((h) => h.slice(0, 40)),
      repository: chars(alnum, 1, 10).map((r) => `https://github.com/acme/${r}`),
      generatedBy: text,
      projectId: chars(alnum, 1, 16),
    },
    { requiredKeys: [] },
  )
  .filter((s) => Object.keys(s).length > 0);

const subset = (items: string[]): fc.Arbitrary<string[]> => fc.subarray(items);

/** A CreateVersionInput for `group`; clientToken is a fresh UUID (36 chars, allowed pattern). */
export function createVersionInput(group: string): fc.Arbitrary<CreateVersionInput> {
  return fc
    .record(
      {
        description: text,
        image: chars(alnum.toLowerCase(), 1, 12).map((r) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${r}:latest`),
        imageDigest: digest,
        modelDataUrl: chars(alnum, 1, 12).map((k) => `s3://models/${k}/model.tar.gz`),
        environment: fc.dictionary(chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 1, 12), text, { maxKeys: 5 }),
        framework: fc.constantFrom('PYTORCH', 'TENSORFLOW', 'XGBOOST'),
        frameworkVersion: fc.constantFrom('1.0', '2.1', '1.13.1'),
        contentTypes: subset(['application/json', 'text/csv', 'application/x-npy']),
        responseTypes: subset(['application/json', 'text/csv']),
        realtimeInstanceTypes: subset(['ml.m5.large', 'ml.m5.xlarge', 'ml.c5.large', 'ml.g5.xlarge']),
        transformInstanceTypes: subset(['ml.m5.large', 'ml.m5.xlarge', 'ml.c5.xlarge']),
        metrics,
        source,
        customerMetadata: fc.dictionary(metaKey, metaValue, { maxKeys: 8 }),
        approval: fc.constantFrom('Approved' as const, 'Rejected' as const, 'PendingManualApproval' as const),
        approvalDescription: text,
        clientToken: fc.uuid(),
      },
      {
        requiredKeys: [
          'image',
          'environment',
          'contentTypes',
          'responseTypes',
          'realtimeInstanceTypes',
          'transformInstanceTypes',
          'customerMetadata',
          'approval',
          'clientToken',
        ],
      },
    )
    .map((r) => ({ group, ...r }));
}
