import { BoundedMap } from './bounded-set.js';

/** What to do with one incoming message. */
export type RateDecision = 'allow' | 'warn' | 'drop';

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Messages a person may send at once. */
  burst: number;
  /** Sustained messages per minute. */
  perMinute: number;
  /** How many people to track (oldest forgotten first). */
  maxTracked?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
  warned: boolean;
}

/**
 * Per-person token bucket on incoming messages. The first message over the limit gets `warn` (the
 * channel answers once, politely); further ones get `drop` until the bucket refills.
 */
export class RateLimiter {
  private readonly buckets: BoundedMap<Bucket>;
  private readonly now: () => number;
  private readonly refillPerMs: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.buckets = new BoundedMap(options.maxTracked ?? 10_000);
    this.now = options.now ?? Date.now;
    this.refillPerMs = options.perMinute / 60_000;
  }

  take(key: string): RateDecision {
    const now = this.now();
    const previous = this.buckets.get(key);
    const bucket: Bucket = previous
      ? {
          ...previous,
          tokens: Math.min(
            this.options.burst,
            previous.tokens + (now - previous.at) * this.refillPerMs,
          ),
          at: now,
        }
      : { tokens: this.options.burst, at: now, warned: false };
    let decision: RateDecision;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      decision = 'allow';
    } else {
      decision = bucket.warned ? 'drop' : 'warn';
      bucket.warned = true;
    }
    this.buckets.set(key, bucket);
    return decision;
  }
}
