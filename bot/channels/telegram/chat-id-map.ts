/**
 * Telegram moves a group to a new id when it becomes a supergroup (`migrate_to_chat_id`). This keeps
 * the old → new mapping in memory so later sends (notifications stored with the old id) reach it.
 */
export class ChatIdMap {
  private readonly moved = new Map<string, string>();

  /** The current id for `chatId`, following chains of migrations. */
  resolve(chatId: string): string {
    let current = chatId;
    for (let hops = 0; hops < 5; hops++) {
      const next = this.moved.get(current);
      if (next === undefined) break;
      current = next;
    }
    return current;
  }

  record(from: string, to: string): void {
    if (from !== to) this.moved.set(from, to);
  }

  /** Every migration seen, old id → new id (for persistence by the caller, or display). */
  entries(): Record<string, string> {
    return Object.fromEntries(this.moved);
  }
}
