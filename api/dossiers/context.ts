/**
 * @module
 * What the dossier operations need: the store, the procedure facts, a clock and a way to wake the
 * notification dispatcher after a commit. Also the actor types (who is acting).
 */
import type { Logger } from '../../common/logger.js';
import type { CommuneDirectory } from '../../knowledge/index.js';
import type { ProcedureLookup } from '../procedure-lookup.js';
import type { Store } from '../store/store.js';
import type { OfficerRole } from '../store/officer-repository.js';

export interface DossierContext {
  store: Store;
  catalogue: ProcedureLookup;
  /** The current communes and wards: dossiers may only be filed with one of their codes. */
  communes: CommuneDirectory;
  logger: Logger;
  /** Generic name of the receiving desk, used when a dossier's commune is not in the directory. */
  deskName: string;
  now: () => Date;
  /** Called after a commit that enqueued notifications. */
  notified: () => void;
  /** Communes known to have an officer (only grows; an officer is never deleted, only disabled). */
  servedCommunes: Set<string>;
}

/**
 * The dossier context of a process, built once by the runtime (api/runtime.ts) and shared by the
 * routes and the late-dossier check, so there is one cache of served communes.
 */
export function createDossierContext(
  parts: Omit<DossierContext, 'servedCommunes'>,
): DossierContext {
  return { ...parts, servedCommunes: new Set() };
}

/** A resident signed in through the Zalo Mini App. */
export interface ResidentActor {
  role: 'resident';
  residentId: string;
  name: string | null;
}

/** A commune officer or admin. */
export interface OfficerActor {
  role: OfficerRole;
  officerId: string;
  username: string;
  communeCode: string;
  /** The desk the officer works at (`mot_cua`, `cong_an`); admins see every desk of their commune. */
  desk?: string;
  /** Full name, written in the history so residents and colleagues see who acted. */
  displayName?: string | null;
}

export interface SystemActor {
  role: 'system';
}

export type Actor = ResidentActor | OfficerActor | SystemActor;

/** The fields of a history entry that say who acted. */
export function actorColumns(actor: Actor): {
  kind: string;
  id: string | null;
  name: string | null;
} {
  switch (actor.role) {
    case 'resident':
      return { kind: 'resident', id: actor.residentId, name: null };
    case 'system':
      return { kind: 'system', id: null, name: null };
    default:
      return { kind: actor.role, id: actor.officerId, name: actor.username };
  }
}
