import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import {
  DESCRIPTION_MAX,
  GROUP_MAX,
  INTERACTIONS_MAX,
  PRIORITIES,
  SUBJECT_MAX,
  ticketUpdate,
  useAssigneeOptions,
  useCreateTicket,
  useUpdateTicket,
  type Ticket,
  type TicketInput,
  type TicketPriority,
} from '../api/tickets';
import { isUuid, parseIds } from '../utils/ids';

interface Values {
  subject: string;
  description: string;
  priority: TicketPriority;
  group: string;
  assigneeId: string;
  clientId: string;
  interactionIds: string;
}

function initial(ticket: Ticket | null): Values {
  return {
    subject: ticket?.subject ?? '',
    description: ticket?.description ?? '',
    priority: ticket?.priority ?? 'NORMAL',
    group: ticket?.group ?? '',
    assigneeId: ticket?.assigneeId ?? '',
    clientId: ticket?.clientId ?? '',
    interactionIds: (ticket?.interactionIds ?? []).join('\n'),
  };
}

/** HD-01: a new ticket, or the edit of one's subject, description, group, assignee and links. */
export function TicketFormModal({ ticket, onClose }: { ticket: Ticket | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const update = useUpdateTicket();
  const { options: assignees } = useAssigneeOptions();
  const form = useForm<Values>(initial(ticket), (v) => {
    const errors: Errors = {};
    const subject = v.subject.trim();
    if (!subject) errors.subject = t('validation.required');
    else if (subject.length > SUBJECT_MAX) errors.subject = t('validation.maxLength', { max: SUBJECT_MAX });
    if (v.description.length > DESCRIPTION_MAX)
      errors.description = t('validation.maxLength', { max: DESCRIPTION_MAX });
    if (v.group.trim().length > GROUP_MAX) errors.group = t('validation.maxLength', { max: GROUP_MAX });
    if (v.clientId.trim() && !isUuid(v.clientId)) errors.clientId = t('tickets.form.idInvalid');
    const ids = parseIds(v.interactionIds);
    if (ids.some((id) => !isUuid(id))) errors.interactionIds = t('tickets.form.idsInvalid');
    else if (ids.length > INTERACTIONS_MAX)
      errors.interactionIds = t('tickets.form.tooManyIds', { max: INTERACTIONS_MAX });
    return errors;
  });

  const input = (v: Values): TicketInput => ({
    subject: v.subject.trim(),
    description: v.description.trim() || null,
    priority: v.priority,
    assigneeId: v.assigneeId || null,
    group: v.group.trim() || null,
    clientId: v.clientId.trim() || null,
    interactionIds: parseIds(v.interactionIds),
  });

  const onError = (error: unknown) => {
    if (!form.applyProblem(error, { 'ticket.assignee-missing': 'assigneeId' })) notifyError(error, t);
  };

  const submit = form.onSubmit((v) => {
    if (ticket) {
      update.mutate(
        { id: ticket.id, input: ticketUpdate(ticket, input(v)) },
        {
          onSuccess: () => {
            notifySuccess(t('tickets.saved', { number: ticket.number }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(input(v), {
      onSuccess: (created) => {
        notifySuccess(t('tickets.created', { number: created.number }));
        onClose();
        navigate(`/tickets/${created.id}`);
      },
      onError,
    });
  });

  // `interactionIds[2]` comes back as `interactionIds.2`: the one field shows it
  const interactionError =
    form.error('interactionIds') ??
    Object.entries(form.errors).find(([key]) => key.startsWith('interactionIds.'))?.[1];

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={ticket ? t('tickets.editTitle', { number: ticket.number }) : t('tickets.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="ticket-form">
        <Stack>
          <TextInput label={t('tickets.subject')} required data-autofocus {...form.text('subject')} />
          <Textarea
            label={t('tickets.description')}
            autosize
            minRows={3}
            maxRows={12}
            {...form.text('description')}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('tickets.priority')}
              {...form.text('priority')}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }))}
            />
            <NativeSelect
              label={t('tickets.assignee')}
              {...form.text('assigneeId')}
              data={[
                { value: '', label: t('tickets.unassigned') },
                ...(form.values.assigneeId && !assignees.some((a) => a.id === form.values.assigneeId)
                  ? [{ value: form.values.assigneeId, label: t('tickets.unknownAgent') }]
                  : []),
                ...assignees.map((a) => ({ value: a.id, label: a.name })),
              ]}
            />
          </Group>
          <TextInput
            label={t('tickets.group')}
            description={t('tickets.form.groupHint')}
            {...form.text('group')}
          />
          <TextInput
            label={t('tickets.clientId')}
            description={t('tickets.form.clientHint')}
            {...form.text('clientId')}
          />
          <Textarea
            label={t('tickets.interactions')}
            description={t('tickets.form.interactionsHint')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.text('interactionIds')}
            error={interactionError}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="ticket-save">
              {ticket ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
