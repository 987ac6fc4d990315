/**
 * The preview of a notice per platform, as tabs (arrow keys move between them): each message a group
 * will receive, in order, with its length against the platform's limit and the server's notes on
 * splitting, images and links. Telegram's HTML is shown as formatted text without ever being parsed
 * as HTML by the browser.
 */
import { useRef, useState } from 'react';
import {
  PLATFORM_LABEL,
  type NoticePreview,
  type PlatformPreview,
  type Recipients,
} from '../notice-types.js';

const TAB_LABEL: Record<string, string> = {
  telegram: 'Telegram',
  'zalo-oa': 'Zalo OA',
  'zalo-bot': 'Zalo Bot',
  'share-kit': 'Chia sẻ tay',
};

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };
const unescape = (s: string) => s.replace(/&lt;|&gt;|&amp;|&quot;/g, (e) => ENTITIES[e]!);

/** Telegram's HTML (only `<b>` is used) as React nodes: bold runs and plain text. */
function TelegramText({ html }: { html: string }) {
  const nodes: React.ReactNode[] = [];
  const re = /<b>([\s\S]*?)<\/b>/g;
  let last = 0;
  for (const m of html.matchAll(re)) {
    if (m.index > last) nodes.push(unescape(html.slice(last, m.index).replace(/<[^>]+>/g, '')));
    nodes.push(<strong key={m.index}>{unescape(m[1]!)}</strong>);
    last = m.index + m[0].length;
  }
  nodes.push(unescape(html.slice(last).replace(/<[^>]+>/g, '')));
  return <>{nodes}</>;
}

function PlatformParts({ p }: { p: PlatformPreview }) {
  return (
    <>
      <ol className="bubbles" aria-label={`Các tin nhắn trên ${TAB_LABEL[p.target]}`}>
        {p.parts.map((part, i) => (
          <li key={i} className="bubble">
            {part.photoUrl && (
              <p className="photo small">
                🖼 Ảnh: <span className="url">{part.photoUrl}</span>
              </p>
            )}
            <div className="bubble-text">
              {p.target === 'telegram' ? <TelegramText html={part.text} /> : part.text}
            </div>
            <p className={`len small ${p.limit && p.lengths[i]! > p.limit ? 'over' : ''}`}>
              Tin {i + 1}/{p.parts.length}: {p.lengths[i]!.toLocaleString('vi-VN')}
              {p.limit ? `/${p.limit.toLocaleString('vi-VN')}` : ''} ký tự
              {part.photoUrl && p.target === 'telegram' ? ' (chú thích ảnh ≤ 1.024)' : ''}
            </p>
          </li>
        ))}
      </ol>
      {p.notes.length > 0 && (
        <ul className="notes small">
          {p.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PreviewPanel(props: { preview: NoticePreview; recipients: Recipients | null }) {
  const platforms = props.preview.platforms;
  const [selected, setSelected] = useState(0);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const current = platforms[Math.min(selected, platforms.length - 1)]!;
  const count = (target: string) => props.recipients?.byPlatform[target] ?? 0;

  function onKey(e: React.KeyboardEvent, i: number) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    let next: number | undefined;
    if (step) next = (i + step + platforms.length) % platforms.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = platforms.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    setSelected(next);
    tabs.current[next]?.focus();
  }

  return (
    <div className="preview">
      <div role="tablist" aria-label="Nền tảng" className="tabs">
        {platforms.map((p, i) => (
          <button
            key={p.target}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={`pv-tab-${p.target}`}
            role="tab"
            type="button"
            aria-selected={i === selected}
            aria-controls={`pv-panel-${p.target}`}
            tabIndex={i === selected ? 0 : -1}
            className={i === selected ? 'tab active' : 'tab'}
            onClick={() => setSelected(i)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {TAB_LABEL[p.target] ?? p.target}
            <span className="count" aria-label={`${count(p.target)} nhóm`}>
              {count(p.target)}
            </span>
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`pv-panel-${current.target}`}
        aria-labelledby={`pv-tab-${current.target}`}
        tabIndex={0}
        className="tabpanel"
      >
        <p className="small muted">
          {PLATFORM_LABEL[current.target] ?? current.target}: {count(current.target)} nhóm nhận ·{' '}
          {current.parts.length === 1 ? '1 tin nhắn' : `${current.parts.length} tin nhắn`}
          {current.limit
            ? ` · tối đa ${current.limit.toLocaleString('vi-VN')} ký tự mỗi tin`
            : ' · một khối văn bản để tổ trưởng dán vào nhóm'}
        </p>
        <PlatformParts p={current} />
      </div>
    </div>
  );
}
