/** Builders for desired and live state, so planner tests state only what they are about. */
import type { DesiredGroup, DesiredState, DesiredVersion } from '../../src/spec/types.js';
import type { LiveGroup, LiveState, LiveVersion } from '../../src/reconcile/live.js';

const loc = (line: number) => ({ file: 'spec.yaml', line, col: 7 });

/** A declared version with sensible defaults. */
export function dv(group: string, id: string, over: Partial<DesiredVersion> = {}): DesiredVersion {
  return {
    id,
    group,
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${group}:${id}`,
    modelDataUrl: `s3://models/${group}/${id}/model.tar.gz`,
    environment: {},
    contentTypes: ['text/csv'],
    responseTypes: ['text/csv'],
    realtimeInstanceTypes: [],
    transformInstanceTypes: [],
    customerMetadata: {},
    approval: 'PendingManualApproval',
    loc: loc(10),
    fieldLocs: { approval: loc(20), image: loc(12), customerMetadata: loc(18), description: loc(11) },
    ...over,
  };
}

/** A declared group. */
export function dg(name: string, versions: DesiredVersion[] = [], over: Partial<DesiredGroup> = {}): DesiredGroup {
  return { name, tags: {}, versions, loc: loc(3), fieldLocs: { tags: loc(5), policy: loc(6), description: loc(4) }, ...over };
}

/** A desired state. */
export function ds(groups: DesiredGroup[]): DesiredState {
  return { groups, endpoints: [], files: ['spec.yaml'] };
}

/** The live twin of a declared version, as reg would have registered it (with reg:id). */
export function lvFrom(d: DesiredVersion, version: number, over: Partial<LiveVersion> = {}): LiveVersion {
  return {
    arn: `arn:aws:sagemaker:us-east-1:123456789012:model-package/${d.group}/${version}`,
    group: d.group,
    version,
    status: 'Completed',
    approval: d.approval,
    ...(d.approvalDescription !== undefined && { approvalDescription: d.approvalDescription }),
    ...(d.description !== undefined && { description: d.description }),
    image: d.image,
    ...(d.modelDataUrl !== undefined && { modelDataUrl: d.modelDataUrl }),
    environment: d.environment,
    contentTypes: d.contentTypes,
    responseTypes: d.responseTypes,
    realtimeInstanceTypes: d.realtimeInstanceTypes,
    transformInstanceTypes: d.transformInstanceTypes,
    ...(d.metrics !== undefined && { metrics: d.metrics }),
    ...(d.source !== undefined && { source: d.source }),
    customerMetadata: { ...d.customerMetadata, 'reg:id': d.id },
    creationTime: 1_700_000_000_000 + version,
    ...over,
  };
}

/** A live group. */
export function lg(name: string, versions: LiveVersion[] = [], over: Partial<LiveGroup> = {}): LiveGroup {
  return {
    name,
    arn: `arn:aws:sagemaker:us-east-1:123456789012:model-package-group/${name}`,
    status: 'Completed',
    tags: {},
    versions,
    ...over,
  };
}

/** A live state. */
export function ls(groups: LiveGroup[], versionsInUse?: Map<string, string[]>): LiveState {
  return { groups: new Map(groups.map((g) => [g.name, g])), ...(versionsInUse && { versionsInUse }) };
}
