/**
 * Print-ready documents (A4, Times-like serif, national heading): the receipt and appointment slip
 * (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), the supplement request (Phiếu yêu cầu bổ sung, hoàn
 * thiện hồ sơ) and the late-dossier apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả, NĐ
 * 118/2025/NĐ-CP). The commune's name and address come from the commune directory.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';
import { useCommune } from '../commune.js';
import { longDate, todayVi, viDate, viDateTime } from '../format.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';
import type { Commune, DossierPage, HistoryItem } from '../types.js';

interface Apology {
  reference: string;
  status: string;
  originalDate: string;
  proposedDate: string;
  letter: string;
  createdAt: string;
}

const TITLES: Record<string, string> = {
  'tiep-nhan': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  'bo-sung': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  'xin-loi': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
};

export default function PrintPage({ params, officer }: PageProps) {
  const kind = params.document ?? '';
  const reference = params.reference ?? '';
  const commune = useCommune(officer.communeCode);
  const [page, setPage] = useState<DossierPage | null>(null);
  const [apology, setApology] = useState<Apology | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      api<DossierPage>('GET', `/api/officer/dossiers/${encodeURIComponent(reference)}`),
      kind === 'xin-loi'
        ? api<{ items: Apology[] }>('GET', '/api/officer/apologies')
        : Promise.resolve({ items: [] as Apology[] }),
    ])
      .then(([p, a]) => {
        if (!live) return;
        setPage(p);
        setApology(a.items.filter((x) => x.reference === reference).at(-1) ?? null);
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [kind, reference]);

  const title = TITLES[kind];
  if (!title) return <p className="error">Không có mẫu giấy này.</p>;
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!page) return <p role="status">Đang chuẩn bị bản in…</p>;

  return (
    <>
      <div className="print-tools no-print">
        <Link to={`/ho-so/${reference}`}>← Quay lại hồ sơ</Link>
        <button type="button" onClick={() => window.print()}>
          In giấy này
        </button>
      </div>
      <div className="sheet" lang="vi">
        <Heading commune={commune} reference={reference} />
        <h1 className="doc-title">{title}</h1>
        {kind === 'tiep-nhan' && <Receipt page={page} commune={commune} />}
        {kind === 'bo-sung' && <Supplement page={page} commune={commune} />}
        {kind === 'xin-loi' && <ApologySlip page={page} commune={commune} apology={apology} />}
      </div>
    </>
  );
}

function Heading({ commune, reference }: { commune: Commune; reference: string }) {
  return (
    <div className="doc-head">
      <div className="left">
        <p className="upper">
          {commune.name.startsWith('UBND') ? commune.name : `UBND ${commune.name}`}
        </p>
        <p className="upper strong">BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ</p>
        <p className="rule" />
        <p>Số: {reference}</p>
      </div>
      <div className="right">
        <p className="upper strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
        <p className="strong">Độc lập - Tự do - Hạnh phúc</p>
        <p className="rule" />
        <p className="italic">
          {placeName(commune)}, {longDate(todayVi())}
        </p>
      </div>
    </div>
  );
}

/** The place in the dateline ("Hoằng Giang, ngày …"); dots when the directory has not answered. */
function placeName(commune: Commune): string {
  return /^(Xã|Phường) /i.test(commune.name) ? commune.name.replace(/^(Xã|Phường) /i, '') : '…………';
}

/** The commune inside a sentence: "xã Hoằng Giang" (type word in lower case). */
function inSentence(commune: Commune): string {
  return commune.name.replace(/^UBND /, '').replace(/^(Xã|Phường) /, (m) => m.toLowerCase());
}

function officerOf(history: HistoryItem[], status: string): string {
  const entry = [...history]
    .reverse()
    .find((h) => h.status === status && h.by.startsWith('Cán bộ'));
  return entry ? entry.by.replace(/^Cán bộ\s*/, '') : '';
}

function Receipt({ page, commune }: { page: DossierPage; commune: Commune }) {
  const d = page.dossier;
  const received = d.receivedAt ?? d.submittedAt;
  const at = viDateTime(received);
  // One line per document (a supplement replaces a file, it is not another document).
  const docs = [
    ...new Set(
      d.attachments.map(
        (a) => page.form?.documents.find((x) => x.code === a.documentCode)?.label ?? a.fileName,
      ),
    ),
  ];
  return (
    <div className="doc-body">
      <p>
        {`Bộ phận tiếp nhận và trả kết quả ${inSentence(commune)}`}
        {commune.address ? ` (địa chỉ: ${commune.address})` : ''} tiếp nhận hồ sơ của:
      </p>
      <p>
        Ông/Bà: <strong>{d.applicant.fullName}</strong>
      </p>
      <p>
        Số điện thoại: {d.applicant.phone}
        {d.applicant.email ? ` · Email: ${d.applicant.email}` : ''}
      </p>
      {d.deliveryAddress && <p>Địa chỉ nhận kết quả: {d.deliveryAddress}</p>}
      <p>
        Nội dung yêu cầu giải quyết: <strong>{d.procedure.name}</strong> (mã thủ tục{' '}
        {d.procedure.code})
      </p>
      <p>1. Thành phần hồ sơ nộp gồm:</p>
      <ol className="doc-list">
        {page.form && <li>{page.form.template} — kê khai trực tuyến</li>}
        {docs.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ol>
      <p>2. Số lượng hồ sơ: 01 bộ.</p>
      <p>
        3. Thời gian giải quyết hồ sơ theo quy định:{' '}
        {page.procedure.processingWorkingDays !== null
          ? `${page.procedure.processingWorkingDays} ngày làm việc`
          : 'theo ngày hẹn dưới đây'}
        .
      </p>
      <p>
        4. Thời gian nhận hồ sơ: {at.slice(11)} ngày {at.slice(0, 10)}.
      </p>
      <p>
        5. Thời gian trả kết quả giải quyết hồ sơ: <strong>ngày {viDate(d.appointmentDate)}</strong>
        .
      </p>
      <p>
        6. Đăng ký nhận kết quả tại:{' '}
        {d.resultDelivery === 'buu_chinh'
          ? `qua dịch vụ bưu chính công ích${d.deliveryAddress ? `, đến địa chỉ ${d.deliveryAddress}` : ''}`
          : `Bộ phận tiếp nhận và trả kết quả ${inSentence(commune)}${commune.address ? `, ${commune.address}` : ''}`}
        .
      </p>
      <p className="small">Mã hồ sơ để tra cứu: {d.reference}. Vào sổ theo dõi hồ sơ.</p>
      <Signatures
        left="NGƯỜI NỘP HỒ SƠ"
        leftName={d.applicant.fullName}
        right="NGƯỜI TIẾP NHẬN HỒ SƠ"
        rightName={officerOf(d.history, 'DUOC_TIEP_NHAN')}
      />
    </div>
  );
}

function Supplement({ page, commune }: { page: DossierPage; commune: Commune }) {
  const d = page.dossier;
  const ask = [...d.history].reverse().find((h) => h.status === 'YEU_CAU_BO_SUNG');
  const missing = d.missingDocuments.length > 0 ? d.missingDocuments : [];
  return (
    <div className="doc-body">
      <p>
        {`Bộ phận tiếp nhận và trả kết quả ${inSentence(commune)}`} tiếp nhận hồ sơ của Ông/Bà{' '}
        <strong>{d.applicant.fullName}</strong>, đề nghị giải quyết thủ tục{' '}
        <strong>{d.procedure.name}</strong> (mã hồ sơ {d.reference}).
      </p>
      <p>Sau khi kiểm tra, hồ sơ cần được bổ sung, hoàn thiện các nội dung sau:</p>
      {missing.length > 0 ? (
        <ol className="doc-list">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ol>
      ) : (
        <p className="italic">(Hồ sơ đã được bổ sung đầy đủ.)</p>
      )}
      {ask?.note && <p>Lý do: {ask.note}</p>}
      <p>
        Đề nghị Ông/Bà bổ sung trên Mini App (mục “Hồ sơ của tôi”) hoặc tại Bộ phận tiếp nhận và trả
        kết quả
        {commune.address ? ` (${commune.address})` : ''}. Ngày hẹn trả kết quả mới được tính từ ngày
        nhận đủ giấy tờ.
      </p>
      <p>
        Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ cán bộ tiếp nhận để được
        hướng dẫn.
      </p>
      <Signatures
        left="NGƯỜI NỘP HỒ SƠ"
        leftName={d.applicant.fullName}
        right="NGƯỜI TIẾP NHẬN HỒ SƠ"
        rightName={officerOf(d.history, 'YEU_CAU_BO_SUNG')}
      />
    </div>
  );
}

function ApologySlip(props: { page: DossierPage; commune: Commune; apology: Apology | null }) {
  const d = props.page.dossier;
  const a = props.apology;
  const reason = [...d.history].reverse().find((h) => h.action === 'XIN_LOI_HEN_LAI')?.note;
  return (
    <div className="doc-body">
      <p>
        {`Bộ phận tiếp nhận và trả kết quả ${inSentence(props.commune)}`} tiếp nhận hồ sơ của Ông/Bà{' '}
        <strong>{d.applicant.fullName}</strong>, thủ tục <strong>{d.procedure.name}</strong> (mã hồ
        sơ {d.reference}), ngày hẹn trả kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả là
        ngày {viDate(a?.originalDate ?? d.appointmentDate)}.
      </p>
      <p>
        Tuy nhiên, đến nay hồ sơ chưa giải quyết xong. Lý do:{' '}
        {reason ?? '……………………………………………………………………'}
      </p>
      <p>
        Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi thành thật xin lỗi Ông/Bà và xin hẹn
        lại thời gian trả kết quả vào{' '}
        <strong>
          ngày{' '}
          {viDate(
            a?.status === 'confirmed' ? d.appointmentDate : (a?.proposedDate ?? d.appointmentDate),
          )}
        </strong>
        .
      </p>
      <p>Mong nhận được sự thông cảm của Ông/Bà.</p>
      <p className="small">
        Căn cứ Nghị định số 118/2025/NĐ-CP của Chính phủ về thực hiện thủ tục hành chính theo cơ chế
        một cửa, một cửa liên thông.
      </p>
      <Signatures left="" leftName="" right="ĐẠI DIỆN CƠ QUAN" rightName="" />
    </div>
  );
}

function Signatures(props: { left: string; leftName: string; right: string; rightName: string }) {
  return (
    <div className="signatures">
      <div>
        {props.left && (
          <>
            <p className="upper strong">{props.left}</p>
            <p className="italic">(Ký và ghi rõ họ tên)</p>
            <p className="sign-name">{props.leftName}</p>
          </>
        )}
      </div>
      <div>
        <p className="upper strong">{props.right}</p>
        <p className="italic">(Ký và ghi rõ họ tên)</p>
        <p className="sign-name">{props.rightName}</p>
      </div>
    </div>
  );
}
