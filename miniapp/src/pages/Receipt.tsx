import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'zmp-ui';
import { ErrorBox, Loading, Screen } from '../components';
import { api, messageOf } from '../lib/api';
import { formatDateLong, formatDateTime } from '../lib/dates';
import { groupReference, readAloud } from '../lib/reference';
import type { DossierView, SubmitResponse } from '../lib/types';

/** QR code of the reference, drawn by the `qrcode` library (loaded only on this screen). */
function ReferenceQr({ reference }: { reference: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('qrcode').then((qr) =>
      qr
        .toString(reference, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
        .then((s) => !cancelled && setSvg(s)),
    );
    return () => {
      cancelled = true;
    };
  }, [reference]);
  return svg ? (
    <div
      className="qr"
      role="img"
      aria-label={`Mã QR của mã hồ sơ ${reference}`}
      // The SVG comes from the QR library, built from an 8-character reference we validated.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  ) : (
    <div className="qr" />
  );
}

export function Receipt() {
  const { reference = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const passed = (location.state as SubmitResponse | null) ?? null;
  const [dossier, setDossier] = useState<DossierView | null>(passed?.dossier ?? null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (dossier) return;
    api<DossierView>(`/api/dossiers/${encodeURIComponent(reference)}`).then(setDossier, (e) =>
      setError(messageOf(e)),
    );
  }, [reference, dossier]);

  if (error)
    return (
      <Screen title="Biên nhận">
        <ErrorBox message={error} />
      </Screen>
    );
  if (!dossier)
    return (
      <Screen title="Biên nhận">
        <Loading />
      </Screen>
    );
  return (
    <Screen
      title="Biên nhận"
      back={false}
      footer={
        <div className="footer-row">
          <button
            type="button"
            className="secondary-button"
            onClick={() => navigate('/', { replace: true })}
          >
            Về trang chủ
          </button>
          <button
            type="button"
            className="primary-button"
            onClick={() => navigate('/dossiers', { replace: true })}
          >
            Hồ sơ của tôi
          </button>
        </div>
      }
    >
      <div className="receipt">
        <p className="success">Đã nộp hồ sơ thành công</p>
        {dossier.trial ? <p className="trial-mark">HỒ SƠ DÙNG THỬ</p> : null}
        <p className="muted">Mã hồ sơ</p>
        <p className="reference" aria-label={`Mã hồ sơ ${reference.split('').join(' ')}`}>
          {groupReference(dossier.reference)}
        </p>
        <p className="read-aloud">Đọc là: {readAloud(dossier.reference)}</p>
        <ReferenceQr reference={dossier.reference} />
        <dl className="facts">
          <dt>Thủ tục</dt>
          <dd>{dossier.procedure.name}</dd>
          <dt>Nộp lúc</dt>
          <dd>{formatDateTime(dossier.submittedAt)}</dd>
          <dt>Ngày hẹn trả kết quả</dt>
          <dd>
            {dossier.appointmentDate
              ? `${formatDateLong(dossier.appointmentDate)} (dự kiến, cán bộ xác nhận khi tiếp nhận)`
              : 'Cán bộ sẽ báo ngày hẹn khi tiếp nhận hồ sơ.'}
          </dd>
          <dt>Nhận kết quả</dt>
          <dd>
            {dossier.resultDelivery === 'buu_chinh'
              ? `Qua bưu chính, gửi đến: ${dossier.deliveryAddress ?? ''}`
              : // Police procedures are received by the commune police, others by the one-stop desk.
                'Nhận trực tiếp tại nơi tiếp nhận hồ sơ'}
          </dd>
          <dt>Trạng thái</dt>
          <dd>{dossier.statusLabel}</dd>
        </dl>
        <p className="hint">
          Tra cứu hồ sơ: gõ mã hồ sơ và 4 số cuối điện thoại ({dossier.applicant.phone.slice(-4)})
          trong khung chat, hoặc xem trong "Hồ sơ của tôi".
        </p>
      </div>
    </Screen>
  );
}
