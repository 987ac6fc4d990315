import { z } from 'zod';

/*
 * Shape of the portal's detail API response (dvcqg-opengov/backend/data/crawl/details/<code>.json). Objects the
 * importer reads are strict: an unknown field means the API changed, and the file is reported and skipped.
 */

const Named = z.looseObject({ name: z.string().nullable().optional() });
const names = z.array(Named);
const ids = z.array(z.unknown());

const Fee = z.strictObject({
  type: z.string(),
  value: z.number().nullable(),
  description: z.string().nullable().optional(),
  currencyId: z.string().nullable().optional(),
  currencyName: z.string().nullable().optional(),
  attachment: z.unknown().optional(),
});

export const Method = z.strictObject({
  submissionMethod: z.string(),
  processingTime: z.union([z.number(), z.string()]).nullable(),
  processingTimeUnit: z.string().nullable(),
  description: z.string().nullable().optional(),
  fees: z.array(Fee),
});

const Attachment = z.strictObject({
  id: z.string(),
  fileName: z.string(),
  bucketName: z.string().nullable().optional(),
  filePath: z.string().nullable().optional(),
});

const Component = z.strictObject({
  profileComponentId: z.string(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  originalQty: z.number().int().nonnegative().nullable(),
  copyQty: z.number().int().nonnegative().nullable(),
  required: z.boolean().nullable(),
  hasElectronicForm: z.boolean().nullable(),
  isProcessingResult: z.boolean().nullable().optional(),
  source: z.unknown().optional(),
  attachments: z.array(Attachment),
});

const Data = z.strictObject({
  id: z.string(),
  code: z.string(),
  codeNotation: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  decisionNo: z.string().nullable(),
  executionSteps: z.array(
    z.strictObject({ name: z.string().nullable(), description: z.string().nullable() }),
  ),
  executionMethods: z.array(Method),
  executionCases: z.array(
    z.strictObject({ name: z.string().nullable(), profileComponents: z.array(Component) }),
  ),
  formalityTargetType: ids,
  formalityType: z.string().nullable(),
  state: z.string().nullable(),
  isInternal: z.boolean(),
  type: z.string(),
  isWard: z.boolean(),
  isProvince: z.boolean(),
  isMinistry: z.boolean(),
  isOtherAgency: z.boolean(),
  isUndetermined: z.boolean(),
  isVertical: z.boolean(),
  isFullProcess: z.boolean().nullable(),
  isSharedService: z.boolean(),
  note: z.string().nullable(),
  keywords: z.string().nullable(),
  categoryIds: ids,
  serviceGroupIds: ids,
  legalBasisIds: ids,
  resultIds: ids,
  subjectTypeIds: ids,
  departmentExecutingIds: ids,
  departmentAuthorityIds: ids,
  departmentAuthorizedIds: ids,
  departmentCoordinatingIds: ids,
  categoriesDetails: names,
  category: Named.nullable().optional(),
  departmentDetails: ids,
  departmentsExecuting: names,
  departmentsAuthority: names,
  departmentsAuthorized: names,
  departmentsCoordinating: names,
  unitGroupExecutingIds: ids,
  unitGroupAuthorityIds: ids,
  unitGroupAuthorizedIds: ids,
  unitGroupCoordinatingIds: ids,
  unitGroupsExecuting: names,
  unitGroupsAuthority: names,
  unitGroupsAuthorized: names,
  unitGroupsCoordinating: names,
  serviceGroupsDetails: ids,
  legalBasisesDetails: z.array(
    z.looseObject({ name: z.string().nullable(), code: z.string().nullable() }),
  ),
  resultsDetails: names,
  subjectTypesDetails: names,
  departmentPromulgateId: z.string().nullable(),
  departmentPromulgateCode: z.string().nullable(),
  departmentPromulgateName: z.string().nullable(),
  cases: ids,
  fees: ids,
  createdAt: z.number().nullable(),
  updatedAt: z.number().nullable(),
  profileComponents: z.array(Component),
  targetObjects: ids,
  executingAgencies: z.string().nullable(),
  authorizedAgencies: z.string().nullable(),
  dossierReceivingAddresses: z.string().nullable(),
  delegatedAgencies: z.string().nullable(),
  coordinatingAgencies: z.string().nullable(),
  requirementsAndConditions: z.string().nullable(),
  procedureRelatedGroup: ids,
  procedureProposal: z
    .looseObject({
      proposalNumber: z.string().nullable().optional(),
      decisionNumber: z.string().nullable().optional(),
      issuingAgency: Named.nullable().optional(),
    })
    .nullable(),
  isOfflineOnly: z.boolean(),
  isNonTerritorial: z.boolean(),
  returningMethods: ids,
});
export type ApiData = z.infer<typeof Data>;
export type ApiMethod = z.infer<typeof Method>;

export const ApiResponse = z.strictObject({
  code: z.string(),
  message: z.string().nullable(),
  data: Data,
});
