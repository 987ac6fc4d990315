/**
 * @module
 * Fixed-window rate limiting per key (client IP), in memory. Enough for one API process; behind
 * several processes each keeps its own count, which only makes the limit per process.
 */
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** What to count by; defaults to the client IP. */
  key?: (req: Request) => string;
  /** Vietnamese message; `{seconds}` is replaced by the wait. */
  message?: string;
}

/** A counter usable outside express (e.g. per username at login). */
export function createWindowCounter(limit: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one hit; returns seconds to wait when over the limit, else 0. */
    hit(key: string, now = Date.now()): number {
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      }
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count > limit ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : 0;
    },
  };
}

/**
 * Answers 429 with `Retry-After` once a key exceeds `limit` requests in the window.
 * @example router.get('/status', rateLimit({ limit: 10, windowMs: 60_000 }), handler)
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const counter = createWindowCounter(options.limit, options.windowMs);
  const keyOf = options.key ?? ((req: Request) => req.ip ?? 'unknown');
  const template =
    options.message ?? 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau {seconds} giây.';
  return function rateLimit(req, _res, next) {
    const wait = counter.hit(keyOf(req));
    if (wait > 0) {
      throw new HttpError(429, 'RATE_LIMITED', template.replace('{seconds}', String(wait)), {
        headers: { 'Retry-After': String(wait) },
      });
    }
    next();
  };
}
