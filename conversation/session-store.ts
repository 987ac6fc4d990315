/** What the conversation remembers about one person on one channel. */
export interface Session {
  /** Procedure the conversation is about, for follow-ups ("còn lệ phí thì sao?"). */
  currentCode: string | null;
  /** Choices last offered, so "1"/"2"/"3" can pick them. */
  lastChoices: string[];
  /** Other candidates from the last search, offered when the resident says "không phải". */
  alternatives: string[];
  /** Whether the last answer was a close call (then the reply hints at "không phải"). */
  closeCall: boolean;
  /** Attributes asked in the question that led to a clarification, answered once a choice is picked. */
  pendingQuestion: string | null;
  /** Dossier status lookups made in this session (guards guessing the 4-digit second factor). */
  lookups?: number;
  /** A dossier lookup waiting for its missing part (the reference, or the phone digits for it). */
  lookupWaiting?: { reference: string | null } | null;
  /** The "xem thêm" page last shown for `currentCode` (0 = the short answer). */
  pageShown?: number;
  /** Official code of the commune/ward the resident said they live in (used for "where to file"). */
  communeCode?: string | null;
  touchedAt: number;
}

/** Sessions per key, expiring after inactivity. Bounded so a flood of ids cannot exhaust memory. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSessions = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Session {
    const existing = this.sessions.get(key);
    const t = this.now();
    if (existing && t - existing.touchedAt <= this.ttlMs) {
      existing.touchedAt = t;
      // Re-insert to keep Map order = least recently used first.
      this.sessions.delete(key);
      this.sessions.set(key, existing);
      return existing;
    }
    const fresh: Session = {
      currentCode: null,
      lastChoices: [],
      alternatives: [],
      closeCall: false,
      pendingQuestion: null,
      touchedAt: t,
    };
    this.sessions.set(key, fresh);
    if (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return fresh;
  }

  reset(key: string): void {
    this.sessions.delete(key);
  }

  get size(): number {
    return this.sessions.size;
  }
}
