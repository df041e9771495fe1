/**
 * The planner: a pure, synchronous function from (desired, live) to a Plan. No I/O, no
 * clock, no randomness — the same inputs always give the same plan, which is what makes
 * `plan` trustworthy and lets a saved plan be checked against the registry later.
 */
import { assertNever, InternalError } from '../errors.js';
import type { DesiredGroup, DesiredState, DesiredVersion } from '../spec/types.js';
import type { LiveGroup, LiveState, LiveVersion } from './live.js';
import type { Action, BlockedItem, FieldChange, Plan, PlanSummary, UnmanagedVersion } from './actions.js';
import {
  groupDescriptionChange,
  immutableVersionChanges,
  mapChanges,
  mutableVersionChanges,
  ownTags,
  policiesEqual,
} from './compare.js';
import { createVersionInput, desiredMetadata, recordedId } from './identity.js';
import { matchVersions } from './match.js';
import { groupAddress, versionAddress } from './address.js';

/** What the user asked for beyond the spec. */
export interface PlanOptions {
  /** Delete live versions in declared groups that the spec does not declare (and no endpoint serves). */
  readonly prune: boolean;
}

/** Plans the changes that make `live` match `desired`. */
export function planChanges(desired: DesiredState, live: LiveState, options: PlanOptions): Plan {
  if (options.prune && live.versionsInUse === undefined) {
    throw new InternalError('pruning needs the versions served by endpoints, and they were not read');
  }
  const acc: Accumulator = { actions: [], blocked: [], unmanaged: [] };
  for (const group of desired.groups) {
    const liveGroup = live.groups.get(group.name);
    if (liveGroup) planExistingGroup(group, liveGroup, live, options, acc);
    else planNewGroup(group, acc);
  }
  const notes: string[] = [];
  if (desired.endpoints.length > 0) {
    notes.push(
      `${desired.endpoints.length} endpoint(s) declared; endpoints are validated but not deployed by this version of reg.`,
    );
  }
  // Deletions run last in the list so a reader sees what is kept before what goes.
  const actions = [...acc.actions.filter((a) => !a.destructive), ...acc.actions.filter((a) => a.destructive)];
  return { formatVersion: 1, actions, blocked: acc.blocked, unmanaged: acc.unmanaged, notes, summary: summarize(actions, acc.blocked) };
}

interface Accumulator {
  actions: Action[];
  blocked: BlockedItem[];
  unmanaged: UnmanagedVersion[];
}

function planNewGroup(group: DesiredGroup, acc: Accumulator): void {
  const createId = `create-group:${group.name}`;
  acc.actions.push({
    kind: 'create-group',
    id: createId,
    address: groupAddress(group.name),
    dependsOn: [],
    destructive: false,
    loc: group.loc,
    group: group.name,
    ...(group.description !== undefined && { description: group.description }),
    tags: group.tags,
  });
  if (group.policy !== undefined) {
    acc.actions.push({
      kind: 'put-group-policy',
      id: `put-group-policy:${group.name}`,
      address: `policy ${group.name}`,
      dependsOn: [createId],
      destructive: false,
      loc: group.fieldLocs['policy'] ?? group.loc,
      group: group.name,
      policy: group.policy,
    });
  }
  planCreates(group.versions, [createId], acc);
}

function planExistingGroup(
  group: DesiredGroup,
  live: LiveGroup,
  state: LiveState,
  options: PlanOptions,
  acc: Accumulator,
): void {
  const description = groupDescriptionChange(group, live);
  if (description) {
    acc.blocked.push({
      address: groupAddress(group.name),
      group: group.name,
      reason: 'IMMUTABLE_FIELD',
      changes: [description],
      hint: 'SageMaker cannot change a group description; restore the live description in the spec, or create a group under a new name.',
      loc: group.fieldLocs['description'] ?? group.loc,
    });
  }

  const liveTags = ownTags(live.tags);
  const tagChanges = mapChanges('tags', liveTags, group.tags);
  if (tagChanges.length > 0) {
    const set: Record<string, string> = {};
    for (const [k, v] of Object.entries(group.tags)) if (liveTags[k] !== v) set[k] = v;
    acc.actions.push({
      kind: 'update-group-tags',
      id: `update-group-tags:${group.name}`,
      address: groupAddress(group.name),
      dependsOn: [],
      destructive: false,
      loc: group.fieldLocs['tags'] ?? group.loc,
      group: group.name,
      arn: live.arn,
      set,
      remove: Object.keys(liveTags).filter((k) => !(k in group.tags)).sort(),
      changes: tagChanges,
    });
  }

  // An undeclared policy is not managed: removing a live one would be a deletion nobody asked for.
  if (group.policy !== undefined && !policiesEqual(group.policy, live.policy)) {
    acc.actions.push({
      kind: 'put-group-policy',
      id: `put-group-policy:${group.name}`,
      address: `policy ${group.name}`,
      dependsOn: [],
      destructive: false,
      loc: group.fieldLocs['policy'] ?? group.loc,
      group: group.name,
      policy: group.policy,
      ...(live.policy !== undefined && { before: live.policy }),
    });
  }

  planVersions(group, live, state, options, acc);
}

function planVersions(group: DesiredGroup, live: LiveGroup, state: LiveState, options: PlanOptions, acc: Accumulator): void {
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
function planCreates(versions: readonly DesiredVersion[], firstDeps: readonly string[], acc: Accumulator): void {
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

function summarize(actions: readonly Action[], blocked: readonly BlockedItem[]): PlanSummary {
  const summary = { create: 0, adopt: 0, update: 0, delete: 0, blocked: blocked.length };
  for (const a of actions) {
    switch (a.kind) {
      case 'create-group':
      case 'create-version':
        summary.create++;
        break;
      case 'put-group-policy':
        if (a.before === undefined) summary.create++;
        else summary.update++;
        break;
      case 'update-group-tags':
      case 'update-version':
        summary.update++;
        break;
      case 'adopt-version':
        summary.adopt++;
        break;
      case 'delete-version':
        summary.delete++;
        break;
      default:
        assertNever(a);
    }
  }
  return summary;
}
