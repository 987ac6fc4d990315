/** A slash command typed by a resident: `/hoso ABC 1234` → `{ name: 'hoso', args: 'ABC 1234' }`. */
export interface ParsedCommand {
  name: string;
  /** Bot username after `@` (Telegram groups: `/help@motcua_bot`), if any. */
  target: string | undefined;
  args: string;
}

const COMMAND = /^\/([a-z0-9_]{1,32})(?:@([a-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/i;

/** Parses a leading slash command; returns undefined for ordinary text. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const match = COMMAND.exec(text.trim());
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), target: match[2], args: (match[3] ?? '').trim() };
}
