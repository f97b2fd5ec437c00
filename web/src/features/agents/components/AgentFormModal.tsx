import {
  Button,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { isE164, normaliseE164 } from '@/lib/phone';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  CAPACITY_MAX,
  CAPACITY_MEDIA,
  DEFAULT_CAPACITY,
  REACHES,
  useSaveAgent,
  useUserOptions,
  type Agent,
  type CapacityMedium,
  type Reach,
} from '../api/agents';

interface Values {
  displayName: string;
  userId: string;
  reach: Reach;
  mobileE164: string;
  available: boolean;
  voice: boolean;
  chat: number | string;
  email: number | string;
  sms: number | string;
  social: number | string;
  blended: boolean;
}

/** TEL-04: create or change an agent: who it is, which login it belongs to, how it is reached. */
export function AgentFormModal({ agent, onClose }: { agent: Agent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUserOptions(true);
  const save = useSaveAgent();
  const form = useForm<Values>(
    {
      displayName: agent?.displayName ?? '',
      userId: agent?.userId ?? '',
      reach: agent?.reach ?? 'ENDPOINT',
      mobileE164: agent?.mobileE164 ?? '',
      available: agent?.available ?? true,
      voice: (agent?.capacity ?? DEFAULT_CAPACITY).voice > 0,
      chat: (agent?.capacity ?? DEFAULT_CAPACITY).chat,
      email: (agent?.capacity ?? DEFAULT_CAPACITY).email,
      sms: (agent?.capacity ?? DEFAULT_CAPACITY).sms,
      social: (agent?.capacity ?? DEFAULT_CAPACITY).social,
      blended: (agent?.capacity ?? DEFAULT_CAPACITY).blended,
    },
    (v) => {
      const errors: Errors = {};
      if (!v.displayName.trim()) errors.displayName = t('validation.required');
      else if (v.displayName.trim().length > 100)
        errors.displayName = t('validation.maxLength', { max: 100 });
      const mobile = normaliseE164(v.mobileE164);
      if (v.reach === 'MOBILE' && !mobile) errors.mobileE164 = t('agents.mobileRequired');
      else if (mobile && !isE164(mobile)) errors.mobileE164 = t('validation.e164');
      for (const medium of CAPACITY_MEDIA) {
        const value = v[medium];
        if (value === '' || !Number.isInteger(Number(value))) errors[medium] = t('validation.required');
        else if (Number(value) < 0 || Number(value) > CAPACITY_MAX[medium])
          errors[medium] = t('validation.range', { min: 0, max: CAPACITY_MAX[medium] });
      }
      return errors;
    },
  );

  const chooseUser = (userId: string) => {
    form.setField('userId', userId);
    // a new agent is usually named after the person
    const user = users.data?.find((u) => u.id === userId);
    if (user && !form.values.displayName.trim())
      form.setField('displayName', user.displayName || user.username);
  };

  const submit = form.onSubmit((v) => {
    const mobile = normaliseE164(v.mobileE164);
    save.mutate(
      {
        id: agent?.id,
        input: {
          displayName: v.displayName.trim(),
          userId: v.userId || null,
          reach: v.reach,
          mobileE164: mobile || null,
          available: v.available,
          capacity: {
            voice: v.voice ? 1 : 0,
            chat: Number(v.chat),
            email: Number(v.email),
            sms: Number(v.sms),
            social: Number(v.social),
            blended: v.blended,
          },
          version: agent?.version,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('agents.saved', { name: v.displayName.trim() }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    );
  });

  const userData = users.data ?? [];
  const linkedMissing = !!agent?.userId && !userData.some((u) => u.id === agent.userId);

  return (
    <Modal
      opened
      onClose={onClose}
      title={agent ? t('agents.edit') : t('agents.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="agent-form">
        <Stack>
          <NativeSelect
            label={t('agents.user')}
            description={users.isError ? t('agents.usersUnavailable') : t('agents.userHint')}
            {...form.text('userId')}
            onChange={(event) => chooseUser(event.currentTarget.value)}
            data={[
              { value: '', label: t('agents.noUser') },
              ...(linkedMissing && agent?.userId
                ? [{ value: agent.userId, label: t('agents.linkedUser') }]
                : []),
              ...userData.map((u) => ({
                value: u.id,
                label:
                  u.displayName && u.displayName !== u.username
                    ? `${u.displayName} (${u.username})`
                    : u.username,
              })),
            ]}
          />
          <TextInput label={t('agents.displayName')} required data-autofocus {...form.text('displayName')} />
          <Radio.Group
            name="reach"
            label={t('agents.reach')}
            value={form.values.reach}
            onChange={(value) => form.setField('reach', value as Reach)}
            error={form.error('reach')}
          >
            <Stack mt="xs" gap="xs">
              {REACHES.map((reach) => (
                <Radio
                  key={reach}
                  value={reach}
                  label={t(`agents.reaches.${reach}`)}
                  description={t(`agents.reachHints.${reach}`)}
                  data-testid={`agent-reach-${reach}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('agents.mobile')}
            description={t('agents.mobileHint')}
            placeholder="+37369123456"
            inputMode="tel"
            autoComplete="off"
            required={form.values.reach === 'MOBILE'}
            {...form.text('mobileE164')}
          />
          <Switch
            label={t('agents.available')}
            description={t('agents.availableHint')}
            name="available"
            checked={form.values.available}
            onChange={(event) => form.setField('available', event.currentTarget.checked)}
          />
          <Fieldset legend={t('agents.capacity')} data-testid="agent-capacity">
            <Stack gap="sm">
              <Switch
                label={t('agents.capacityVoice')}
                name="voice"
                checked={form.values.voice}
                onChange={(event) => form.setField('voice', event.currentTarget.checked)}
              />
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {CAPACITY_MEDIA.map((medium: CapacityMedium) => (
                  <NumberInput
                    key={medium}
                    label={t(`agents.capacityMedia.${medium}`)}
                    name={medium}
                    min={0}
                    max={CAPACITY_MAX[medium]}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    value={form.values[medium]}
                    onChange={(value) => form.setField(medium, value)}
                    error={form.error(medium)}
                  />
                ))}
              </SimpleGrid>
              <Switch
                label={t('agents.blended')}
                description={t('agents.blendedHint')}
                name="blended"
                checked={form.values.blended}
                onChange={(event) => form.setField('blended', event.currentTarget.checked)}
              />
            </Stack>
          </Fieldset>
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="agent-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
