import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_DETAIL_KEYS,
  AUDIT_EVENT_TYPES,
  AUDIT_OUTCOMES,
  AUDIT_REASONS,
  POLICY_FIELDS,
} from '@/features/audit/utils/events';
import { CREDENTIAL_FIELDS, REACHES } from '@/features/agents/api/agents';
import { DAYS } from '@/features/calendars/api/calendars';
import {
  ABANDON_STAGES,
  DIRECTIONS,
  END_REASONS,
  EVENT_TYPES,
  STATES,
} from '@/features/interactions/api/interactions';
import { FIELD_TYPES } from '@/features/client-fields/api/clientFields';
import { CARD_TABS, SORTS } from '@/features/clients/api/clients';
import { KINDS, OUTCOMES, STATUS_FILTERS, STATUSES } from '@/features/callbacks/api/callbacks';
import { ROUTE_TARGETS } from '@/features/numbers/api/numbers';
import { CHOSEN_STATES, PRESENCE_STATES } from '@/features/presence/api/presence';
import { ACTION_TYPES, OVERFLOW_CONDITIONS, STRATEGIES } from '@/features/queues/api/queues';
import { TABS } from '@/features/queues/utils/queueForm';
import { NUMBER_TYPES } from '@/lib/phone';
import { PERMISSIONS, ROLES } from '@/lib/session/types';
import { flatten, LOCALES } from '@/test/i18n';
import {
  STATUSES as IMPORT_STATUSES,
  TARGETS as IMPORT_TARGETS,
} from '@/features/client-import/api/clientImport';
import { DELIMITER_NAMES } from '@/features/client-import/components/MappingStep';
import { FIELD_TYPES as FORM_FIELD_TYPES } from '@/features/forms/api/forms';
import { SCOPES } from '@/features/api-credentials/api/apiCredentials';

// I18N-01: every key the code asks for exists, so no component can render a raw key.
const english = flatten(LOCALES.en);
// vitest runs from web/
const root = join(process.cwd(), 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('keys used in the code (I18N-01)', () => {
  it('every literal t(...) key and labelKey exists in English', () => {
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/labelKey: '([a-zA-Z0-9_.-]+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(
        /\bt\(\s*[\w?.]+\s*===\s*'[^']+'\s*\?\s*'([\w.-]+)'\s*:\s*'([\w.-]+)'/g,
      )) {
        used.add(m[1] ?? '');
        used.add(m[2] ?? '');
      }
    }
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((key) => !(key in english))).toEqual([]);
  });

  it('every key built at run time exists in English', () => {
    const dynamic = [
      ...ROLES.map((r) => `roles.${r}`),
      ...PERMISSIONS.map((p) => `permissions.${p}`),
      ...DAYS.map((d) => `days.${d}`),
      ...['OFF', 'ADMINS', 'ALL'].map((m) => `policy.mfaModes.${m}`),
      ...['ACTIVE', 'SUSPENDED'].map((s) => `tenants.status.${s}`),
      ...['disable', 'enable', 'unlock', 'remove'].map((a) => `users.done.${a}`),
      ...AUDIT_EVENT_TYPES.map((type) => `audit.events.${type}`),
      ...AUDIT_OUTCOMES.map((outcome) => `audit.outcomes.${outcome}`),
      ...AUDIT_REASONS.map((reason) => `audit.reasons.${reason}`),
      ...AUDIT_DETAIL_KEYS.map((key) => `audit.detailKeys.${key}`),
      ...POLICY_FIELDS.map((field) => `policy.${field}`),
      ...['yes', 'no'].map((value) => `audit.values.${value}`),
      ...NUMBER_TYPES.map((type) => `numberTypes.${type}`),
      ...ROUTE_TARGETS.flatMap((target) => [`numbers.targets.${target}`, `numbers.targetOptions.${target}`]),
      ...PRESENCE_STATES.map((state) => `presence.states.${state}`),
      ...CHOSEN_STATES.map((state) => `presence.actions.${state}`),
      ...REACHES.flatMap((reach) => [`agents.reaches.${reach}`, `agents.reachHints.${reach}`]),
      ...CREDENTIAL_FIELDS.map((field) => `agents.credentials.${field}`),
      ...DIRECTIONS.map((direction) => `interactions.directions.${direction}`),
      ...STATES.map((state) => `interactions.states.${state}`),
      ...EVENT_TYPES.map((type) => `interactions.events.${type}`),
      ...ABANDON_STAGES.map((stage) => `interactions.abandonStages.${stage}`),
      ...END_REASONS.map((reason) => `interactions.endReasons.${reason}`),
      ...STRATEGIES.flatMap((s) => [`queues.strategies.${s}`, `queues.strategyHints.${s}`]),
      ...TABS.map((tab) => `queues.tabs.${tab}`),
      ...OVERFLOW_CONDITIONS.flatMap((c) => [
        `queues.overflow.conditions.${c}`,
        `queues.overflow.conditionHints.${c}`,
      ]),
      ...ACTION_TYPES.map((type) => `queues.overflow.actions.${type}`),
      ...KINDS.flatMap((kind) => [`callbacks.kinds.${kind}`, `callbacks.kindFilters.${kind}`]),
      ...STATUSES.map((status) => `callbacks.statuses.${status}`),
      ...STATUS_FILTERS.map((status) => `callbacks.statusFilters.${status}`),
      ...OUTCOMES.map((outcome) => `callbacks.outcomes.${outcome}`),
      ...STATUS_FILTERS.flatMap((status) =>
        ['ALL', ...KINDS].map((kind) => `callbacks.empty.${status}.${kind}`),
      ),
      ...FIELD_TYPES.map((type) => `clientFields.types.${type}`),
      ...SORTS.map((sort) => `clients.sorts.${sort}`),
      ...CARD_TABS.map((tab) => `clients.tabs.${tab}`),
      ...[
        'presence',
        'agentStatus',
        'queues',
        'skills',
        'breakReasons',
        'callbacks',
        'calendars',
        'clients',
        'clientFields',
        'users',
        'policy',
        'settings',
        'audit',
        'tenants',
        'people',
        'numbers',
        'agents',
        'interactions',
        'carriers',
        'inventory',
        'profile',
      ].flatMap((tile) => [`home.tiles.${tile}.title`, `home.tiles.${tile}.text`]),
      // CRM admin and agent pages (CRM-02, CRM-05, AGT-05)
      ...IMPORT_STATUSES.map((status) => `clientImport.statuses.${status}`),
      ...IMPORT_TARGETS.map((target) => `clientImport.targets.${target}`),
      ...Object.values(DELIMITER_NAMES).map((name) => `clientImport.delimiters.${name}`),
      ...['externalIdMissing', 'targetTwice', 'columnMissing', 'columnTwice'].map(
        (problem) => `clientImport.problems.${problem}`,
      ),
      ...['created', 'updated', 'unchanged', 'rejected'].map((counter) => `clientImport.counters.${counter}`),
      ...FORM_FIELD_TYPES.map((type) => `forms.types.${type}`),
      ...SCOPES.map((scope) => `apiCredentials.scopeNames.${scope}`),
      ...['activated', 'deactivated'].map((done) => `categories.${done}`),
    ];
    expect(dynamic.filter((key) => !(key in english))).toEqual([]);
  });
});
