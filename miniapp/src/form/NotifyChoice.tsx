import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../lib/api';

/** A channel the resident can be notified on besides the app itself. */
export type NotifyChannel = 'none' | 'telegram' | 'zalo' | 'zalo-oa';

interface ChannelItem {
  channel: Exclude<NotifyChannel, 'none'>;
  label: string;
  available: boolean;
  linked: boolean;
}

interface LinkCode {
  channel: string;
  code: string;
  url: string | null;
  command: string;
  instructions: string;
}

/**
 * "Nhận thông báo": the app's own notice list always, plus a chat the resident has LINKED (proved is
 * theirs by sending a one-time code from it). Nobody types a chat id: the server refuses one.
 */
export function NotifyChoice(props: {
  value: NotifyChannel;
  onChange: (channel: NotifyChannel) => void;
  error?: string | undefined;
}) {
  const { value, onChange } = props;
  const [items, setItems] = useState<ChannelItem[] | null>(null);
  const [link, setLink] = useState<LinkCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const res = await api<{ items: ChannelItem[] }>('/api/me/notify-channels');
      setItems(res.items);
      setProblem(null);
      return res.items;
    } catch (e) {
      setItems([]);
      setProblem(messageOf(e));
      return [];
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function getCode(channel: ChannelItem['channel']) {
    setBusy(true);
    try {
      setLink(await api<LinkCode>('/api/me/notify-links', { method: 'POST', json: { channel } }));
      setProblem(null);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function checkLinked() {
    const now = await refresh();
    const done = now.find((i) => i.channel === value)?.linked;
    if (done) setLink(null);
    else setProblem('Chưa thấy liên kết. Bạn gửi mã cho bot rồi bấm lại "Tôi đã gửi mã".');
  }

  const chats = (items ?? []).filter((i) => i.available || i.linked);
  const selected = chats.find((i) => i.channel === value);
  return (
    <section className="form-section" id="notify-choice">
      <h2>Nhận thông báo</h2>
      <p className="hint">
        Mọi thay đổi của hồ sơ luôn có trong mục Thông báo của ứng dụng.
        {chats.length > 0 ? ' Bạn có thể nhận thêm qua tin nhắn:' : ''}
      </p>
      {chats.length > 0 ? (
        <div className="radios" role="radiogroup" aria-label="Kênh nhận thông báo">
          <label className="radio">
            <input
              type="radio"
              name="notify-channel"
              checked={value === 'none'}
              onChange={() => onChange('none')}
            />
            Chỉ trong ứng dụng
          </label>
          {chats.map((c) => (
            <label key={c.channel} className="radio">
              <input
                type="radio"
                name="notify-channel"
                value={c.channel}
                checked={value === c.channel}
                onChange={() => {
                  setLink(null);
                  onChange(c.channel);
                }}
              />
              {c.label} {c.linked ? '(đã liên kết)' : '(chưa liên kết)'}
            </label>
          ))}
        </div>
      ) : null}
      {selected && !selected.linked ? (
        <div className="note" id="notify-link">
          {link && link.channel === selected.channel ? (
            <>
              <p>{link.instructions}</p>
              {link.url ? (
                <p>
                  <a className="secondary-button" href={link.url} target="_blank" rel="noreferrer">
                    Mở {selected.label}
                  </a>
                </p>
              ) : (
                <p>
                  <code className="link-command">{link.command}</code>
                </p>
              )}
              <button type="button" className="link-button" onClick={() => void checkLinked()}>
                Tôi đã gửi mã
              </button>
            </>
          ) : (
            <>
              <p>
                Để nhận tin qua {selected.label}, bạn cần liên kết cuộc trò chuyện với bot một lần.
              </p>
              <button
                type="button"
                className="secondary-button"
                disabled={busy}
                onClick={() => void getCode(selected.channel)}
              >
                Liên kết {selected.label}
              </button>
            </>
          )}
        </div>
      ) : null}
      {problem ? <p className="field-error">{problem}</p> : null}
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </section>
  );
}
