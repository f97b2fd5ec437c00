import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '@/lib/ui/notify';
import { ErrorState, LoadingState } from '@/lib/ui/states';
import { useClientFieldDefinitions } from '../api/clients';
import { clientName } from '../utils/clientForm';
import { ClientForm } from './ClientForm';

/** CRM-04: a client typed in by hand; the new card opens once saved. */
export function ClientFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fields = useClientFieldDefinitions();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('clients.create')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {fields.isPending ? (
        <LoadingState />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <ClientForm
          client={null}
          fields={fields.data}
          readOnly={false}
          onCancel={onClose}
          onSaved={(saved) => {
            notifySuccess(t('clients.created', { name: clientName(saved) || t('clients.unnamed') }));
            onClose();
            if (saved?.id) navigate(`/clients/${saved.id}`);
          }}
        />
      )}
    </Modal>
  );
}
