/** Shapes of the API answers the mini-app reads (see /api/openapi.json). */
import type { DossierView } from '../../../common/dossier-schema';

export type { DossierView };

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string | null;
  levels: string[];
  hasForm: boolean;
}

export interface Fee {
  kind: string;
  amountVnd: number | null;
  text: string;
}

export interface ProcedureFacts extends ProcedureSummary {
  formTitle: string | null;
  agencies: {
    executing: string[];
    competent: string[];
    coordinating: string[];
    receivingAddress: string | null;
  };
  steps: string[];
  filingMethods: {
    channel: 'online' | 'in_person' | 'postal';
    processingTime: { quantity: number | null; unit: string; text: string | null } | null;
    fees: Fee[];
    description: string | null;
  }[];
  documentGroups: {
    name: string | null;
    documents: {
      name: string;
      originals: number | null;
      copies: number | null;
      forms: { fileName: string; title: string | null; url: string | null }[];
    }[];
  }[];
  results: string[];
  conditions: string | null;
  fullyOnline: boolean | null;
  sourceUrl: string;
  updatedAt: string | null;
  catalogueDate: string;
}

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'select'
  | 'radio'
  | 'cccd'
  | 'phone'
  | 'email'
  | 'number'
  | 'checkbox'
  | 'table';

export interface FieldView {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options?: string[];
  prefill?: string;
  placeholder?: string;
  hint?: string;
  maxLength?: number;
  allowFuture?: boolean;
  min?: number;
  max?: number;
  columns?: FieldView[];
  maxRows?: number;
}

export interface FormView {
  procedureCode: string;
  slug: string;
  title: string;
  template: string;
  legalBasis: string[];
  sections: { title: string; note?: string; fields: FieldView[] }[];
  documents: { code: string; label: string; required: boolean; condition: string | null }[];
  prefill: Record<string, string>;
}

export interface SubmitResponse {
  dossier: DossierView;
  receipt: {
    reference: string;
    procedureName: string;
    submittedAt: string;
    appointmentDate: string | null;
    resultDelivery: string;
    text: string;
  };
}

export interface DossierSummary {
  reference: string;
  procedure: { code: string; name: string };
  communeCode: string;
  status: string;
  statusLabel: string;
  trial: boolean;
  submittedAt: string;
  appointmentDate: string | null;
  applicantName: string;
  updatedAt: string;
}

export interface Notice {
  id: number;
  reference: string;
  text: string;
  at: string;
  read: boolean;
}

export interface AuthOptions {
  trial: boolean;
  zaloMiniAppId: string | null;
  maxAttachmentBytes: number;
  maxAttachments: number;
}
