/**
 * The planner: a pure, synchronous function from (desired, live) to a Plan. No I/O, no
 * clock, no randomness — the same inputs always give the same plan, which is what makes
 * `plan` trustworthy and lets a saved plan be checked against the registry later.
 */
import { assertNever, InternalError } from '../errors.js';
import type { DesiredGroup, DesiredState } from '../spec/types.js';
import type { LiveGroup, LiveState } from './live.js';
import type { Action, BlockedItem, Plan, PlanSummary, UnmanagedVersion } from './actions.js';
import { groupDescriptionChange, mapChanges, ownTags, policiesEqual } from './compare.js';
import { planCreates, planVersions } from './plan-versions.js';
import { groupAddress } from './address.js';

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

/** What planning collects, group by group. */
export interface Accumulator {
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
