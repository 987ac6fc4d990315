import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'zmp-ui';
import { ErrorBox, Loading, Screen } from '../components';
import { api, messageOf } from '../lib/api';
import { formatDate } from '../lib/dates';
import type { ProcedureFacts } from '../lib/types';

const CHANNELS: Record<string, string> = {
  online: 'Nộp trực tuyến',
  in_person: 'Nộp trực tiếp',
  postal: 'Nộp qua bưu chính',
};

const UNITS: Record<string, string> = {
  working_day: 'ngày làm việc',
  day: 'ngày',
  hour: 'giờ',
  month: 'tháng',
  year: 'năm',
};

/** Processing time exactly as the record states it (quantity + unit, or the record's own text). */
function timeText(t: ProcedureFacts['filingMethods'][number]['processingTime']): string | null {
  if (!t) return null;
  if (t.text) return t.text;
  if (t.quantity !== null && UNITS[t.unit]) return `${t.quantity} ${UNITS[t.unit]}`;
  return null;
}

export function ProcedurePage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [facts, setFacts] = useState<ProcedureFacts | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    setError(null);
    api<ProcedureFacts>(`/api/procedures/${encodeURIComponent(code)}`, { auth: false }).then(
      setFacts,
      (e: unknown) => setError(messageOf(e)),
    );
  };
  useEffect(load, [code]);

  if (error)
    return (
      <Screen title="Thủ tục">
        <ErrorBox message={error} onRetry={load} />
      </Screen>
    );
  if (!facts)
    return (
      <Screen title="Thủ tục">
        <Loading />
      </Screen>
    );

  const where = [...facts.agencies.executing, facts.agencies.receivingAddress].filter(Boolean);
  return (
    <Screen
      title="Thủ tục"
      footer={
        facts.hasForm ? (
          <button
            type="button"
            className="primary-button wide"
            onClick={() => navigate(`/apply/${encodeURIComponent(facts.code)}`)}
          >
            Nộp hồ sơ
          </button>
        ) : null
      }
    >
      <h1 className="procedure-name">{facts.name}</h1>
      <p className="muted">Mã thủ tục: {facts.code}</p>

      <section>
        <h2>Giấy tờ cần chuẩn bị</h2>
        {facts.documentGroups.length === 0 ? <p>Hồ sơ chưa ghi danh mục giấy tờ.</p> : null}
        {facts.documentGroups.map((group, i) => (
          <div key={i} className="doc-group">
            {group.name ? <h3>{group.name}</h3> : null}
            <ul>
              {group.documents.map((d, j) => (
                <li key={j}>
                  {d.name}
                  {d.originals || d.copies ? (
                    <span className="muted">
                      {' '}
                      (
                      {[
                        d.originals ? `${d.originals} bản chính` : '',
                        d.copies ? `${d.copies} bản sao` : '',
                      ]
                        .filter(Boolean)
                        .join(', ')}
                      )
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section>
        <h2>Lệ phí và thời gian</h2>
        {facts.filingMethods.map((m, i) => {
          const time = timeText(m.processingTime);
          return (
            <div key={i} className="method">
              <h3>{CHANNELS[m.channel] ?? m.channel}</h3>
              {time ? <p>Thời gian giải quyết: {time}</p> : null}
              {m.fees.length > 0 ? (
                <ul>
                  {m.fees.map((f, j) => (
                    <li key={j}>{f.text}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </section>

      {where.length > 0 ? (
        <section>
          <h2>Nơi nộp</h2>
          {where.map((w, i) => (
            <p key={i}>{w}</p>
          ))}
        </section>
      ) : null}

      {!facts.hasForm ? (
        <section>
          <h2>Cách nộp</h2>
          <p>
            Thủ tục này chưa nộp được trong ứng dụng. Bạn mang giấy tờ đến nơi nộp ở trên, hoặc nộp
            trực tuyến trên Cổng Dịch vụ công quốc gia.
          </p>
        </section>
      ) : null}

      <section className="provenance">
        <p>
          Nguồn:{' '}
          <a href={facts.sourceUrl} target="_blank" rel="noreferrer">
            Cổng Dịch vụ công quốc gia — thủ tục {facts.code}
          </a>
        </p>
        <p className="muted">Dữ liệu cập nhật ngày {formatDate(facts.catalogueDate)}.</p>
      </section>
    </Screen>
  );
}
