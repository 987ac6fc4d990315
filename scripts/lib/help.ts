/**
 * @module The one `--help` convention of the command-line tools: `-h` or `--help` anywhere prints the
 * usage on stdout and exits 0, before any configuration is read or any work is done.
 */

/** True when the arguments ask for help. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/** Prints `usage` and exits 0 when the arguments ask for help; otherwise does nothing. */
export function exitWithHelpIfAsked(args: readonly string[], usage: string): void {
  if (!wantsHelp(args)) return;
  process.stdout.write(usage.endsWith('\n') ? usage : `${usage}\n`);
  process.exit(0);
}
