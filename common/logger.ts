import {
  destination as pinoDestination,
  pino,
  type DestinationStream,
  type Logger as PinoLogger,
} from 'pino';
import { redact } from './redact.js';

/**
 * Structured logger (pino underneath). Two layers keep personal numbers and secrets out of logs:
 * every message and string field goes through {@link redact} (CCCD, phone numbers in every spacing,
 * tokens), and fields whose name says they are secret are censored whole ({@link REDACT_PATHS}).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Field names censored wherever they appear (top level or one object down): credentials and the
 * personal data a form carries. Their values never reach a log, not even redacted.
 */
export const REDACT_PATHS: readonly string[] = [
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  'idNumber',
  'cccd',
  'phone',
  // The history chain's audit key as config carries it (config.audit.key).
  'audit.key',
  'auditKey',
  'headers.authorization',
  'headers.cookie',
  'headers["x-telegram-bot-api-secret-token"]',
].flatMap((p) => [p, `*.${p}`]);

function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
  }
  return value;
}

/**
 * Creates a logger writing one JSON line per entry (`level`, `t`, `msg`, fields) to stderr, so stdout
 * stays free for CLI output. `write` receives each line instead (tests); `silent` drops everything.
 */
export function createLogger(
  options: { silent?: boolean; write?: (line: string) => void } = {},
): Logger {
  const write = options.write;
  const destination: DestinationStream = write
    ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pinoDestination({ fd: 2, sync: true });
  const base: PinoLogger = pino(
    {
      level: options.silent ? 'silent' : 'info',
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    },
    destination,
  );
  const log =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (!base.isLevelEnabled(level)) return;
      // The message first, then the fields (pino would put a message argument last).
      base[level]({ msg: redact(message), ...(clean(fields ?? {}) as object) });
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (tests, CLI JSON modes). */
export const silentLogger: Logger = createLogger({ silent: true });
