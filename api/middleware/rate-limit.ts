/**
 * @module
 * Fixed-window rate limiting per key (client IP by default), counted in the database
 * ({@link Counters}), so a limit holds across restarts and across several API processes.
 */
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import type { Counters } from '../guard/counters.js';

export interface RateLimitOptions {
  counters: Counters;
  /** Names the limit in the counter key (e.g. "chat"). */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** What to count by; defaults to the client IP (honouring TRUST_PROXY). */
  key?: (req: Request) => string;
  /** Vietnamese message; `{seconds}` is replaced by the wait. */
  message?: string;
}

/** The client key of a request: its IP as express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export const clientKeyOf = (req: Request) => `ip:${req.ip ?? 'unknown'}`;

/** A 429 with `Retry-After`, the one shape every limit answers with. */
export function tooMany(message: string, resetInMs: number): HttpError {
  const wait = Math.max(1, Math.ceil(resetInMs / 1000));
  return new HttpError(429, 'RATE_LIMITED', message.replace('{seconds}', String(wait)), {
    headers: { 'Retry-After': String(wait) },
  });
}

/**
 * Answers 429 with `Retry-After` once a key exceeds `limit` requests in the window.
 * @example router.post('/chat', rateLimit({ counters, name: 'chat', limit: 60, windowMs: 60_000 }), handler)
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const keyOf = options.key ?? clientKeyOf;
  const template =
    options.message ?? 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau {seconds} giây.';
  return async function rateLimit(req, _res, next) {
    const state = await options.counters.hit(`rl:${options.name}:${keyOf(req)}`, options.windowMs);
    if (state.count > options.limit) throw tooMany(template, state.resetInMs);
    next();
  };
}
