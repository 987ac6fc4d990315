import { GroupSendError } from '../../../common/notice-contracts.js';

/** Network errors that happen before a request leaves this machine: nothing reached the platform. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function causeCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * A request that failed without an answer, as the notice delivery worker must treat it: `transient`
 * when it never left this machine (safe to resend), `uncertain` otherwise (a timeout or a dropped
 * connection: the platform may have posted it). `description` must already be free of secrets.
 */
export function networkFailure(error: unknown, description: string): GroupSendError {
  const code = causeCode(error);
  return new GroupSendError(code && NOT_SENT.has(code) ? 'transient' : 'uncertain', description);
}
