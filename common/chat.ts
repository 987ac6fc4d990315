/*
 * The reply contract shared by every channel: the web chat (POST /api/chat), the CLI (`ask --json`),
 * the Telegram and Zalo adapters, and the mini-app. Channels only render it.
 */

/** A clarifying option the resident can pick (rendered as a button or a numbered line). */
export interface ChatChoice {
  /** Procedure code the option stands for. */
  code: string;
  /** Short Vietnamese label. */
  label: string;
}

/** Provenance of the facts in a reply: procedure code and official portal link. */
export interface ChatSource {
  code: string;
  url: string;
}

/**
 * The answer's procedure can be filed online: the mini-app has its form. The conversation core sets
 * `code` and `title`; the channel layer adds `url` (where its "Nộp hồ sơ" button points), since only
 * the channels know whether a Zalo Mini App or our public address is configured.
 */
export interface ChatFormLink {
  /** Procedure code of the form (`/apply/<code>` in the mini-app). */
  code: string;
  /** The form's title, e.g. "Đăng ký khai sinh". */
  title: string;
  url?: string;
}

/** One reply of the assistant. */
export interface ChatReply {
  /** False when the assistant does not claim a procedure (greeting, off-topic, not confident). */
  answered: boolean;
  /** Plain Vietnamese text (no markup); channels escape and split it. */
  text: string;
  procedure: { code: string; name: string } | null;
  choices: ChatChoice[];
  sources: ChatSource[];
  /** Present when `procedure` has an online form: channels render a "Nộp hồ sơ" button or link. */
  form?: ChatFormLink;
  /** True when "xem thêm" (more detail about `procedure`) would show more. */
  hasMore: boolean;
  /** On a "xem thêm" page: which page this is and how many there are. */
  page?: number;
  pages?: number;
}

/** What a resident did: typed text, picked a choice, or asked for more detail. */
export type ChatAction = { type: 'pick'; code: string } | { type: 'more'; code: string };

/**
 * The reply while the assistant is still preparing its search index (the first start after a fresh
 * clone builds it in the background; the server answers meanwhile). A new object each time, so a
 * channel may change its copy.
 */
export function gettingReadyReply(): ChatReply {
  return {
    answered: false,
    text:
      'Trợ lý đang chuẩn bị dữ liệu tra cứu thủ tục (chỉ lần khởi động đầu tiên, mất khoảng nửa phút). ' +
      'Anh/chị vui lòng gửi lại câu hỏi sau ít giây nữa nhé. Xin cảm ơn!',
    procedure: null,
    choices: [],
    sources: [],
    hasMore: false,
  };
}
