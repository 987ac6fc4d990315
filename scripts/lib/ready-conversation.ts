import { gettingReadyReply } from '../../common/chat.js';
import type { Conversation } from '../../conversation/types.js';

/** How long a turn may wait for the assistant before the "getting ready" reply (see below). */
export const READY_GRACE_MS = 4000;

/**
 * A conversation that never keeps a resident waiting long: a turn that arrives before `ready`
 * resolves waits up to `graceMs` for it — on a fresh start with the index already built the
 * assistant is ready a moment after the port opens, and the first question deserves a real answer,
 * not "please send it again" — then gets the polite "getting ready" reply (nothing waits on a
 * search index being built). Afterwards the real conversation answers.
 */
export function conversationWhenReady(
  ready: Promise<Conversation>,
  graceMs: number = READY_GRACE_MS,
): Conversation {
  let real: Conversation | undefined;
  const settled = ready.then(
    (conversation) => {
      real = conversation;
      return conversation;
    },
    () => undefined,
  );
  const readyWithin = async (ms: number): Promise<Conversation | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    try {
      return await Promise.race([settled, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    handle: async (message) => {
      const conversation = real ?? (await readyWithin(graceMs));
      return conversation ? conversation.handle(message) : gettingReadyReply();
    },
  };
}
