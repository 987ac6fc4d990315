/**
 * @module
 * The dossier schema as an ordered list of migrations. Each runs once, in its own transaction, under
 * an advisory lock so two API processes starting together on PostgreSQL do not race.
 */
import type { Database } from './database.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'dossiers, history, attachments, outbox, officers, apologies',
    sql: `
CREATE TABLE officers (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  commune_code text NOT NULL,
  role text NOT NULL CHECK (role IN ('officer', 'admin')),
  display_name text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX officers_commune ON officers (commune_code) WHERE NOT disabled;

CREATE TABLE dossiers (
  id text PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  processing_days integer,
  commune_code text NOT NULL,
  resident_id text NOT NULL,
  applicant_name text NOT NULL,
  applicant_phone text NOT NULL,
  applicant_email text,
  phone_last4 text NOT NULL,
  form_data jsonb NOT NULL,
  status text NOT NULL,
  -- DVCQG channel: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích
  channel smallint NOT NULL DEFAULT 2,
  result_delivery text NOT NULL CHECK (result_delivery IN ('tai_quay', 'buu_chinh')),
  delivery_address text,
  notify_channel text NOT NULL,
  notify_recipient text,
  missing_documents jsonb NOT NULL DEFAULT '[]',
  fee_amount_vnd bigint,
  submitted_at timestamptz NOT NULL,
  received_at timestamptz,
  appointment_date date,
  completed_at timestamptz,
  updated_at timestamptz NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  history_count integer NOT NULL,
  history_head text NOT NULL,
  CONSTRAINT dossiers_idempotency UNIQUE (resident_id, idempotency_key)
);
CREATE INDEX dossiers_resident ON dossiers (resident_id, submitted_at DESC, id);
CREATE INDEX dossiers_commune ON dossiers (commune_code, submitted_at DESC, id);
CREATE INDEX dossiers_open_by_date ON dossiers (appointment_date)
  WHERE status IN ('MOI_DANG_KY', 'DUOC_TIEP_NHAN', 'DANG_XU_LY');

CREATE TABLE dossier_history (
  dossier_id text NOT NULL REFERENCES dossiers (id),
  seq integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_kind text NOT NULL,
  actor_id text,
  actor_name text,
  note text,
  details jsonb NOT NULL,
  at timestamptz NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);

CREATE TABLE dossier_attachments (
  id text PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  history_seq integer NOT NULL,
  document_code text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL UNIQUE,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX dossier_attachments_dossier ON dossier_attachments (dossier_id);

CREATE TABLE notification_outbox (
  id bigserial PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  history_seq integer NOT NULL,
  channel text NOT NULL,
  recipient text NOT NULL,
  body text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_error text,
  message_id text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at)
  WHERE state IN ('pending', 'sending');

CREATE TABLE apologies (
  id text PRIMARY KEY,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  commune_code text NOT NULL,
  original_date date NOT NULL,
  proposed_date date NOT NULL,
  letter text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed')),
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  confirmed_by text,
  CONSTRAINT apologies_once_per_date UNIQUE (dossier_id, original_date)
);
CREATE INDEX apologies_pending ON apologies (commune_code, created_at) WHERE state = 'pending';
`,
  },
  {
    version: 2,
    name: 'rate counters and seen ids (limits, lookup locks, webhook replay windows)',
    sql: `
CREATE TABLE rate_counters (
  key text PRIMARY KEY,
  count integer NOT NULL,
  window_end timestamptz NOT NULL
);
CREATE INDEX rate_counters_expiry ON rate_counters (window_end);

CREATE TABLE seen_ids (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX seen_ids_expiry ON seen_ids (expires_at);
`,
  },
  {
    version: 3,
    name: 'in-app notices to residents, dossier ratings',
    sql: `
CREATE TABLE resident_notices (
  id bigserial PRIMARY KEY,
  resident_id text NOT NULL,
  dossier_id text NOT NULL REFERENCES dossiers (id),
  history_seq integer NOT NULL,
  body text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX resident_notices_resident ON resident_notices (resident_id, id);

CREATE TABLE dossier_ratings (
  dossier_id text PRIMARY KEY REFERENCES dossiers (id),
  resident_id text NOT NULL,
  procedure_code text NOT NULL,
  commune_code text NOT NULL,
  stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dossier_ratings_commune ON dossier_ratings (commune_code, created_at);
`,
  },
  {
    version: 4,
    name: 'notice groups, notices, deliveries, sent messages, subscriptions',
    sql: `
CREATE TABLE notice_groups (
  id text PRIMARY KEY,
  -- 'group': a chat the bot posts into, 'share-kit': a villagers' own Zalo group (pasted by hand),
  -- 'subscriber': one resident's private chat subscribed to a village's notices.
  kind text NOT NULL CHECK (kind IN ('group', 'share-kit', 'subscriber')),
  platform text NOT NULL CHECK (platform IN ('telegram', 'zalo-oa', 'zalo-bot', 'zalo')),
  chat_id text,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'inactive')),
  commune_code text,
  village text,
  tags jsonb NOT NULL DEFAULT '[]',
  admin_name text,
  inactive_reason text,
  send_after timestamptz,
  approved_by text,
  approved_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX notice_groups_chat ON notice_groups (platform, kind, chat_id) WHERE chat_id IS NOT NULL;
CREATE INDEX notice_groups_commune ON notice_groups (commune_code, status);

CREATE TABLE notices (
  id text PRIMARY KEY,
  public_id text NOT NULL UNIQUE,
  commune_code text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  image_url text,
  link_url text,
  targets jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'cancelled')),
  send_at timestamptz NOT NULL,
  created_by text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  fanned_out_at timestamptz,
  cancelled_at timestamptz,
  cancelled_by text,
  idempotency_key text,
  CONSTRAINT notices_idempotency UNIQUE (created_by, idempotency_key)
);
CREATE INDEX notices_due ON notices (send_at) WHERE status = 'scheduled';
CREATE INDEX notices_commune ON notices (commune_code, created_at DESC);

CREATE TABLE notice_deliveries (
  id bigserial PRIMARY KEY,
  notice_id text NOT NULL REFERENCES notices (id),
  group_id text NOT NULL REFERENCES notice_groups (id),
  platform text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'share-kit', 'shared')),
  parts_total integer NOT NULL,
  parts_sent integer NOT NULL DEFAULT 0,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  -- Set just before a part goes to the platform and cleared once its message id is stored: a row
  -- reclaimed with it set may have reached the group already (the window the platform cannot close).
  part_started_at timestamptz,
  possible_duplicate boolean NOT NULL DEFAULT false,
  last_error text,
  sent_at timestamptz,
  share_token text,
  shared_at timestamptz,
  shared_by text,
  CONSTRAINT notice_deliveries_once UNIQUE (notice_id, group_id)
);
CREATE INDEX notice_deliveries_due ON notice_deliveries (next_attempt_at)
  WHERE state IN ('pending', 'sending');
CREATE INDEX notice_deliveries_group ON notice_deliveries (group_id);

CREATE TABLE notice_messages (
  delivery_id bigint NOT NULL REFERENCES notice_deliveries (id),
  part integer NOT NULL,
  group_id text NOT NULL,
  chat_id text NOT NULL,
  message_id text,
  -- When the part was handed to the platform (write-ahead) and when its id was recorded: the
  -- window in which a crash leaves the ledger unsure whether the group got it.
  started_at timestamptz,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (delivery_id, part)
);
CREATE INDEX notice_messages_group_recent ON notice_messages (group_id, sent_at);
`,
  },
  {
    version: 5,
    name: 'knowledge gaps (deduplicated, redacted questions the assistant could not answer)',
    sql: `
CREATE TABLE knowledge_gaps (
  id bigserial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  question text NOT NULL,
  channel text NOT NULL,
  reason text NOT NULL,
  count integer NOT NULL DEFAULT 1,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  handled_at timestamptz,
  handled_by text
);
CREATE INDEX knowledge_gaps_open ON knowledge_gaps (count DESC, last_at DESC) WHERE handled_at IS NULL;
`,
  },
  {
    version: 6,
    name: 'officer console: desks, sessions, account audit',
    sql: `
ALTER TABLE officers ADD COLUMN desk text NOT NULL DEFAULT 'mot_cua';
ALTER TABLE dossiers ADD COLUMN desk text NOT NULL DEFAULT 'mot_cua';
CREATE INDEX dossiers_commune_desk ON dossiers (commune_code, desk, status, appointment_date);

CREATE TABLE commune_desks (
  commune_code text NOT NULL,
  desk text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commune_code, desk)
);

CREATE TABLE officer_sessions (
  id text PRIMARY KEY,
  officer_id text NOT NULL REFERENCES officers (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX officer_sessions_officer ON officer_sessions (officer_id);

CREATE TABLE officer_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  commune_code text NOT NULL,
  actor_id text,
  actor_name text,
  action text NOT NULL,
  target_id text,
  target_name text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX officer_audit_commune ON officer_audit (commune_code, at DESC);

`,
  },
  {
    version: 7,
    name: 'keyed history chain: row state per entry, audit marks',
    sql: `
-- The dossier row state each entry produced, covered by the entry's keyed hash (api/audit).
ALTER TABLE dossier_history ADD COLUMN state jsonb;
-- Entries without a state are legacy (unkeyed) ones: found at once when the store opens.
CREATE INDEX dossier_history_legacy ON dossier_history (dossier_id) WHERE state IS NULL;
-- Records signed with the audit key (e.g. when legacy chains were re-keyed, and which were not).
CREATE TABLE audit_marks (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  mac text NOT NULL
);
`,
  },
  {
    version: 8,
    name: 'notice deliveries in doubt after a crash: state unknown, resolved by an officer',
    sql: `
-- 'unknown': a worker died after handing a part to a platform that cannot de-duplicate and before
-- recording it. Instead of resending blindly, the row waits for someone to look at the group.
ALTER TABLE notice_deliveries DROP CONSTRAINT IF EXISTS notice_deliveries_state_check;
ALTER TABLE notice_deliveries ADD CONSTRAINT notice_deliveries_state_check
  CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'share-kit', 'shared', 'unknown'));
ALTER TABLE notice_deliveries ADD COLUMN resolved_by text;
ALTER TABLE notice_deliveries ADD COLUMN resolved_at timestamptz;
`,
  },
  {
    version: 9,
    name: 'proven notification chats: one-time link codes, chats linked to residents',
    sql: `
-- A code a signed-in resident asked for, to be sent from the chat they want notices in. Only its hash
-- is stored, so reading the table does not give live codes. Single use, short-lived.
CREATE TABLE notify_link_codes (
  code_hash text PRIMARY KEY,
  resident_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('telegram', 'zalo', 'zalo-oa')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_chat text
);
CREATE INDEX notify_link_codes_expiry ON notify_link_codes (expires_at);

-- The chat a resident proved is theirs on each channel ('link-code': the code came from that chat).
-- Dossiers notify only these.
CREATE TABLE resident_channels (
  resident_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('telegram', 'zalo', 'zalo-oa')),
  recipient text NOT NULL,
  proof text NOT NULL,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (resident_id, channel)
);
`,
  },
];

/** Arbitrary constant naming our advisory lock. */
const MIGRATION_LOCK = 7_254_001;

/** Applies every migration not yet recorded; returns the versions applied now. */
export async function migrate(db: Database): Promise<number[]> {
  // Under the lock too: two processes running CREATE TABLE IF NOT EXISTS at once can both pass the
  // check and one then fails on pg_type's unique index.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** Our migrations contain no semicolons inside strings or bodies, so a plain split is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
