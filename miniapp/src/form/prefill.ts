/**
 * Pre-filling a form: the resident's saved profile (what they typed last time on this phone), their
 * previous dossiers, and the Zalo profile (name; phone via the server exchange), by the form's
 * profile keys (fullName, dateOfBirth, sex, cccd, phone, email, address, communeName, today).
 */
import { todayInVietnam } from '../../../common/vietnam-id';
import { api } from '../lib/api';
import type { DossierSummary, DossierView, FieldView, FormView } from '../lib/types';

export type Profile = Record<string, string>;

/** Values of `form`'s fields with a prefill key, from a profile keyed by prefill key. */
export function prefillValues(form: FormView, profile: Profile): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(form.prefill)) {
    const value = key === 'today' ? todayInVietnam() : profile[key];
    if (value) values[field] = value;
  }
  return values;
}

/** The profile facts written in a form's answers (the reverse of {@link prefillValues}). */
export function profileFrom(form: FormView, data: Record<string, unknown>): Profile {
  const profile: Profile = {};
  for (const [field, key] of Object.entries(form.prefill)) {
    const v = data[field];
    if (key !== 'today' && typeof v === 'string' && v.trim()) profile[key] = v.trim();
  }
  return profile;
}

/** Profile facts from the resident's most recent dossier (any procedure). */
export async function profileFromLastDossier(): Promise<Profile> {
  const list = await api<{ items: DossierSummary[] }>('/api/dossiers?limit=1');
  const last = list.items[0];
  if (!last) return {};
  const [dossier, form] = await Promise.all([
    api<DossierView>(`/api/dossiers/${last.reference}`),
    api<FormView>(`/api/forms/${encodeURIComponent(last.procedure.code)}`, { auth: false }),
  ]);
  return {
    ...profileFrom(form, dossier.formData),
    fullName: dossier.applicant.fullName,
    phone: dossier.applicant.phone,
  };
}

export function allFields(form: FormView): FieldView[] {
  return form.sections.flatMap((s) => s.fields);
}
