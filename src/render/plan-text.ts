/**
 * The plan as people read it, in the manner of `terraform plan`: one block per resource with
 * a symbol (+ create, ~ update, = adopt, - delete, ! blocked), each changed field with its
 * before -> after, then what is left alone, then one summary line.
 */
import { assertNever } from '../errors.js';
import type { Action, BlockedItem, FieldChange, Plan, PlanSummary, UnmanagedVersion } from '../reconcile/actions.js';
import { ID_METADATA_KEY, VERSION_CONTENT_FIELDS } from '../spec/types.js';
import { painter, type Paint } from './style.js';
import { formatLoc, formatValue } from './values.js';
import { diffLines } from './line-diff.js';
import { canonicalJson } from '../reconcile/compare.js';

/** Renders a plan as text; `color` adds ANSI colour. */
export function renderPlanText(plan: Plan, options: { color: boolean }): string {
  const paint = painter(options.color);
  const out: string[] = [];
  if (plan.actions.length > 0) {
    out.push('reg will perform the following actions:', '');
    for (const action of plan.actions) out.push(...renderAction(action, paint), '');
  }
  if (plan.blocked.length > 0) {
    out.push(paint('red', 'Blocked: reg cannot converge these in place (apply refuses unless --skip-blocked):'), '');
    for (const item of plan.blocked) out.push(...renderBlocked(item, paint), '');
  }
  if (plan.unmanaged.length > 0) out.push(...renderUnmanaged(plan.unmanaged, paint), '');
  for (const note of plan.notes) out.push(`${paint('cyan', 'Note:')} ${note}`);
  if (plan.notes.length > 0) out.push('');
  if (plan.actions.length === 0 && plan.blocked.length === 0) {
    out.push(paint('green', 'No changes. The registry matches the spec.'));
  } else {
    out.push(paint('bold', summaryLine(plan.summary)));
  }
  return `${out.join('\n')}\n`;
}

/** `Plan: 2 to create, 1 to update, 0 to delete, 1 blocked.` (adoptions named only when there are some). */
export function summaryLine(s: PlanSummary): string {
  const adopt = s.adopt > 0 ? `, ${s.adopt} to adopt` : '';
  return `Plan: ${s.create} to create${adopt}, ${s.update} to update, ${s.delete} to delete, ${s.blocked} blocked.`;
}

function header(symbol: string, colour: 'green' | 'yellow' | 'cyan' | 'red', title: string, loc: string, paint: Paint): string {
  const where = loc ? `  ${paint('dim', loc)}` : '';
  return `  ${paint([colour, 'bold'], symbol)} ${paint('bold', title)}${where}`;
}

function renderAction(action: Action, paint: Paint): string[] {
  const loc = formatLoc(action.loc);
  switch (action.kind) {
    case 'create-group':
      return [
        header('+', 'green', `${action.address} will be created`, loc, paint),
        ...fieldLines(paint, [
          ['description', action.description],
          ...Object.entries(action.tags).map(([k, v]): [string, unknown] => [`tags.${k}`, v]),
        ]),
      ];
    case 'update-group-tags':
      return [header('~', 'yellow', `${action.address} will be updated in place`, loc, paint), ...changeLines(action.changes, paint)];
    case 'put-group-policy':
      return action.before === undefined
        ? [header('+', 'green', `${action.address} will be set`, loc, paint), ...jsonLines(undefined, action.policy, paint)]
        : [
            header('~', 'yellow', `${action.address} will be updated (compared as JSON)`, loc, paint),
            ...jsonLines(action.before, action.policy, paint),
          ];
    case 'create-version': {
      // Everything registered here is frozen once SageMaker has it, so the plan shows all of it.
      const i = action.input;
      const content = VERSION_CONTENT_FIELDS.flatMap((field) => flatten(field, i[field]));
      const metadata = Object.entries(i.customerMetadata).filter(([k]) => k !== ID_METADATA_KEY);
      return [
        header('+', 'green', `${action.address} will be registered`, loc, paint),
        ...fieldLines(paint, [
          ...content,
          ...metadata.map(([k, v]): [string, unknown] => [`customerMetadata.${k}`, v]),
          ['approval', i.approval],
          ['approvalDescription', i.approvalDescription],
        ]),
      ];
    }
    case 'update-version':
      return [
        header('~', 'yellow', `${action.address} (v${action.version}) will be updated in place`, loc, paint),
        ...changeLines(action.changes, paint),
      ];
    case 'adopt-version':
      return [
        header('=', 'cyan', `${action.address} will adopt live v${action.version} (same image and model data)`, loc, paint),
        ...changeLines(action.changes, paint),
      ];
    case 'delete-version': {
      const id = action.versionId === undefined ? '' : ` (reg:id ${action.versionId})`;
      return [
        `${header('-', 'red', `${action.address}${id} will be deleted`, loc, paint)} ${paint(['red', 'bold'], '[destructive: --prune]')}`,
      ];
    }
    default:
      return assertNever(action);
  }
}

/**
 * A value as dotted leaf fields (`environment.SAGEMAKER_PROGRAM`); lists stay whole, and a
 * metrics report is one line: its URI, or the whole source when it has more than the default
 * content type.
 */
function flatten(prefix: string, value: unknown): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return Array.isArray(value) && value.length === 0 ? [] : [[prefix, value]];
  }
  const record = value as Record<string, unknown>;
  if (typeof record['s3Uri'] === 'string') {
    const plain = record['contentType'] === 'application/json' && record['contentDigest'] === undefined;
    return [[prefix, plain ? record['s3Uri'] : value]];
  }
  return Object.entries(record).flatMap(([k, v]) => flatten(`${prefix}.${k}`, v));
}

function fieldLines(paint: Paint, fields: readonly [string, unknown][]): string[] {
  const present = fields.filter(([, v]) => v !== undefined && v !== '');
  const width = Math.max(0, ...present.map(([k]) => k.length));
  return present.map(([k, v]) => `      ${paint('green', '+')} ${`${k}:`.padEnd(width + 1)} ${formatValue(v)}`);
}

function changeLines(changes: readonly FieldChange[], paint: Paint): string[] {
  const width = Math.max(0, ...changes.map((c) => c.field.length));
  return changes.map((c) => {
    const name = `${c.field}:`.padEnd(width + 1);
    if (c.before === undefined) return `      ${paint('green', '+')} ${name} ${formatValue(c.after)}`;
    if (c.after === undefined) return `      ${paint('red', '-')} ${name} ${formatValue(c.before)}`;
    return `      ${paint('yellow', '~')} ${name} ${formatValue(c.before)} ${paint('dim', '->')} ${formatValue(c.after)}`;
  });
}

/** A JSON value pretty-printed with sorted keys, as a line diff against `before` (all added when undefined). */
function jsonLines(before: unknown, after: unknown, paint: Paint): string[] {
  const lines = (v: unknown) => JSON.stringify(canonicalJson(v), null, 2).split('\n');
  const colour = { ' ': 'dim', '-': 'red', '+': 'green' } as const;
  return diffLines(before === undefined ? [] : lines(before), lines(after)).map(
    (d) => `      ${paint(colour[d.op], d.op)} ${d.op === ' ' ? paint('dim', d.text) : d.text}`,
  );
}

function renderBlocked(item: BlockedItem, paint: Paint): string[] {
  const version = item.version === undefined ? '' : ` (v${item.version})`;
  const lines = [header('!', 'red', `${item.address}${version}: ${describeReason(item)}`, formatLoc(item.loc), paint)];
  lines.push(...changeLines(item.changes, paint));
  lines.push(`      ${paint('dim', item.hint)}`);
  return lines;
}

function describeReason(item: BlockedItem): string {
  switch (item.reason) {
    case 'IMMUTABLE_FIELD':
      return `immutable ${item.changes.length === 1 ? 'field' : 'fields'} changed`;
    case 'AMBIGUOUS_ADOPTION':
      return 'cannot choose which live version to adopt';
    case 'VERSION_FAILED':
      return 'live version is Failed';
    default:
      return assertNever(item.reason);
  }
}

function renderUnmanaged(items: readonly UnmanagedVersion[], paint: Paint): string[] {
  const lines = [paint('bold', 'Unmanaged versions in declared groups (not in the spec; left alone unless --prune):')];
  for (const u of items) {
    const id = u.versionId === undefined ? '' : `, reg:id ${u.versionId}`;
    let fate = '';
    if (u.servedBy.length > 0) fate = ` — served by endpoint ${u.servedBy.join(', ')}, never pruned`;
    else if (u.pruned) fate = ` — ${paint('red', 'will be deleted')}`;
    lines.push(`  ${u.group} v${u.version} (${u.approval}${id})${fate}`);
  }
  return lines;
}
