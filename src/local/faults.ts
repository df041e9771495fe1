/**
 * Fault injection: added latency, per-operation token buckets, random 500/503 answers, dropped
 * connections, status delays and endpoint failures. Randomness comes from a seeded PRNG so a
 * test that fixes the seed sees the same faults on every run.
 */

/** A token bucket: `rps` tokens per second, holding at most `burst`. */
export interface RateLimit {
  rps: number;
  burst?: number;
}

/** How a deploy ends: fine, Failed, or rolled back to the previous config. */
export type EndpointOutcome = 'ok' | 'fail' | 'rollback';

/** Every knob; all optional, all changeable at runtime. */
export interface FaultOptions {
  /** Added to every API call before it is answered. */
  latencyMs?: number;
  /** Keyed by operation name, or `*` for every call. */
  rateLimits?: Record<string, RateLimit>;
  /** Fraction of calls answered 500 InternalFailure or 503 ServiceUnavailable. */
  failRate?: number;
  /** Fraction of calls whose connection is destroyed without an answer. */
  dropRate?: number;
  /** Drop before the call runs (nothing happened) or after it ran (the write happened). */
  dropMode?: 'before' | 'after';
  /** How long a new version stays Pending/InProgress. */
  versionStatusDelayMs?: number;
  /** How long a new group stays Pending. */
  groupStatusDelayMs?: number;
  /** How long an endpoint stays Creating/Updating. */
  endpointDelayMs?: number;
  /** Deploy outcome per endpoint name, `*` for all. */
  endpointFailures?: Record<string, EndpointOutcome>;
  /** PRNG seed for fail/drop decisions. */
  seed?: number;
}

/** mulberry32: tiny, fast, and good enough to decide which calls fail. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    readonly limit: RateLimit,
    now: number,
  ) {
    this.tokens = this.capacity;
    this.last = now;
  }
  get capacity(): number {
    return Math.max(1, this.limit.burst ?? this.limit.rps);
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.limit.rps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** What the HTTP layer should do with a call before running it. */
export type Verdict = { kind: 'run' } | { kind: 'throttle' } | { kind: 'fail'; status: 500 | 503 } | { kind: 'drop' };

/** The live fault settings plus the state they need (buckets, PRNG). */
export class Faults {
  private opts: FaultOptions = {};
  private random: () => number = prng(1);
  private buckets = new Map<string, Bucket>();

  constructor(
    initial: FaultOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.set(initial);
  }

  /** Current settings (a copy). */
  get options(): FaultOptions {
    return structuredClone(this.opts);
  }

  /** Merges a partial update; a new seed restarts the PRNG, new limits refill the buckets. */
  set(partial: FaultOptions): void {
    this.opts = { ...this.opts, ...partial };
    if (partial.seed !== undefined || this.opts.seed === undefined) this.random = prng(this.opts.seed ?? 1);
    if (partial.rateLimits !== undefined) this.buckets.clear();
  }

  /** Back to no faults at all. */
  reset(): void {
    this.opts = {};
    this.random = prng(1);
    this.buckets.clear();
  }

  get latencyMs(): number {
    return this.opts.latencyMs ?? 0;
  }
  get dropAfter(): boolean {
    return this.opts.dropMode === 'after';
  }
  get versionDelayMs(): number {
    return this.opts.versionStatusDelayMs ?? 0;
  }
  get groupDelayMs(): number {
    return this.opts.groupStatusDelayMs ?? 0;
  }
  get endpointDelayMs(): number {
    return this.opts.endpointDelayMs ?? 0;
  }

  /** The outcome a deploy of this endpoint will have. */
  endpointOutcome(name: string): EndpointOutcome {
    const f = this.opts.endpointFailures ?? {};
    return f[name] ?? f['*'] ?? 'ok';
  }

  /** Sets (or with null clears) the outcome for one endpoint or `*`. */
  setEndpointFailure(name: string, outcome: EndpointOutcome | null): void {
    const f = { ...(this.opts.endpointFailures ?? {}) };
    if (outcome === null || outcome === 'ok') delete f[name];
    else f[name] = outcome;
    this.opts = { ...this.opts, endpointFailures: f };
  }

  /** Decides a call's fate: drop, throttle, fail, or run. */
  decide(operation: string): Verdict {
    const dropRate = this.opts.dropRate ?? 0;
    if (dropRate > 0 && !this.dropAfter && this.random() < dropRate) return { kind: 'drop' };
    if (!this.admit(operation)) return { kind: 'throttle' };
    const failRate = this.opts.failRate ?? 0;
    if (failRate > 0 && this.random() < failRate) return { kind: 'fail', status: this.random() < 0.5 ? 500 : 503 };
    return { kind: 'run' };
  }

  /** After a call ran: should its answer be dropped (dropMode 'after')? */
  dropAnswer(): boolean {
    const dropRate = this.opts.dropRate ?? 0;
    return dropRate > 0 && this.dropAfter && this.random() < dropRate;
  }

  private admit(operation: string): boolean {
    const limits = this.opts.rateLimits ?? {};
    const now = this.now();
    // Both the operation's own bucket and the global one must have a token.
    for (const key of [operation, '*']) {
      const limit = limits[key];
      if (!limit) continue;
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = new Bucket(limit, now);
        this.buckets.set(key, bucket);
      }
      if (!bucket.take(now)) return false;
    }
    return true;
  }
}

/** Parses `op=rps[:burst]` CLI values into rate limits. */
export function parseRateLimits(specs: readonly string[]): Record<string, RateLimit> | string {
  const out: Record<string, RateLimit> = {};
  for (const spec of specs) {
    const m = /^([A-Za-z*]+)=([0-9]*\.?[0-9]+)(?::([0-9]+))?$/.exec(spec.trim());
    if (!m) return `invalid rate limit "${spec}", expected op=rps[:burst] such as ListModelPackages=5:10 or *=20`;
    const rps = Number(m[2]);
    out[m[1] as string] = m[3] === undefined ? { rps } : { rps, burst: Number(m[3]) };
  }
  return out;
}
