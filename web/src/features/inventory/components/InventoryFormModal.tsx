import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { isE164, normaliseE164, NUMBER_TYPES, type NumberType } from '@/lib/phone';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { useSaveInventoryNumber, type InventoryNumber, type Option } from '../api/inventory';

interface Values {
  e164: string;
  type: NumberType;
  carrierId: string;
  tenantId: string;
}

/** TEN-02: add a number to the inventory, or change its carrier and the tenant it belongs to. */
export function InventoryFormModal({
  number,
  carriers,
  tenants,
  onClose,
}: {
  number: InventoryNumber | null;
  carriers: Option[];
  tenants: Option[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveInventoryNumber();
  const form = useForm<Values>(
    {
      e164: number?.e164 ?? '',
      type: number?.type ?? 'GEOGRAPHIC',
      carrierId: number?.carrierId ?? '',
      tenantId: number?.tenantId ?? '',
    },
    (v) => {
      const errors: Errors = {};
      if (!v.e164.trim()) errors.e164 = t('validation.required');
      else if (!isE164(normaliseE164(v.e164))) errors.e164 = t('validation.e164');
      if (!(v.carrierId || carriers[0])) errors.carrierId = t('validation.required');
      return errors;
    },
  );

  // A new number takes the first carrier until another is chosen, even if the list arrived late.
  const carrierId = form.values.carrierId || carriers[0]?.id || '';

  const submit = form.onSubmit((v) => {
    const e164 = normaliseE164(v.e164);
    save.mutate(
      {
        id: number?.id,
        input: {
          e164,
          type: v.type,
          carrierId,
          tenantId: v.tenantId || null,
          version: number?.version,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('inventory.saved', { number: e164 }));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'number.duplicate': 'e164' })) notifyError(error, t);
        },
      },
    );
  });

  // A number being edited keeps showing its carrier even if the options have not loaded it.
  const carrierData =
    !number || carriers.some((c) => c.id === number.carrierId)
      ? carriers
      : [{ id: number.carrierId, name: number.carrierName }, ...carriers];

  return (
    <Modal
      opened
      onClose={onClose}
      title={number ? t('inventory.edit') : t('inventory.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="inventory-form">
        <Stack>
          <TextInput
            label={t('inventory.e164')}
            description={t('inventory.e164Hint')}
            placeholder="+37322123456"
            inputMode="tel"
            autoComplete="off"
            required
            data-autofocus
            {...form.text('e164')}
          />
          <NativeSelect
            label={t('inventory.type')}
            {...form.text('type')}
            data={NUMBER_TYPES.map((type) => ({ value: type, label: t(`numberTypes.${type}`) }))}
          />
          {carrierData.length === 0 ? (
            <Alert color="yellow" data-testid="inventory-no-carriers">
              {t('inventory.noCarriers')}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('inventory.carrier')}
            required
            {...form.text('carrierId')}
            value={carrierId}
            data={[
              ...(carrierId ? [] : [{ value: '', label: t('inventory.chooseCarrier') }]),
              ...carrierData.map((carrier) => ({ value: carrier.id, label: carrier.name })),
            ]}
          />
          <NativeSelect
            label={t('inventory.tenant')}
            description={t('inventory.tenantHint')}
            {...form.text('tenantId')}
            data={[
              { value: '', label: t('inventory.unassigned') },
              ...(number?.tenantId && !tenants.some((tenant) => tenant.id === number.tenantId)
                ? [{ value: number.tenantId, label: number.tenantId }]
                : []),
              ...tenants.map((tenant) => ({ value: tenant.id, label: tenant.name })),
            ]}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="inventory-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
