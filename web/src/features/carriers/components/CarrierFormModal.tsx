import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isCidr } from '@/lib/cidr';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { TRANSPORTS, useSaveCarrier, type Carrier, type Codec, type Transport } from '../api/carriers';
import { CidrList } from '@/lib/ui/CidrList';
import { CodecChooser } from './CodecChooser';

interface Values {
  name: string;
  host: string;
  port: number | string;
  transport: Transport;
  username: string;
  password: string;
  codecs: Codec[];
  matchCidrs: string[];
  cidrDraft: string;
  enabled: boolean;
}

const DEFAULT_PORT: Record<Transport, number> = { udp: 5060, tcp: 5060, tls: 5061 };
/** A host name or an IPv4/IPv6 address, without scheme, port or path. */
const HOST_PATTERN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;

/** The first message for a field or any of its items (`codecs[1]` arrives as `codecs.1`). */
function fieldError(errors: Errors, field: string): string | undefined {
  return Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1];
}

/** TEL-02: create or change a carrier trunk. The password is write-only: empty keeps the stored one. */
export function CarrierFormModal({ carrier, onClose }: { carrier: Carrier | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCarrier();
  const form = useForm<Values>(
    {
      name: carrier?.name ?? '',
      host: carrier?.host ?? '',
      port: carrier?.port ?? 5060,
      transport: carrier?.transport ?? 'udp',
      username: carrier?.username ?? '',
      password: '',
      codecs: carrier?.codecs ?? ['alaw', 'ulaw'],
      matchCidrs: carrier?.matchCidrs ?? [],
      cidrDraft: '',
      enabled: carrier?.enabled ?? true,
    },
    (v) => {
      const errors: Errors = {};
      if (!v.name.trim()) errors.name = t('validation.required');
      else if (v.name.trim().length > 100) errors.name = t('validation.maxLength', { max: 100 });
      if (!v.host.trim()) errors.host = t('validation.required');
      else if (v.host.trim().length > 253 || !HOST_PATTERN.test(v.host.trim()))
        errors.host = t('carriers.hostRule');
      const port = Number(v.port);
      if (v.port === '' || !Number.isInteger(port) || port < 1 || port > 65535)
        errors.port = t('validation.range', { min: 1, max: 65535 });
      if (v.codecs.length === 0) errors.codecs = t('carriers.codecRequired');
      const draft = v.cidrDraft.trim();
      if (draft && !isCidr(draft)) errors.matchCidrs = t('policy.invalidCidr', { value: draft });
      return errors;
    },
  );

  const changeTransport = (transport: Transport) => {
    // follow the transport's usual port unless someone typed another one
    if (Number(form.values.port) === DEFAULT_PORT[form.values.transport])
      form.setField('port', DEFAULT_PORT[transport]);
    form.setField('transport', transport);
  };

  const submit = form.onSubmit((v) => {
    const draft = v.cidrDraft.trim();
    const matchCidrs = draft && !v.matchCidrs.includes(draft) ? [...v.matchCidrs, draft] : v.matchCidrs;
    save.mutate(
      {
        id: carrier?.id,
        input: {
          name: v.name.trim(),
          host: v.host.trim(),
          port: Number(v.port),
          transport: v.transport,
          username: v.username.trim() || null,
          ...(v.password ? { password: v.password } : {}),
          codecs: v.codecs,
          matchCidrs,
          enabled: v.enabled,
          version: carrier?.version,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('carriers.saved', { name: v.name.trim() }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'carrier.name-taken': 'name' })) notifyError(error, t);
        },
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={carrier ? t('carriers.edit') : t('carriers.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="carrier-form">
        <Stack>
          <TextInput label={t('carriers.name')} required data-autofocus {...form.text('name')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('carriers.host')}
              placeholder="sip.carrier.example"
              required
              {...form.text('host')}
            />
            <NumberInput
              label={t('carriers.port')}
              name="port"
              min={1}
              max={65535}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              thousandSeparator={false}
              value={form.values.port}
              onChange={(value) => form.setField('port', value)}
              error={form.error('port')}
            />
            <NativeSelect
              label={t('carriers.transport')}
              {...form.text('transport')}
              onChange={(event) => changeTransport(event.currentTarget.value as Transport)}
              data={TRANSPORTS.map((transport) => ({ value: transport, label: transport.toUpperCase() }))}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('carriers.username')}
              description={t('carriers.usernameHint')}
              autoComplete="off"
              {...form.text('username')}
            />
            <PasswordInput
              label={t('carriers.password')}
              description={carrier?.hasPassword ? t('carriers.passwordKeep') : t('carriers.passwordHint')}
              autoComplete="new-password"
              {...form.text('password')}
            />
          </SimpleGrid>
          <CodecChooser
            value={form.values.codecs}
            onChange={(codecs) => form.setField('codecs', codecs)}
            error={fieldError(form.errors, 'codecs')}
          />
          <CidrList
            value={form.values.matchCidrs}
            onChange={(cidrs) => form.setField('matchCidrs', cidrs)}
            draft={form.values.cidrDraft}
            onDraftChange={(draft) => {
              form.setField('cidrDraft', draft);
              if (form.errors.matchCidrs) {
                const { matchCidrs: _cleared, ...rest } = form.errors;
                form.setErrors(rest);
              }
            }}
            error={fieldError(form.errors, 'matchCidrs')}
            label={t('carriers.matchCidrs')}
            description={t('carriers.matchCidrsHint')}
            placeholder="198.51.100.0/24"
            name="matchCidrs"
            emptyText={t('carriers.noCidrs')}
            testId="carrier-cidr"
          />
          <Switch
            label={t('carriers.enabled')}
            description={t('carriers.enabledHint')}
            name="enabled"
            checked={form.values.enabled}
            onChange={(event) => form.setField('enabled', event.currentTarget.checked)}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="carrier-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
