import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '@/lib/ui/states';
import { COMMENT_MAX, useAddComment, useTicketComments, type Ticket } from '../api/tickets';

interface Values {
  text: string;
  kind: 'public' | 'internal';
}

/**
 * HD-01: the conversation, oldest first, newest last. A public comment answers the customer (the
 * first one stops the first-response timer); an internal note is for agents only.
 */
export function TicketComments({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const comments = useTicketComments(ticket.id);
  const add = useAddComment(ticket.id);
  const closed = ticket.status === 'CLOSED';
  const form = useForm<Values>({ text: '', kind: 'public' }, (v) => {
    const errors: Errors = {};
    if (!v.text.trim()) errors.text = t('validation.required');
    else if (v.text.trim().length > COMMENT_MAX)
      errors.text = t('validation.maxLength', { max: COMMENT_MAX });
    return errors;
  });

  const submit = form.onSubmit((v) =>
    add.mutate(
      { text: v.text.trim(), internal: v.kind === 'internal' },
      {
        onSuccess: () => {
          notifySuccess(
            v.kind === 'internal' ? t('tickets.comments.noteAdded') : t('tickets.comments.replyAdded'),
          );
          form.reset({ text: '', kind: v.kind });
        },
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    ),
  );

  let list;
  if (comments.isPending) list = <LoadingState />;
  else if (comments.isError)
    list = <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />;
  else if (comments.data.length === 0)
    list = <EmptyState title={t('tickets.comments.emptyTitle')} description={t('tickets.comments.empty')} />;
  else
    list = (
      <Stack gap="sm" data-testid="ticket-comments">
        {comments.data.map((comment) => (
          <Paper
            key={comment.id}
            withBorder
            p="sm"
            bg={comment.internal ? 'var(--mantine-color-yellow-light)' : undefined}
            data-testid="ticket-comment"
            data-internal={comment.internal}
          >
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {comment.authorName ?? t('tickets.system')}
                </Text>
                <Badge size="xs" variant="light" color={comment.internal ? 'yellow' : 'blue'}>
                  {comment.internal ? t('tickets.comments.internal') : t('tickets.comments.public')}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" component="time" dateTime={comment.createdAt}>
                {formatDateTime(comment.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {comment.text}
            </Text>
          </Paper>
        ))}
      </Stack>
    );

  return (
    <Stack>
      {list}
      {closed ? (
        <Text size="sm" c="dimmed" data-testid="comments-closed">
          {t('tickets.comments.closed')}
        </Text>
      ) : (
        <form onSubmit={submit} noValidate data-testid="comment-form">
          <Stack gap="xs">
            <SegmentedControl
              value={form.values.kind}
              onChange={(value) => form.setField('kind', value as Values['kind'])}
              data={[
                { value: 'public', label: t('tickets.comments.publicReply') },
                { value: 'internal', label: t('tickets.comments.internalNote') },
              ]}
              aria-label={t('tickets.comments.kind')}
              data-testid="comment-kind"
              w="fit-content"
            />
            <Textarea
              label={
                form.values.kind === 'internal'
                  ? t('tickets.comments.internalNote')
                  : t('tickets.comments.publicReply')
              }
              description={
                form.values.kind === 'internal'
                  ? t('tickets.comments.internalHint')
                  : t('tickets.comments.publicHint')
              }
              autosize
              minRows={3}
              maxRows={12}
              {...form.text('text')}
            />
            <FormAlert messages={form.formErrors} />
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending} data-testid="comment-submit">
                {form.values.kind === 'internal'
                  ? t('tickets.comments.addNote')
                  : t('tickets.comments.sendReply')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
