/** "Did you mean …?" for misspelt keys and enum values. */

function squash(s: string): string {
  return s.toLowerCase().replace(/[-_\s]/g, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo.
 * Case and `-`/`_` differences count as exact (model_data_url → modelDataUrl).
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const sq = squash(input);
  const exact = candidates.find((c) => squash(c) === sq);
  if (exact !== undefined) return exact;
  // A unique candidate that the input abbreviates (Pending → PendingManualApproval).
  const prefixed = sq.length >= 3 ? candidates.filter((c) => squash(c).startsWith(sq)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const dist = editDistance(sq, squash(c));
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(sq.length, 3) / 3));
  return bestDist <= allowed ? best : undefined;
}
