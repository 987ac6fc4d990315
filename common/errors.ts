/**
 * Base class of every error the project throws on purpose. `code` is stable and machine-readable;
 * `message` may be shown to a resident only when `userMessage` is set (Vietnamese).
 */
export class AppError extends Error {
  readonly code: string;
  readonly userMessage: string | undefined;

  constructor(code: string, message: string, options?: { cause?: unknown; userMessage?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.userMessage = options?.userMessage;
  }
}

/** Narrowing helper that also works across module copies (checks shape, not prototype). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof Error &&
    typeof (value as { code?: unknown }).code === 'string' &&
    'userMessage' in value
  );
}

/** Configuration is missing or invalid; lists every problem at once. */
export class ConfigError extends AppError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}
