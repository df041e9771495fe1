/**
 * Pairs declared versions with live ones, without ever using SageMaker's version numbers as
 * identity: first by the `reg:id` recorded on the live version, then — for declared versions
 * with no recorded match — by adoption of an unmanaged live version with the same image and
 * model data, so an existing registry is taken over instead of registered a second time.
 */
import type { DesiredVersion } from '../spec/types.js';
import type { LiveVersion } from './live.js';
import { recordedId } from './identity.js';

/** The outcome of pairing one group's declared and live versions. */
export interface VersionMatching {
  /** Declared versions with their live counterpart; `adopted` when matched by content, not by id. */
  readonly matched: readonly { readonly desired: DesiredVersion; readonly live: LiveVersion; readonly adopted: boolean }[];
  /** Declared versions with no live counterpart: to be registered. */
  readonly missing: readonly DesiredVersion[];
  /** Declared versions whose content matches several unmanaged live versions. */
  readonly ambiguous: readonly { readonly desired: DesiredVersion; readonly candidates: readonly LiveVersion[] }[];
  /** Live versions no declared version claims (ordered by number). */
  readonly unmatched: readonly LiveVersion[];
}

/** Pairs one group's versions. Live versions being deleted are ignored: they are already going. */
export function matchVersions(desired: readonly DesiredVersion[], live: readonly LiveVersion[]): VersionMatching {
  const usable = [...live].filter((v) => v.status !== 'Deleting').sort((a, b) => a.version - b.version);
  const byId = new Map<string, LiveVersion>();
  const unrecorded: LiveVersion[] = [];
  for (const v of usable) {
    const id = recordedId(v.customerMetadata);
    if (id === undefined) unrecorded.push(v);
    // Two live versions with one id can only come from outside reg; the oldest keeps the id,
    // the others are reported as unmanaged.
    else if (!byId.has(id)) byId.set(id, v);
  }

  const claimed = new Set<LiveVersion>();
  const matched: { desired: DesiredVersion; live: LiveVersion; adopted: boolean }[] = [];
  const unresolved: DesiredVersion[] = [];
  for (const d of desired) {
    const hit = byId.get(d.id);
    if (hit) {
      matched.push({ desired: d, live: hit, adopted: false });
      claimed.add(hit);
    } else {
      unresolved.push(d);
    }
  }

  const missing: DesiredVersion[] = [];
  const ambiguous: { desired: DesiredVersion; candidates: LiveVersion[] }[] = [];
  for (const d of unresolved) {
    const candidates = unrecorded.filter(
      (v) => !claimed.has(v) && v.image === d.image && (v.modelDataUrl ?? undefined) === (d.modelDataUrl ?? undefined),
    );
    const [only] = candidates;
    if (candidates.length === 1 && only) {
      matched.push({ desired: d, live: only, adopted: true });
      claimed.add(only);
    } else if (candidates.length > 1) {
      ambiguous.push({ desired: d, candidates });
    } else {
      missing.push(d);
    }
  }

  return { matched, missing, ambiguous, unmatched: usable.filter((v) => !claimed.has(v)) };
}
