// Client (CRM) data as the cc-core APIs return it (CRM-01, CRM-02, AGT-05, AGT-12), for page tests.
import { page } from './telephony';

export const clientFields = [
  {
    id: 'f-region',
    key: 'region',
    label: 'Region',
    type: 'SELECT',
    required: true,
    options: ['North', 'Centre', 'South'],
    position: 1,
    version: 0,
  },
  {
    id: 'f-contract',
    key: 'contract_no',
    label: 'Contract number',
    type: 'TEXT',
    required: false,
    options: [],
    position: 0,
    version: 2,
  },
  {
    id: 'f-age',
    key: 'age',
    label: 'Age',
    type: 'NUMBER',
    required: false,
    options: [],
    position: 2,
    version: 0,
  },
  {
    id: 'f-vip',
    key: 'vip',
    label: 'VIP',
    type: 'BOOLEAN',
    required: false,
    options: [],
    position: 3,
    version: 0,
  },
  {
    id: 'f-topics',
    key: 'topics',
    label: 'Topics',
    type: 'MULTI_SELECT',
    required: false,
    options: ['Billing', 'Outage'],
    position: 4,
    version: 0,
  },
  {
    id: 'f-since',
    key: 'since',
    label: 'Client since',
    type: 'DATE',
    required: false,
    options: [],
    position: 5,
    version: 0,
  },
];

export const ana = {
  id: 'c-ana',
  firstName: 'Ana',
  lastName: 'Popa',
  organisation: 'Moldova Gaz',
  externalId: 'A-100',
  language: 'ro',
  phones: [{ number: '+37369123456', label: 'mobile' }],
  emails: [{ address: 'ana@example.test', label: null }],
  tags: ['vip', 'billing'],
  custom: {
    region: 'North',
    contract_no: 'K-7',
    age: 41,
    vip: true,
    topics: ['Billing'],
    since: '2020-01-15',
  },
  link: 'https://crm.example.test/clients/A-100',
  createdAt: '2026-04-01T08:00:00Z',
  updatedAt: '2026-05-01T09:00:00Z',
  version: 3,
};

export const ion = {
  ...ana,
  id: 'c-ion',
  firstName: 'Ion',
  lastName: 'Rusu',
  organisation: null,
  externalId: null,
  language: null,
  phones: [],
  emails: [{ address: 'ion@example.test', label: 'work' }],
  tags: [],
  custom: {},
  link: null,
  version: 0,
};

export const anaNotes = [
  {
    id: 'n-old',
    text: 'Asked about the March invoice.',
    createdBy: 'p-admin',
    createdByName: null,
    interactionId: null,
    createdAt: '2026-04-02T10:00:00Z',
    updatedAt: '2026-04-02T10:00:00Z',
    updatedBy: 'p-admin',
    version: 0,
  },
  {
    id: 'n-new',
    text: 'Prefers calls after 17:00.',
    createdBy: 'u-other',
    createdByName: 'Olena Operator',
    interactionId: 'i-answered',
    createdAt: '2026-05-01T10:05:00Z',
    updatedAt: '2026-05-01T11:00:00Z',
    updatedBy: 'p-admin',
    version: 2,
  },
];

export const crmSettings = { linkTemplate: 'https://crm.example.test/clients/{externalId}', version: 4 };

export const crmRoutes = {
  'GET /api/cc/clients': page([ana, ion]),
  'GET /api/cc/clients/c-ana': ana,
  'GET /api/cc/clients/c-ion': ion,
  'GET /api/cc/client-fields': page(clientFields, clientFields.length, 100),
  'GET /api/cc/clients/c-ana/notes': anaNotes,
  'GET /api/cc/crm-settings': crmSettings,
};
