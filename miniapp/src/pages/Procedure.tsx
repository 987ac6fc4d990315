import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'zmp-ui';
import { ErrorBox, Loading, Screen } from '../components';
import { useServices } from '../context';
import { api, messageOf } from '../lib/api';
import { formatDate } from '../lib/dates';
import { lastCommune } from '../lib/drafts';
import type { ProcedurePage, ResidentItem } from '../lib/types';

/**
 * What a kind of item asks of the resident when its label does not say it (the label is the record's
 * text; forms already read "Tờ khai …", so they get no prefix).
 */
const KIND_NOTE: Partial<Record<ResidentItem['kind'], string>> = {
  show: 'Mang theo để xuất trình',
};

function Item({ item }: { item: ResidentItem }) {
  const note = KIND_NOTE[item.kind];
  return (
    <li className={`doc-item doc-${item.kind}`}>
      {note ? <span className="doc-kind">{note}: </span> : null}
      {item.label}
      {item.forms.length > 0 ? <span className="muted"> ({item.forms.join(', ')})</span> : null}
    </li>
  );
}

/**
 * A procedure as a resident reads it (GET /api/procedures/:code → `resident`): what to bring (forms
 * first), the other cases folded under their condition, current fees, time with its unit, where to
 * file (the resident's commune office when known), how to file online, and where the facts come from.
 */
export function ProcedurePage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { platform } = useServices();
  const [page, setPage] = useState<ProcedurePage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    setError(null);
    const commune = lastCommune(platform);
    const query = commune ? `?commune=${encodeURIComponent(commune)}` : '';
    api<ProcedurePage>(`/api/procedures/${encodeURIComponent(code)}${query}`, {
      auth: false,
    }).then(setPage, (e: unknown) => setError(messageOf(e)));
  };
  useEffect(load, [code, platform]);

  if (error)
    return (
      <Screen title="Thủ tục">
        <ErrorBox message={error} onRetry={load} />
      </Screen>
    );
  if (!page)
    return (
      <Screen title="Thủ tục">
        <Loading />
      </Screen>
    );

  const { procedure, resident } = page;
  const { documents, where } = resident;
  return (
    <Screen
      title="Thủ tục"
      footer={
        procedure.hasForm ? (
          <button
            type="button"
            className="primary-button wide"
            onClick={() => navigate(`/apply/${encodeURIComponent(procedure.code)}`)}
          >
            Nộp hồ sơ
          </button>
        ) : null
      }
    >
      <h1 className="procedure-name">{resident.name}</h1>
      <p className="muted">Mã thủ tục: {resident.code}</p>

      <section>
        <h2>Giấy tờ cần chuẩn bị</h2>
        {documents.main.length === 0 && documents.byCondition.length === 0 ? (
          <p>Hồ sơ chưa ghi danh mục giấy tờ.</p>
        ) : null}
        {documents.main.length > 0 ? (
          <ul className="doc-list">
            {documents.main.map((item) => (
              <Item key={item.id} item={item} />
            ))}
          </ul>
        ) : null}
        {documents.byCondition.length > 0 ? (
          <div className="doc-cases">
            <h3>Giấy tờ thêm trong một số trường hợp</h3>
            {documents.byCondition.map((group, i) => (
              <details key={i} className="doc-case">
                <summary>{group.condition?.replace(/[\s:]+$/u, '') ?? 'Trường hợp khác'}</summary>
                <ul className="doc-list">
                  {group.items.map((item) => (
                    <Item key={item.id} item={item} />
                  ))}
                </ul>
              </details>
            ))}
          </div>
        ) : null}
      </section>

      <section>
        <h2>Lệ phí</h2>
        {resident.fees.length > 0 ? (
          <ul className="plain-list">
            {resident.fees.map((fee, i) => (
              <li key={i}>{fee}</li>
            ))}
          </ul>
        ) : (
          <p>Hồ sơ không ghi lệ phí. Bạn hỏi thêm Bộ phận Một cửa khi nộp nhé.</p>
        )}
      </section>

      <section>
        <h2>Thời gian giải quyết</h2>
        {resident.time.length > 0 ? (
          <ul className="plain-list">
            {resident.time.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : (
          <p>Hồ sơ không ghi thời gian giải quyết.</p>
        )}
      </section>

      <section>
        <h2>Nơi nộp</h2>
        {where.commune ? (
          <p>
            <b>{where.commune.desk}</b>
            {where.commune.officeAddress ? <> — {where.commune.officeAddress}</> : null}
          </p>
        ) : null}
        {where.agency ? <p>{where.agency}</p> : null}
        {where.receivingAddress && where.receivingAddress !== where.agency ? (
          <p className="muted">Địa chỉ tiếp nhận: {where.receivingAddress}</p>
        ) : null}
      </section>

      <section>
        <h2>Cách nộp</h2>
        {procedure.hasForm ? (
          <p>Bạn nộp ngay trong ứng dụng: bấm “Nộp hồ sơ” ở cuối trang.</p>
        ) : (
          <p>
            Thủ tục này chưa nộp được trong ứng dụng. Bạn mang giấy tờ đến nơi nộp ở trên
            {resident.online ? ', hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.' : '.'}
          </p>
        )}
        {resident.online ? (
          <p>
            <a href={resident.sourceUrl} target="_blank" rel="noreferrer">
              Nộp trực tuyến trên Cổng Dịch vụ công quốc gia
            </a>
            {resident.fullyOnline ? ' (dịch vụ công trực tuyến toàn trình)' : null}
          </p>
        ) : null}
      </section>

      <section className="provenance">
        <p>
          Nguồn:{' '}
          <a href={resident.sourceUrl} target="_blank" rel="noreferrer">
            Cổng Dịch vụ công quốc gia — thủ tục {resident.code}
          </a>
        </p>
        <p className="muted">Dữ liệu cập nhật ngày {formatDate(resident.snapshotDate)}.</p>
      </section>
    </Screen>
  );
}
