/**
 * @module The one chit-chat classifier (chit-chat.json): greetings, thanks, goodbyes, questions about
 * the desk and secrets sent by mistake for the conversation, and the same greetings and thanks plus
 * off-topic subjects (weather, prices, sport…) for retrieval, which declines them. Both read one
 * reviewed list; phrases are written with marks and compared on accent-folded words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldedTokens, foldMarks } from '../text/normalize.js';

/** What kind of chit-chat a message is, for the conversation's reply. */
export type SmallTalk = 'greeting' | 'thanks' | 'sensitive' | 'bye' | 'desk';

/** One reviewed entry; `retrieval` / `conversation` false keep it to one reader. */
interface ChitChatEntry {
  say: string[];
  retrieval?: boolean;
  conversation?: boolean;
  note: string;
}

interface ChitChatSection {
  _about: string;
  /** Its phrases join the lexicon as off-topic phrases (retrieval declines them). */
  retrieval?: boolean;
  /** Greetings and thanks: chit-chat for retrieval only when nothing else is asked. */
  polite?: boolean;
  /** The conversation's reading: only a message of at most this many words. */
  maxWords?: number;
  list: ChitChatEntry[];
}

/** Words with why they are listed. */
interface WordsNote {
  say: string[];
  note: string;
}

/** The shape of chit-chat.json. */
export interface ChitChatFile {
  greeting: ChitChatSection & {
    words: WordsNote;
    /** Words opening a greeting before the question (stripGreeting). */
    openers: WordsNote;
    /** A word that may come before an opener ("xin"). */
    openerLead: WordsNote;
  };
  thanks: ChitChatSection;
  bye: ChitChatSection;
  sensitive: ChitChatSection;
  desk: ChitChatSection;
  offtopic: ChitChatSection;
}

/** A chit-chat phrase as the lexicon takes it (kind "offtopic", no meaning). */
export interface ChitChatLexiconEntry {
  say: string[];
  means: '';
  kind: 'offtopic';
  polite?: boolean;
  note: string;
}

/** Path of the bundled list. */
export const CHIT_CHAT_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'chit-chat.json',
);

const fold = (phrase: string) => foldedTokens(phrase).join(' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word alternatives over folded text. */
function phrasePattern(section: ChitChatSection): RegExp {
  const phrases = section.list
    .filter((e) => e.conversation !== false)
    .flatMap((e) => e.say.map(fold))
    .filter((p) => p !== '');
  return new RegExp(`\\b(${[...new Set(phrases)].map(escape).join('|')})\\b`);
}

/**
 * Each word as typed with marks and its unaccented twin, for matching raw (unfolded) text. Only the
 * marks are stripped: the tokenizer's spelling rules would turn "hi" into "hy".
 */
function wordForms(words: WordsNote): string {
  const forms = words.say.flatMap((w) => {
    const typed = w.normalize('NFC').toLowerCase();
    return [typed, foldMarks(typed)];
  });
  return [...new Set(forms)].map(escape).join('|');
}

/** The loaded list, read both ways. */
export class ChitChat {
  private readonly patterns: Record<SmallTalk, RegExp>;
  private readonly greetingWords: ReadonlySet<string>;
  private readonly greetingOpener: RegExp;
  /** The retrieval side: phrases the lexicon matches as off-topic (in file order). */
  readonly lexiconEntries: readonly ChitChatLexiconEntry[];

  constructor(private readonly data: ChitChatFile) {
    this.patterns = {
      sensitive: phrasePattern(data.sensitive),
      desk: phrasePattern(data.desk),
      thanks: phrasePattern(data.thanks),
      bye: phrasePattern(data.bye),
      greeting: phrasePattern(data.greeting),
    };
    this.greetingWords = new Set(data.greeting.words.say.map(fold));
    // The shape stays here (a lead word, an opener, anything up to the first punctuation); the
    // words come from the data.
    this.greetingOpener = new RegExp(
      `^\\s*(${wordForms(data.greeting.openerLead)}\\s+)?(${wordForms(data.greeting.openers)})\\b[^,.!?\\n]*?[,.!?\\n]+\\s*`,
      'iu',
    );
    const sections = [
      data.greeting,
      data.thanks,
      data.bye,
      data.sensitive,
      data.desk,
      data.offtopic,
    ];
    this.lexiconEntries = sections.flatMap((section) =>
      section.list
        .filter((e) => e.retrieval ?? section.retrieval ?? false)
        .map((e) => ({
          say: e.say,
          means: '' as const,
          kind: 'offtopic' as const,
          ...(section.polite ? { polite: true } : {}),
          note: e.note,
        })),
    );
  }

  /** Loads chit-chat.json (or another file of the same shape). */
  static load(file: string = CHIT_CHAT_FILE): ChitChat {
    return new ChitChat(JSON.parse(readFileSync(file, 'utf8')) as ChitChatFile);
  }

  /**
   * The conversation's reading of a message already folded (`foldForMatching`): a secret anywhere;
   * a desk question, thanks or a goodbye in a short message; a greeting when every word is one.
   * Null for a real question.
   */
  classify(folded: string): SmallTalk | null {
    const { patterns: p, data } = this;
    if (p.sensitive.test(folded)) return 'sensitive';
    const words = folded.split(' ').filter(Boolean);
    const short = (section: ChitChatSection) => words.length <= (section.maxWords ?? Infinity);
    if (p.desk.test(folded) && short(data.desk)) return 'desk';
    if (p.thanks.test(folded) && short(data.thanks)) return 'thanks';
    if (p.bye.test(folded) && short(data.bye)) return 'bye';
    if (p.greeting.test(folded) && words.every((w) => this.greetingWords.has(w))) return 'greeting';
    return null;
  }

  /** Removes a leading greeting ("chào bạn, cho hỏi …") so the rest can be searched. */
  stripGreeting(text: string): string {
    return text.replace(this.greetingOpener, '').trim() || text;
  }
}

/** The bundled list, loaded once. */
export const CHIT_CHAT: ChitChat = ChitChat.load();

/** Classifies a message as small talk, or returns null for a real question. */
export function detectSmallTalk(text: string): SmallTalk | null {
  return CHIT_CHAT.classify(fold(text));
}

/** {@link detectSmallTalk} on text already folded with `foldForMatching` (the conversation folds once). */
export function classifySmallTalk(folded: string): SmallTalk | null {
  return CHIT_CHAT.classify(folded);
}

/** Removes a leading greeting ("chào bạn, cho hỏi …") so the rest can be searched. */
export function stripGreeting(text: string): string {
  return CHIT_CHAT.stripGreeting(text);
}
