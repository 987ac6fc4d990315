import type { DocumentGroup, FilingMethod, LegalBasis } from '../procedure-schema.js';
import { makeDuration, parseQuantity, textDuration, unitFromApi } from './durations.js';
import { feeKindFromApi, makeFee } from './fees.js';
import { casesFromApi } from './processing-cases.js';
import type { ImportLog } from './import-report.js';
import { levelsFromFlags } from './levels.js';
import type { ParsedSource, SourceRecord } from './partial.js';
import {
  channelFromApi,
  cleanLegalNumber,
  portalUrl,
  scopeFromType,
  uniqueLegalBases,
  vietnamDate,
} from './portal.js';
import { listFiles, readJsonFile, readTextIfExists } from './source-files.js';
import { ApiResponse, type ApiData, type ApiMethod } from './dvcqg-api-schema.js';
import { blockOrNull, cleanInline, inlineOrNull, lines, uniqueStrings } from './text.js';

/*
 * Parser for the portal's detail API responses (dvcqg-opengov/backend/data/crawl/details/<code>.json), the
 * richest source: structured methods, fees, documents with form files, legal bases and level flags.
 */

export const API_DETAILS_DIR = 'dvcqg-opengov/backend/data/crawl/details';
const MANIFEST = 'dvcqg-opengov/backend/data/crawl/manifest.json';

const nameList = (...lists: { name?: string | null }[][]) =>
  uniqueStrings(lists.flat().map((item) => item.name));

function steps(data: ApiData): string[] {
  return data.executionSteps.flatMap((step) => {
    const name = inlineOrNull(step.name);
    const body = lines(step.description);
    // Many steps repeat their title as the first line of the description.
    if (name === null || (body[0] ?? '').startsWith(name)) return body;
    return [name, ...body];
  });
}

function method(m: ApiMethod, code: string, log: ImportLog): FilingMethod | null {
  const channel = channelFromApi(m.submissionMethod);
  if (!channel) {
    log.drop('method: unknown submission method', `${code}: ${m.submissionMethod}`);
    return null;
  }
  let description = blockOrNull(m.description);
  const unit = unitFromApi(m.processingTimeUnit ?? '') ?? 'other';
  const quantity =
    typeof m.processingTime === 'number' ? m.processingTime : parseQuantity(m.processingTime ?? '');
  const time =
    quantity !== undefined
      ? makeDuration(quantity, unit, unit === 'other' ? description : null, code, log)
      : textDuration(String(m.processingTime ?? ''), description, code, log);
  if (time.usedDescription) description = null;
  const fees = m.fees.flatMap((fee) => {
    const currency = /usd/i.test(fee.currencyName ?? '') ? 'USD' : 'VND';
    return (
      makeFee(feeKindFromApi(fee.type), fee.value, currency, fee.description ?? null, code, log) ??
      []
    );
  });
  return { channel, processingTime: time.duration, fees, description };
}

/** Removes exact duplicate methods (the API repeats channels once per case with identical content). */
export function uniqueMethods(
  methods: FilingMethod[],
  code: string,
  log: ImportLog,
): FilingMethod[] {
  const seen = new Set<string>();
  return methods.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) {
      log.drop('method: exact duplicate removed', `${code}: ${m.channel}`);
      return false;
    }
    seen.add(key);
    return true;
  });
}

function documentGroups(data: ApiData): DocumentGroup[] {
  const groups = [
    ...data.executionCases,
    ...(data.profileComponents.length > 0
      ? [{ name: null, profileComponents: data.profileComponents }]
      : []),
  ];
  return groups
    .map((group) => ({
      name: inlineOrNull(group.name),
      documents: group.profileComponents
        .map((c) => ({
          name: cleanInline(c.name),
          originals: c.originalQty,
          copies: c.copyQty,
          forms: c.attachments.map((a) => ({
            fileName: cleanInline(a.fileName),
            title: null,
            url: null,
          })),
        }))
        .filter((doc) => doc.name !== '' || doc.forms.length > 0),
    }))
    .filter((group) => group.documents.length > 0);
}

function legalBases(data: ApiData): LegalBasis[] {
  return uniqueLegalBases(
    data.legalBasisesDetails.flatMap((item) => {
      const title = inlineOrNull(item.name) ?? inlineOrNull(item.code);
      return title === null ? [] : [{ number: cleanLegalNumber(item.code), title }];
    }),
  );
}

function agencyList(structured: string[], text: string | null): string[] {
  if (structured.length > 0) return structured;
  const single = inlineOrNull(text);
  return single === null ? [] : [single];
}

function toRecord(file: string, data: ApiData, log: ImportLog): SourceRecord {
  const code = data.code.trim();
  const scope = data.isInternal ? 'internal' : scopeFromType(data.type);
  const promulgatedBy =
    inlineOrNull(data.departmentPromulgateName) ??
    inlineOrNull(data.procedureProposal?.issuingAgency?.name);
  return {
    source: 'dvcqg-api',
    code,
    file,
    detailed: true,
    facts: {
      name: cleanInline(data.name),
      field: inlineOrNull(data.categoriesDetails[0]?.name) ?? inlineOrNull(data.category?.name),
      levels: levelsFromFlags(data),
      type: inlineOrNull(data.type),
      scope,
      province: scope === 'provincial' ? promulgatedBy : undefined,
      promulgatedBy,
      decisionNumber:
        inlineOrNull(data.procedureProposal?.proposalNumber) ??
        inlineOrNull(data.decisionNo) ??
        inlineOrNull(data.procedureProposal?.decisionNumber),
      agencies: {
        executing: agencyList(
          nameList(data.unitGroupsExecuting, data.departmentsExecuting),
          data.executingAgencies,
        ),
        competent: nameList(data.unitGroupsAuthority, data.departmentsAuthority),
        coordinating: agencyList(
          nameList(data.unitGroupsCoordinating, data.departmentsCoordinating),
          data.coordinatingAgencies,
        ),
        receivingAddress: blockOrNull(data.dossierReceivingAddresses),
      },
      targetGroups: nameList(data.subjectTypesDetails),
      steps: steps(data),
      filingMethods: uniqueMethods(
        data.executionMethods.flatMap((m) => method(m, code, log) ?? []),
        code,
        log,
      ),
      processingCases: casesFromApi(data.cases, code, log),
      documentGroups: documentGroups(data),
      results: nameList(data.resultsDetails),
      conditions: blockOrNull(data.requirementsAndConditions),
      legalBases: legalBases(data),
      fullyOnline: data.isFullProcess ?? undefined,
      sourceUrl: portalUrl(data.id),
      updatedAt: data.updatedAt === null ? undefined : vietnamDate(data.updatedAt),
    },
  };
}

/** Snapshot date of the API crawl: the manifest's finish time, else the newest record update. */
function snapshotDate(root: string, records: SourceRecord[]): string | null {
  const manifest = readTextIfExists(root, MANIFEST);
  const finished = manifest?.match(/"finishedAt"\s*:\s*"([^"]+)"/)?.[1];
  if (finished) return vietnamDate(finished);
  const dates = records
    .map((r) => r.facts.updatedAt)
    .filter((d): d is string => typeof d === 'string');
  return dates.sort().at(-1) ?? null;
}

/** Parses every detail file under {@link API_DETAILS_DIR}; bad files are logged and skipped. */
export function parseDvcqgApi(root: string, log: ImportLog): ParsedSource {
  const records: SourceRecord[] = [];
  for (const file of listFiles(root, API_DETAILS_DIR, '.json')) {
    const response = readJsonFile(root, file, ApiResponse, 'dvcqg-api', log);
    if (!response) continue;
    if (response.data.code.trim() === '') {
      log.skip('dvcqg-api', file, 'record has no code');
      continue;
    }
    records.push(toRecord(file, response.data, log));
  }
  return { records, snapshotDate: snapshotDate(root, records) };
}
