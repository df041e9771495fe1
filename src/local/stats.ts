/** Call counters per operation, readable and resettable while the server runs. */

/** A snapshot of the counters. `writes` counts successful mutating calls only. */
export interface CallStats {
  calls: Record<string, number>;
  throttled: Record<string, number>;
  failed: Record<string, number>;
  dropped: Record<string, number>;
  /** API errors (4xx answers other than throttling), per operation. */
  errors: Record<string, number>;
  total: number;
  writes: number;
}

const MUTATING = /^(Create|Update|Delete|Put)|^(AddTags|DeleteTags)$/;

/** True for the calls that change state (the ones `writes` counts). */
export function isMutating(operation: string): boolean {
  return MUTATING.test(operation);
}

function bump(m: Record<string, number>, key: string): void {
  m[key] = (m[key] ?? 0) + 1;
}

/** The live counters. */
export class Stats {
  private s: CallStats = Stats.empty();

  private static empty(): CallStats {
    return { calls: {}, throttled: {}, failed: {}, dropped: {}, errors: {}, total: 0, writes: 0 };
  }

  call(op: string): void {
    bump(this.s.calls, op);
    this.s.total += 1;
  }
  throttled(op: string): void {
    bump(this.s.throttled, op);
  }
  failed(op: string): void {
    bump(this.s.failed, op);
  }
  dropped(op: string): void {
    bump(this.s.dropped, op);
  }
  error(op: string): void {
    bump(this.s.errors, op);
  }
  succeeded(op: string): void {
    if (isMutating(op)) this.s.writes += 1;
  }

  snapshot(): CallStats {
    return structuredClone(this.s);
  }

  reset(): void {
    this.s = Stats.empty();
  }
}
