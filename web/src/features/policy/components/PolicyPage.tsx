import { Button, Checkbox, Fieldset, Group, NumberInput, Radio, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCidr } from '@/lib/cidr';
import { CidrList } from '@/lib/ui/CidrList';
import { useForm, type Errors, type FormState } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import {
  MIN_AUDIT_RETENTION_DAYS,
  usePolicy,
  useSavePolicy,
  type MfaMode,
  type SecurityPolicy,
} from '../api/policy';

type NumericField =
  'minLength' | 'historySize' | 'maxAgeDays' | 'lockoutThreshold' | 'lockoutMinutes' | 'auditRetentionDays';

const LIMITS: Record<NumericField, [number, number]> = {
  minLength: [8, 128],
  historySize: [0, 24],
  maxAgeDays: [0, 3650],
  lockoutThreshold: [0, 100],
  lockoutMinutes: [1, 1440],
  auditRetentionDays: [MIN_AUDIT_RETENTION_DAYS, 3650],
};

export default function PolicyPage() {
  const { t } = useTranslation();
  const policy = usePolicy();
  return (
    <>
      <PageHeader title={t('policy.title')} description={t('policy.subtitle')} />
      {policy.isPending ? (
        <LoadingState />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <PolicyForm policy={policy.data} />
      )}
    </>
  );
}

function PolicyForm({ policy }: { policy: SecurityPolicy }) {
  const { t } = useTranslation();
  const save = useSavePolicy();
  const form = useForm<SecurityPolicy>({ ...policy, trustedNetworks: policy.trustedNetworks ?? [] }, (v) => {
    const errors: Errors = {};
    for (const [field, [min, max]] of Object.entries(LIMITS) as [NumericField, [number, number]][]) {
      const value = v[field] as number | string;
      if (value === '' || !Number.isInteger(Number(value)) || Number(value) < min || Number(value) > max)
        errors[field] = t('validation.range', { min, max });
    }
    const bad = v.trustedNetworks.find((n) => !isCidr(n));
    if (bad) errors.trustedNetworks = t('policy.invalidCidr', { value: bad });
    return errors;
  });

  const submit = form.onSubmit((v) => {
    const numbers = Object.fromEntries(Object.keys(LIMITS).map((k) => [k, Number(v[k as NumericField])]));
    save.mutate(
      { ...v, ...numbers },
      {
        onSuccess: () => notifySuccess(t('policy.saved')),
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    );
  });

  const number = (field: NumericField, label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      name={field}
      min={LIMITS[field][0]}
      max={LIMITS[field][1]}
      allowDecimal={false}
      clampBehavior="none"
      allowNegative={false}
      value={form.values[field]}
      onChange={(value) => form.setField(field, value as number)}
      error={form.error(field)}
    />
  );

  const check = (
    field: 'requireUpper' | 'requireLower' | 'requireDigit' | 'requireSymbol',
    label: string,
  ) => (
    <Checkbox
      label={label}
      name={field}
      checked={form.values[field]}
      onChange={(event) => form.setField(field, event.currentTarget.checked)}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="policy-form">
      <Stack maw={820}>
        <Fieldset legend={t('policy.passwords')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number('minLength', t('policy.minLength'))}
            {number('historySize', t('policy.historySize'), t('policy.historySizeHint'))}
            {number('maxAgeDays', t('policy.maxAgeDays'), t('policy.maxAgeDaysHint'))}
          </SimpleGrid>
          <Group mt="md" gap="lg">
            {check('requireUpper', t('policy.requireUpper'))}
            {check('requireLower', t('policy.requireLower'))}
            {check('requireDigit', t('policy.requireDigit'))}
            {check('requireSymbol', t('policy.requireSymbol'))}
          </Group>
        </Fieldset>
        <Fieldset legend={t('policy.lockout')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number('lockoutThreshold', t('policy.lockoutThreshold'), t('policy.lockoutThresholdHint'))}
            {number('lockoutMinutes', t('policy.lockoutMinutes'))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('policy.mfa')}>
          <Radio.Group
            name="mfaMode"
            label={t('policy.mfaMode')}
            value={form.values.mfaMode}
            onChange={(value) => form.setField('mfaMode', value as MfaMode)}
            error={form.error('mfaMode')}
          >
            <Stack mt="xs" gap="xs">
              {(['OFF', 'ADMINS', 'ALL'] as const).map((mode) => (
                <Radio
                  key={mode}
                  value={mode}
                  label={t(`policy.mfaModes.${mode}`)}
                  data-testid={`mfa-mode-${mode}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TrustedNetworks form={form} />
        </Fieldset>
        <Fieldset legend={t('policy.audit')}>
          {number(
            'auditRetentionDays',
            t('policy.auditRetentionDays'),
            t('policy.auditRetentionHint', { min: MIN_AUDIT_RETENTION_DAYS }),
          )}
        </Fieldset>
        <FormAlert messages={form.formErrors} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="policy-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TrustedNetworks({ form }: { form: FormState<SecurityPolicy> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  return (
    <Stack mt="md" gap="xs">
      <CidrList
        value={form.values.trustedNetworks}
        onChange={(networks) => form.setField('trustedNetworks', networks)}
        draft={draft}
        onDraftChange={setDraft}
        error={form.error('trustedNetworks')}
        label={t('policy.trustedNetworks')}
        description={t('policy.trustedNetworksHint')}
        placeholder="10.0.0.0/8"
        name="trustedNetworkDraft"
        emptyText={t('policy.noTrustedNetworks')}
        testId="trusted-network"
      />
    </Stack>
  );
}
