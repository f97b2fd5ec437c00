// Intake forms, categories, client imports and API credentials as the cc-core APIs return them
// (CRM-02, CRM-05, CRM-06, AGT-05), for page tests.
import { page } from './telephony';

/** The SRH hotline's intake form (seed 003): age, sex, region, topic; region is for supervisors only. */
export const srhForm = {
  id: 'form-srh',
  name: 'SRH intake',
  description: 'Asked on every hotline call',
  active: true,
  fields: [
    {
      key: 'age',
      label: 'Age',
      type: 'NUMBER',
      required: true,
      options: [],
      position: 0,
      visibleTo: [],
    },
    {
      key: 'sex',
      label: 'Sex',
      type: 'SELECT',
      required: false,
      options: ['female', 'male', 'other'],
      position: 1,
      visibleTo: [],
    },
    {
      key: 'topic',
      label: 'Topic',
      type: 'MULTI_SELECT',
      required: true,
      options: ['Contraception', 'Pregnancy', 'Violence'],
      position: 2,
      visibleTo: [],
    },
    {
      key: 'region',
      label: 'Region',
      type: 'SELECT',
      required: false,
      options: ['Dnipropetrovsk', 'Zaporizhzhia', 'other'],
      position: 3,
      visibleTo: ['supervisor', 'tenant-admin'],
    },
  ],
  version: 3,
};

export const oldForm = {
  id: 'form-old',
  name: 'Billing survey',
  description: null,
  active: false,
  fields: [
    {
      key: 'happy',
      label: 'Satisfied',
      type: 'BOOLEAN',
      required: false,
      options: [],
      position: 0,
      visibleTo: [],
    },
  ],
  version: 1,
};

/** An answer an agent filled for the answered call; the region is hidden from the agent. */
export const srhAnswer = {
  id: 'ans-1',
  formId: 'form-srh',
  formName: 'SRH intake',
  formVersion: 3,
  interactionId: 'i-answered',
  clientId: null,
  fields: [
    { key: 'age', label: 'Age', type: 'NUMBER', required: true, options: [], value: 27, hidden: false },
    {
      key: 'sex',
      label: 'Sex',
      type: 'SELECT',
      required: false,
      options: ['female', 'male', 'other'],
      value: 'female',
      hidden: false,
    },
    {
      key: 'topic',
      label: 'Topic',
      type: 'MULTI_SELECT',
      required: true,
      options: ['Contraception', 'Pregnancy', 'Violence'],
      value: ['Pregnancy'],
      hidden: false,
    },
    {
      key: 'region',
      label: 'Region',
      type: 'SELECT',
      required: false,
      options: ['Dnipropetrovsk', 'Zaporizhzhia', 'other'],
      hidden: true,
    },
  ],
  createdAt: '2026-05-01T10:03:00Z',
  createdBy: 'p-admin',
  createdByName: 'Ana Agent',
  updatedAt: '2026-05-01T10:03:00Z',
  updatedBy: 'p-admin',
  updatedByName: 'Ana Agent',
  version: 0,
};

export const categories = [
  { id: 'cat-billing', name: 'Billing', parentId: null, active: true, position: 0, version: 2 },
  { id: 'cat-refund', name: 'Refund', parentId: 'cat-billing', active: true, position: 0, version: 0 },
  { id: 'cat-complaint', name: 'Complaint', parentId: null, active: true, position: 1, version: 0 },
  { id: 'cat-legacy', name: 'Legacy', parentId: null, active: false, position: 2, version: 4 },
];

export const answeredCallCategories = {
  interactionId: 'i-answered',
  categories: [categories[0]],
  history: [
    {
      at: '2026-05-01T10:04:00Z',
      changedBy: 'p-agent',
      changedByName: 'Ana Agent',
      before: [],
      after: [{ id: 'cat-billing', name: 'Billing' }],
      note: null,
    },
  ],
};

export const importJob = {
  id: 'job-1',
  status: 'QUEUED',
  source: 'UI',
  fileName: 'clients.csv',
  format: 'CSV',
  total: 4,
  processed: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  failureCode: null,
  createdAt: '2026-05-02T08:00:00Z',
  startedAt: null,
  finishedAt: null,
  reportExpiresAt: null,
};

export const doneImport = {
  ...importJob,
  id: 'job-old',
  status: 'DONE',
  fileName: 'march.xlsx',
  format: 'XLSX',
  total: 1000,
  processed: 1000,
  created: 950,
  updated: 30,
  unchanged: 10,
  rejected: 10,
  createdAt: '2026-04-01T08:00:00Z',
  startedAt: '2026-04-01T08:00:01Z',
  finishedAt: '2026-04-01T08:01:15Z',
  reportExpiresAt: '2999-01-01T00:00:00Z',
};

export const savedMapping = {
  id: 'map-1',
  name: 'Weekly CRM export',
  mapping: {
    columns: { 'customer no': 'externalId', Name: 'lastName', Mobile: 'phone', Fax: 'phone2' },
    delimiter: ';',
    hasHeader: true,
  },
  createdAt: '2026-03-01T08:00:00Z',
  updatedAt: '2026-03-01T08:00:00Z',
  version: 2,
};

export const apiCredentials = [
  {
    id: 'key-crm',
    name: 'CRM nightly sync',
    prefix: 'ab3cd4ef5g',
    scopes: ['clients.write', 'clients.read'],
    createdAt: '2026-04-01T08:00:00Z',
    createdBy: 'p-admin',
    lastUsedAt: '2026-05-01T02:00:00Z',
    revokedAt: null,
  },
  {
    id: 'key-old',
    name: 'Old export',
    prefix: 'zz9yy8xx7w',
    scopes: ['interactions.read'],
    createdAt: '2026-01-01T08:00:00Z',
    createdBy: 'd0000000-aaaa-4000-8000-000000000009',
    lastUsedAt: null,
    revokedAt: '2026-02-01T08:00:00Z',
  },
];

export const crmAdminRoutes = {
  'GET /api/cc/forms': (call: { search: URLSearchParams }) =>
    call.search.get('active') === 'true' ? [srhForm] : [srhForm, oldForm],
  'GET /api/cc/form-answers': page([srhAnswer], 1, 50),
  'GET /api/cc/categories': categories,
  'GET /api/cc/interactions/i-answered/categories': answeredCallCategories,
  'GET /api/cc/clients/imports': page([doneImport]),
  'GET /api/cc/client-import-mappings': [savedMapping],
  'GET /api/cc/api-credentials': apiCredentials,
};
