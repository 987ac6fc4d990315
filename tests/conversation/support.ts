import type { ChatReply } from '../../common/chat.js';
import type { PublicStatusLookup } from '../../common/dossier-contracts.js';
import { createContext, type ConversationContext } from '../../conversation/context.js';
import { SessionStore, type Session } from '../../conversation/session-store.js';
import { readTurn, type Turn } from '../../conversation/turn.js';
import type { IncomingMessage } from '../../conversation/types.js';
import {
  Catalogue,
  type Answerer,
  type CommuneDirectory,
  type FindOutcome,
  type Procedure,
} from '../../knowledge/index.js';

/*
 * A small conversation context for intent tests: a hand-made catalogue and an answerer whose search
 * outcome the test sets. Explanations echo the procedure code, so tests see which one was explained.
 */

/** A minimal procedure record (only what the conversation reads). */
export function procedure(code: string, name: string, extra: Partial<Procedure> = {}): Procedure {
  return {
    code,
    name,
    detail: 'full',
    field: null,
    levels: ['xa'],
    type: null,
    scope: 'national',
    province: null,
    promulgatedBy: null,
    decisionNumber: null,
    agencies: { executing: [], competent: [], coordinating: [], receivingAddress: null },
    targetGroups: [],
    steps: [],
    filingMethods: [],
    documentGroups: [],
    results: [],
    conditions: null,
    legalBases: [],
    fullyOnline: null,
    sourceUrl: `https://dichvucong.gov.vn/p/${code}`,
    updatedAt: null,
    popularity: null,
    sources: [],
    ...extra,
  };
}

export interface Harness {
  ctx: ConversationContext;
  sessions: SessionStore;
  /** Explanations asked of the answerer, in order. */
  explained: Array<{ code: string; mode: string; question: string }>;
  /** What the next search returns. */
  outcome: FindOutcome;
  turn(text: string, extra?: Partial<IncomingMessage>, key?: string): Turn;
  session(key?: string): Session;
}

/** Builds a context over `procedures`, with an optional status lookup. */
export function harness(
  procedures: Procedure[],
  options: { statusLookup?: PublicStatusLookup; communes?: CommuneDirectory } = {},
): Harness {
  const catalogue = new Catalogue({
    meta: { schemaVersion: 1, snapshotDate: '2026-07-20', count: procedures.length, sha256: '' },
    procedures,
  });
  const h: Harness = {
    explained: [],
    outcome: { kind: 'none', suggestions: [] },
  } as unknown as Harness;
  const answerer: Answerer = {
    find: () => Promise.resolve(h.outcome),
    explain: (p, o): Promise<ChatReply> => {
      h.explained.push({ code: p.code, mode: o.mode ?? 'short', question: o.question ?? '' });
      return Promise.resolve({
        answered: true,
        text: `${p.name} (${p.code})`,
        procedure: { code: p.code, name: p.name },
        choices: [],
        sources: [{ code: p.code, url: p.sourceUrl }],
        hasMore: true,
      });
    },
  };
  h.sessions = new SessionStore(60_000);
  h.ctx = createContext(
    {
      answerer,
      catalogue,
      desk: { name: 'Bộ phận Một cửa', phone: '0237 3 999 888' },
      sessionTtlMinutes: 30,
      ...(options.statusLookup ? { statusLookup: options.statusLookup } : {}),
      ...(options.communes ? { communes: options.communes } : {}),
    },
    h.sessions,
  );
  h.session = (key = 'web:u') => h.sessions.get(key);
  h.turn = (text, extra = {}, key = 'web:u') =>
    readTurn({ channel: 'web', userId: 'u', text, ...extra }, key, h.sessions.get(key));
  return h;
}
