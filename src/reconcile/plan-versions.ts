/**
 * Planning one existing group's versions: pair declared and live versions, then update,
 * adopt, register, block or (under --prune) delete. Part of the pure planner.
 */
import type { DesiredGroup, DesiredVersion } from '../spec/types.js';
import type { LiveGroup, LiveState, LiveVersion } from './live.js';
import type { BlockedItem, FieldChange } from './actions.js';
import { immutableVersionChanges, mutableVersionChanges } from './compare.js';
import { createVersionInput, desiredMetadata, recordedId } from './identity.js';
import { matchVersions } from './match.js';
import { versionAddress } from './address.js';
import type { Accumulator, PlanOptions } from './plan.js';

/** Plans the versions of a group that exists live. */
export function planVersions(group: DesiredGroup, live: LiveGroup, state: LiveState, options: PlanOptions, acc: Accumulator): void {
  const matching = matchVersions(group.versions, live.versions);

  for (const { desired, live: lv, adopted } of matching.matched) {
    if (lv.status === 'Failed') {
      acc.blocked.push(blockedVersion(desired, lv, 'VERSION_FAILED', [], 'The live version failed to register; fix the cause, delete it, and re-apply to register it again.'));
      continue;
    }
    const immutable = immutableVersionChanges(desired, lv);
    if (immutable.length > 0) {
      acc.blocked.push(
        blockedVersion(
          desired,
          lv,
          'IMMUTABLE_FIELD',
          immutable,
          `A registered version cannot change ${immutable.map((c) => c.field).join(', ')}; declare a new version id with the new values (and keep or remove this one).`,
        ),
      );
      continue;
    }
    const metadata = desiredMetadata(desired);
    const changes = mutableVersionChanges({ ...desired, customerMetadata: metadata }, lv);
    if (changes.length === 0) continue;
    const common = {
      address: versionAddress(group.name, desired.id),
      dependsOn: [],
      destructive: false,
      loc: changes.length === 1 && changes[0] ? fieldLoc(desired, changes[0]) : desired.loc,
      group: group.name,
      versionId: desired.id,
      version: lv.version,
      liveStatus: lv.status,
      update: {
        arn: lv.arn,
        approval: desired.approval,
        // Always sent, '' when undeclared: an update that leaves a field out keeps the live
        // value, and reg's updates carry the whole desired state.
        approvalDescription: desired.approvalDescription ?? '',
        customerMetadata: metadata,
        removeMetadataKeys: Object.keys(lv.customerMetadata).filter((k) => !(k in metadata)).sort(),
      },
      changes,
    };
    acc.actions.push(
      adopted
        ? { kind: 'adopt-version', id: `adopt-version:${group.name}/${desired.id}`, ...common }
        : { kind: 'update-version', id: `update-version:${group.name}/${desired.id}`, ...common },
    );
  }

  const ambiguousCandidates = new Set<LiveVersion>();
  for (const { desired, candidates } of matching.ambiguous) {
    for (const c of candidates) ambiguousCandidates.add(c);
    acc.blocked.push({
      address: versionAddress(group.name, desired.id),
      group: group.name,
      versionId: desired.id,
      reason: 'AMBIGUOUS_ADOPTION',
      changes: [],
      candidates: candidates.map((c) => c.version),
      hint: `Several unmanaged live versions (${candidates.map((c) => `v${c.version}`).join(', ')}) have this image and model data; record the id on one of them (customer metadata reg:id=${desired.id}) or delete the others.`,
      loc: desired.loc,
    });
  }

  planCreates(matching.missing, [], acc);

  for (const lv of matching.unmatched) {
    const servedBy = state.versionsInUse?.get(lv.arn.toLowerCase()) ?? [];
    const pruned = options.prune && servedBy.length === 0 && !ambiguousCandidates.has(lv);
    const versionId = recordedId(lv.customerMetadata);
    acc.unmanaged.push({
      group: group.name,
      arn: lv.arn,
      version: lv.version,
      ...(versionId !== undefined && { versionId }),
      approval: lv.approval,
      servedBy,
      pruned,
    });
    if (pruned) {
      acc.actions.push({
        kind: 'delete-version',
        id: `delete-version:${group.name}/v${lv.version}`,
        address: `version ${group.name} v${lv.version}`,
        dependsOn: [],
        destructive: true,
        group: group.name,
        arn: lv.arn,
        version: lv.version,
        ...(versionId !== undefined && { versionId }),
      });
    }
  }
}

/**
 * Registers versions one after another, in the order the spec declares them, so SageMaker's
 * numbers follow the file (v1 is the first declared) instead of whichever call won a race.
 */
export function planCreates(versions: readonly DesiredVersion[], firstDeps: readonly string[], acc: Accumulator): void {
  let previous: readonly string[] = firstDeps;
  for (const v of versions) {
    const id = `create-version:${v.group}/${v.id}`;
    acc.actions.push({
      kind: 'create-version',
      id,
      address: versionAddress(v.group, v.id),
      dependsOn: previous,
      destructive: false,
      loc: v.loc,
      group: v.group,
      versionId: v.id,
      input: createVersionInput(v),
    });
    previous = [id];
  }
}

function blockedVersion(
  desired: DesiredVersion,
  live: LiveVersion,
  reason: BlockedItem['reason'],
  changes: readonly FieldChange[],
  hint: string,
): BlockedItem {
  const [first] = changes;
  return {
    address: versionAddress(desired.group, desired.id),
    group: desired.group,
    versionId: desired.id,
    version: live.version,
    reason,
    changes,
    hint,
    loc: first ? fieldLoc(desired, first) : desired.loc,
  };
}

/** The spec location of a changed field (`customerMetadata.owner` → the `customerMetadata` key). */
function fieldLoc(desired: DesiredVersion, change: FieldChange) {
  const top = change.field.split('.')[0] ?? change.field;
  return desired.fieldLocs[top] ?? desired.loc;
}
