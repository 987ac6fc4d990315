/**
 * @module One log line per HTTP request, with a request id: the caller's `X-Request-Id` when it is a
 * plain token, otherwise a new one; sent back in the response header so a resident's or an officer's
 * report can be matched to the line. Query strings are left out (a status lookup carries phone digits),
 * and the logger redacts what is left.
 */
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../common/logger.js';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,31}$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Twelve random letters: no digits, so the log redaction (which masks long digit runs and 32+
 * character tokens) leaves the id readable.
 */
function newRequestId(): string {
  return Array.from(randomBytes(12), (b) => LETTERS[b % 26]).join('');
}

/** Logs `http request` with reqId, method, path, status and ms once the response is finished. */
export function requestLog(logger: Logger): RequestHandler {
  return function requestLog(req, res, next) {
    const incoming = req.get('x-request-id');
    const reqId = incoming && INCOMING_ID.test(incoming) ? incoming : newRequestId();
    res.setHeader('x-request-id', reqId);
    const started = process.hrtime.bigint();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const fields = {
        reqId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.headersSent ? res.statusCode : 0,
        ms: Math.round(ms * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error('http request', fields);
      else logger.info('http request', fields);
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
