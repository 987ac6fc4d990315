/**
 * Small pieces shared by the notice pages: the village and tag fields (a free list per commune —
 * pick one already used or type a new one), error text of a failed call, and the message line that
 * screen readers announce.
 */
import { ApiError } from './api.js';

/** The API's Vietnamese message, or the error's own text. */
export function messageOf(e: unknown): string {
  return e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
}

/** "ca-xa, hội phụ nữ" → ["ca-xa", "hội phụ nữ"] (trimmed, no empties, no repeats). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((t) => t.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ];
}

export interface Flash {
  text: string;
  ok: boolean;
}

/** A success line (announced politely) or an error (announced at once). */
export function FlashLine({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  return (
    <p className={flash.ok ? 'ok' : 'error'} role={flash.ok ? 'status' : 'alert'}>
      {flash.text}
    </p>
  );
}

/**
 * Village (thôn/tổ dân phố) and tags inputs. The village list is a datalist: typing filters the
 * villages already named in the commune, and a new name is simply typed.
 */
export function VillageTagsFields(props: {
  idPrefix: string;
  village: string;
  tags: string;
  villages: readonly string[];
  knownTags: readonly string[];
  onVillage(value: string): void;
  onTags(value: string): void;
  errors?: Record<string, string>;
}) {
  const { idPrefix: p } = props;
  return (
    <>
      <div className="stack">
        <label htmlFor={`${p}-village`}>Thôn / tổ dân phố</label>
        <input
          id={`${p}-village`}
          list={`${p}-villages`}
          value={props.village}
          autoComplete="off"
          placeholder="Chọn hoặc gõ tên mới, ví dụ: Thôn Đông"
          aria-describedby={`${p}-village-hint`}
          onChange={(e) => props.onVillage(e.target.value)}
        />
        <datalist id={`${p}-villages`}>
          {props.villages.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <span id={`${p}-village-hint`} className="small muted">
          {props.villages.length > 0
            ? `Đã có: ${props.villages.join(', ')}.`
            : 'Xã chưa có thôn nào trong danh sách: gõ tên để thêm.'}
        </span>
        {props.errors?.village && <span className="field-error">{props.errors.village}</span>}
      </div>
      <div className="stack">
        <label htmlFor={`${p}-tags`}>Nhãn (không bắt buộc)</label>
        <input
          id={`${p}-tags`}
          value={props.tags}
          autoComplete="off"
          placeholder="Ví dụ: hội phụ nữ, đoàn thanh niên"
          aria-describedby={`${p}-tags-hint`}
          onChange={(e) => props.onTags(e.target.value)}
        />
        <span id={`${p}-tags-hint`} className="small muted">
          {props.knownTags.length > 0
            ? `Cách nhau bằng dấu phẩy. Đang dùng: ${props.knownTags.join(', ')}.`
            : 'Cách nhau bằng dấu phẩy. Nhãn giúp gửi cho một đối tượng (hội, đoàn thể) ở nhiều thôn.'}
        </span>
      </div>
    </>
  );
}
