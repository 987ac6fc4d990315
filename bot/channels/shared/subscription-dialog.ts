import type { GroupPlatform, GroupRegistryPort } from '../../../common/notice-contracts.js';
import { loadCommuneDirectory, type CommuneDirectory } from '../../../knowledge/index.js';
import { BoundedMap } from './bounded-set.js';

/*
 * A resident subscribes, in a private chat with a bot, to the notices of their village: `/dangky` →
 * which commune (typed as they know it: accents optional, a pre-2025 name finds the unit it joined)
 * → which village (from the officers' list for that commune, or the whole commune) → stored by the
 * API's group registry. `/huy` stops. The same dialog runs on Telegram (options as buttons too) and
 * on Zalo (numbered options, answered with the number).
 */

/** One option the resident can pick; `data` is what a button sends back (`dk:<n>`). */
export interface DialogOption {
  label: string;
  data: string;
}

/** What the bot answers; `options` are also listed as numbered lines in `text`. */
export interface DialogReply {
  text: string;
  options?: DialogOption[];
}

/** One incoming private message (or button press) on some platform. */
export interface DialogInput {
  platform: GroupPlatform;
  chatId: string;
  displayName: string;
  text: string;
}

interface Candidate {
  code: string;
  label: string;
}

type State =
  | { step: 'commune'; at: number }
  | { step: 'pick-commune'; candidates: Candidate[]; at: number }
  | { step: 'village'; commune: Candidate; villages: string[]; at: number };

/** Start, stop, and the older shorthand `/nhantin <code> <village>` / `/huynhantin`. */
const COMMAND = /^\/(dangky|nhantin|huy|huynhantin)(?:@\w+)?(?:\s+([\s\S]*))?$/iu;
const CALLBACK = /^dk:(\d{1,2})$/;
const MAX_OPTIONS = 9;

const TEXT = {
  askCommune:
    'Để nhận thông báo của thôn/tổ dân phố qua tin nhắn riêng, bạn cho biết bạn ở xã/phường nào? ' +
    'Ví dụ: Minh Sơn. Gõ tên xã cũ trước khi sáp nhập cũng được.',
  notFound: (text: string) =>
    `Tôi chưa tìm thấy xã/phường "${text.slice(0, 60)}" ở Thanh Hóa. Bạn gõ lại tên xã giúp tôi ` +
    '(có dấu hoặc không dấu đều được), hoặc gõ /huy để dừng.',
  pickCommune: 'Có mấy xã/phường hợp với tên bạn gõ, bạn chọn giúp tôi (trả lời bằng số):',
  pickVillage: (commune: string) => `Bạn ở thôn/tổ dân phố nào của ${commune}? Trả lời bằng số:`,
  wholeCommune: 'Mọi thông báo của xã (mọi thôn)',
  noVillages: (commune: string) =>
    `${commune} chưa có danh sách thôn/tổ dân phố nhận tin, nên tôi đăng ký cho bạn nhận mọi thông báo của xã.`,
  pickAgain: 'Bạn trả lời bằng một số trong danh sách giúp tôi, hoặc gõ /huy để dừng.',
  failed: 'Xin lỗi, hiện chưa đăng ký được. Bạn thử lại sau ít phút giúp tôi.',
};

let directory: CommuneDirectory | undefined;
/** Loaded on the first subscription, not at bot start. */
const communes = () => (directory ??= loadCommuneDirectory());

/** Current communes matching what the resident typed, plus those that took in an old unit of that name. */
export function communeCandidates(text: string, dir: CommuneDirectory = communes()): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const c of dir.find(text, { anywhere: true })) {
    out.set(c.code, { code: c.code, label: c.displayName });
  }
  for (const former of dir.resolveFormer(text)) {
    for (const s of former.successors) {
      if (out.has(s.code)) continue;
      const part = former.split ? 'một phần ' : '';
      out.set(s.code, {
        code: s.code,
        label: `${s.displayName} (có ${part}${former.displayName} cũ, ${former.district.replace(/^Huyện/u, 'huyện')})`,
      });
    }
  }
  return [...out.values()].slice(0, MAX_OPTIONS);
}

function numbered(intro: string, labels: string[], zero?: string): DialogReply {
  const lines = labels.map((l, i) => `${i + 1}. ${l}`);
  if (zero) lines.push(`0. ${zero}`);
  const options = labels.map((label, i) => ({ label, data: `dk:${i + 1}` }));
  if (zero) options.push({ label: zero, data: 'dk:0' });
  return { text: [intro, ...lines].join('\n'), options };
}

/** The `/dangky` … `/huy` dialog for one bot; remembers where each chat is for 15 minutes. */
export class SubscriptionDialog {
  private readonly states: BoundedMap<State>;

  constructor(
    private readonly registry: GroupRegistryPort,
    private readonly options: {
      ttlMs?: number;
      now?: () => number;
      directory?: CommuneDirectory;
    } = {},
  ) {
    this.states = new BoundedMap(10_000);
  }

  /** True when `data` is a button of this dialog (Telegram callback data). */
  static isCallback(data: string): boolean {
    return CALLBACK.test(data);
  }

  /**
   * Answers a private message that belongs to the dialog (a command, or the answer it waits for);
   * undefined when the message is for the assistant instead.
   */
  async handle(input: DialogInput): Promise<DialogReply | undefined> {
    const text = input.text.trim();
    const command = COMMAND.exec(text);
    const key = `${input.platform}:${input.chatId}`;
    try {
      if (command) {
        const name = command[1]!.toLowerCase();
        const rest = command[2]?.trim() ?? '';
        if (name === 'huy' || name === 'huynhantin') {
          this.states.delete(key);
          return { text: (await this.registry.unsubscribe(input.platform, input.chatId)).reply };
        }
        // The older shorthand with a commune code: straight to the registry, as before.
        if (name === 'nhantin' && /^\d{5}\b/.test(rest)) {
          this.states.delete(key);
          return { text: (await this.subscribe(input, { place: rest })).reply };
        }
        if (!rest) {
          this.states.set(key, { step: 'commune', at: this.now() });
          return { text: TEXT.askCommune };
        }
        return await this.commune(key, input, rest);
      }
      const state = this.current(key);
      if (!state) return undefined;
      // Another command (e.g. /thutuc) leaves the dialog.
      if (text.startsWith('/')) {
        this.states.delete(key);
        return undefined;
      }
      const picked = CALLBACK.exec(text)?.[1] ?? (/^\d{1,2}$/.test(text) ? text : undefined);
      if (state.step === 'commune') return await this.commune(key, input, text);
      if (state.step === 'pick-commune') {
        const chosen = picked === undefined ? undefined : state.candidates[Number(picked) - 1];
        if (chosen) return await this.village(key, input, chosen);
        if (picked !== undefined) return { text: TEXT.pickAgain };
        return await this.commune(key, input, text);
      }
      const index = picked === undefined ? this.byName(state.villages, text) : Number(picked);
      if (index === 0) return await this.finish(key, input, state.commune, null);
      const village = index === undefined ? undefined : state.villages[index - 1];
      if (village) return await this.finish(key, input, state.commune, village);
      return { text: TEXT.pickAgain };
    } catch {
      this.states.delete(key);
      return { text: TEXT.failed };
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private current(key: string): State | undefined {
    const state = this.states.get(key);
    if (state && this.now() - state.at > (this.options.ttlMs ?? 15 * 60_000)) {
      this.states.delete(key);
      return undefined;
    }
    return state;
  }

  /** A typed village name, matched without accents or case; 0 for "cả xã". */
  private byName(villages: string[], text: string): number | undefined {
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/gi, 'd')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
    const wanted = fold(text);
    if (wanted === 'ca xa' || wanted === 'tat ca') return 0;
    const i = villages.findIndex(
      (v) =>
        fold(v) === wanted || fold(v).replace(/^(thon|to dan pho|to|xom|ban|lang) /, '') === wanted,
    );
    return i < 0 ? undefined : i + 1;
  }

  private async commune(key: string, input: DialogInput, text: string): Promise<DialogReply> {
    const candidates = communeCandidates(text, this.options.directory ?? communes());
    if (candidates.length === 0) {
      this.states.set(key, { step: 'commune', at: this.now() });
      return { text: TEXT.notFound(text) };
    }
    if (candidates.length === 1) return this.village(key, input, candidates[0]!);
    this.states.set(key, { step: 'pick-commune', candidates, at: this.now() });
    return numbered(
      TEXT.pickCommune,
      candidates.map((c) => c.label),
    );
  }

  private async village(key: string, input: DialogInput, commune: Candidate): Promise<DialogReply> {
    const villages = (await this.registry.villages(commune.code)).slice(0, 30);
    const name = commune.label.replace(/\s*\(.*$/u, '');
    if (villages.length === 0) {
      const done = await this.finish(key, input, commune, null);
      return { text: `${TEXT.noVillages(name)}\n${done.text}` };
    }
    this.states.set(key, { step: 'village', commune, villages, at: this.now() });
    return numbered(TEXT.pickVillage(name), villages, TEXT.wholeCommune);
  }

  private async finish(
    key: string,
    input: DialogInput,
    commune: Candidate,
    village: string | null,
  ): Promise<DialogReply> {
    this.states.delete(key);
    return { text: (await this.subscribe(input, { communeCode: commune.code, village })).reply };
  }

  private subscribe(
    input: DialogInput,
    where: { place: string } | { communeCode: string; village: string | null },
  ) {
    return this.registry.subscribe({
      platform: input.platform,
      chatId: input.chatId,
      displayName: input.displayName,
      ...where,
    });
  }
}
