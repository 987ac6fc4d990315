/**
 * Shapes of the API answers the mini-app reads (see /api/openapi.json). The form and procedure shapes
 * are the API's own wire contracts in common/ (type-only imports: nothing of the server is bundled).
 */
import type { DossierView } from '../../../common/dossier-schema';

export type { DossierView };
export type {
  FieldDefinition as FieldView,
  FieldKind,
  PublicForm as FormView,
} from '../../../common/form-contract';
export type {
  ProcedureFacts,
  ProcedurePage,
  ProcedureSummary,
  ResidentItem,
  ResidentSummary,
} from '../../../common/procedure-contract';

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
