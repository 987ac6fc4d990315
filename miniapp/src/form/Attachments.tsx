import { useEffect, useState } from 'react';
import { useServices } from '../context';
import type { DraftAttachment } from '../lib/drafts';
import { getFile, putFile } from '../lib/file-store';
import { randomId } from '../lib/ids';
import { fileProblem, formatBytes, shrinkPhoto } from '../lib/images';
import { pickFiles } from '../platform/pick-files';

export interface DocumentSlot {
  code: string;
  label: string;
  required: boolean;
  condition: string | null;
}

function Preview({ item }: { item: DraftAttachment }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!item.type.startsWith('image/')) return;
    let objectUrl: string | null = null;
    void getFile(item.key).then((blob) => {
      if (!blob) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [item.key, item.type]);
  if (item.type === 'application/pdf') {
    return (
      <span className="thumb pdf" aria-hidden="true">
        PDF
      </span>
    );
  }
  return url ? <img className="thumb" src={url} alt="" /> : <span className="thumb" />;
}

/**
 * Files per required document: photos from the camera or gallery (shrunk to ≤ 2,000 px JPEG on the
 * phone), or a PDF; previews, and type/size problems shown before anything is sent.
 */
export function Attachments(props: {
  documents: DocumentSlot[];
  items: DraftAttachment[];
  errors: Record<string, string>;
  maxBytes: number;
  maxFiles: number;
  onAdd: (items: DraftAttachment[]) => void;
  onRemove: (key: string) => void;
}) {
  const { platform } = useServices();
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function add(code: string, kind: 'photo' | 'pdf') {
    setProblems((p) => ({ ...p, [code]: '' }));
    const room = props.maxFiles - props.items.length;
    if (room <= 0) {
      setProblems((p) => ({ ...p, [code]: `Mỗi hồ sơ đính kèm tối đa ${props.maxFiles} tệp.` }));
      return;
    }
    const picked =
      kind === 'photo'
        ? await platform.pickImages({ max: room })
        : (await pickFiles({ accept: 'application/pdf', multiple: false })).map((f) => ({
            blob: f as Blob,
            name: f.name,
          }));
    if (picked.length === 0) return;
    setBusy(code);
    const added: DraftAttachment[] = [];
    try {
      for (const file of picked.slice(0, room)) {
        const problem = fileProblem(file.blob, props.maxBytes);
        if (problem) {
          setProblems((p) => ({ ...p, [code]: problem }));
          continue;
        }
        let blob = file.blob;
        let name = file.name;
        if (blob.type.startsWith('image/')) {
          try {
            blob = (await shrinkPhoto(blob)).blob;
          } catch (error) {
            setProblems((p) => ({ ...p, [code]: (error as Error).message }));
            continue;
          }
          name = name.replace(/\.[^.]+$/, '') + '.jpg';
          if (blob.size > props.maxBytes) {
            setProblems((p) => ({
              ...p,
              [code]: `Ảnh vẫn quá lớn sau khi thu nhỏ (${formatBytes(blob.size)}). Tối đa ${formatBytes(props.maxBytes)}.`,
            }));
            continue;
          }
        }
        const key = randomId('f');
        await putFile(key, blob);
        added.push({ key, documentCode: code, fileName: name, type: blob.type, size: blob.size });
      }
    } finally {
      setBusy(null);
    }
    if (added.length > 0) props.onAdd(added);
  }

  return (
    <div className="attachments">
      {props.documents.map((d) => {
        const items = props.items.filter((i) => i.documentCode === d.code);
        const error = problems[d.code] || props.errors[`documents.${d.code}`];
        return (
          <div key={d.code} className={`doc-slot${error ? ' has-error' : ''}`} id={`doc-${d.code}`}>
            <p className="doc-label">
              {d.label}
              {d.required ? <span className="required"> *</span> : null}
            </p>
            {d.condition ? <p className="hint">{d.condition}</p> : null}
            {items.length > 0 ? (
              <ul className="files">
                {items.map((i) => (
                  <li key={i.key}>
                    <Preview item={i} />
                    <span className="file-name">
                      {i.fileName}
                      <span className="muted"> · {formatBytes(i.size)}</span>
                    </span>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Bỏ tệp ${i.fileName}`}
                      onClick={() => props.onRemove(i.key)}
                    >
                      Bỏ
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="doc-actions">
              <button
                type="button"
                className="secondary-button"
                disabled={busy !== null}
                data-doc={d.code}
                data-kind="photo"
                onClick={() => void add(d.code, 'photo')}
              >
                {busy === d.code ? 'Đang xử lý…' : 'Chụp ảnh'}
              </button>
              <button
                type="button"
                className="secondary-button"
                disabled={busy !== null}
                data-doc={d.code}
                data-kind="pdf"
                onClick={() => void add(d.code, 'pdf')}
              >
                Tệp PDF
              </button>
            </div>
            {error ? (
              <p className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
