/** Shapes of the console API's answers (see api/routes/console.ts and api/README.md). */

export interface Officer {
  id: string;
  username: string;
  displayName: string | null;
  communeCode: string;
  role: 'officer' | 'admin';
  desk: string;
  desks: Array<{ code: string; name: string }>;
  idleTimeoutMinutes: number;
}

export interface InboxItem {
  reference: string;
  procedure: { code: string; name: string };
  desk: string;
  applicantName: string;
  phoneLast4: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  appointmentDate: string | null;
  overdue: boolean;
  version: number;
}

export interface InboxAnswer {
  today: string;
  counts: { byStatus: Record<string, number>; views: Record<string, number> };
  views: Record<string, string>;
  items: InboxItem[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export interface HistoryItem {
  seq: number;
  action: string;
  status: string;
  statusLabel: string;
  at: string;
  by: string;
  note: string | null;
}

export interface Attachment {
  id: string;
  documentCode: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface Dossier {
  reference: string;
  procedure: { code: string; name: string };
  communeCode: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  receivedAt: string | null;
  appointmentDate: string | null;
  completedAt: string | null;
  resultDelivery: 'tai_quay' | 'buu_chinh';
  deliveryAddress: string | null;
  missingDocuments: string[];
  feeAmountVnd: number | null;
  applicant: { fullName: string; phone: string; email: string | null };
  formData: Record<string, unknown>;
  attachments: Attachment[];
  history: HistoryItem[];
  version: number;
}

export interface Move {
  to: string;
  label: string;
  needs: Array<'note' | 'missingDocuments' | 'resultDelivery' | 'feeAmountVnd'>;
}

export interface FormLabels {
  title: string;
  template: string;
  sections: Array<{
    title: string;
    fields: Array<{
      name: string;
      label: string;
      kind: string;
      columns?: Array<{ name: string; label: string }>;
    }>;
  }>;
  documents: Array<{ code: string; label: string }>;
}

export interface ProcedureInfo {
  code: string;
  name: string;
  processingWorkingDays: number | null;
  agency: string | null;
  details: {
    field: string | null;
    sourceUrl: string;
    receivingAddress: string | null;
    documents: Array<{ group: string | null; name: string }>;
    filingMethods: Array<{ channel: string; time: string | null; fees: string[] }>;
    legalBases: string[];
  } | null;
}

export interface DossierPage {
  dossier: Dossier;
  desk: { code: string; name: string };
  allowedMoves: Move[];
  form: FormLabels | null;
  procedure: ProcedureInfo;
  appointmentNeedsReason: boolean;
}

export interface Commune {
  code: string;
  name: string;
  address: string | null;
}
