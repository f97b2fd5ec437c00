import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { NOTE_MAX, useNotes, useNoteVersions, useSaveNote, type Note } from '../api/clients';

/** Who wrote a note: the name when the API gives one, "you", else the author's id. */
function useAuthor() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (note: { authorId: string | null; authorName?: string | null }) =>
    note.authorName ||
    (note.authorId && note.authorId === me.id ? t('clients.notes.you') : note.authorId) ||
    '—';
}

/** AGT-05: the client's notes, newest first; an edit keeps the earlier text as a version. */
export function ClientNotes({ clientId, manage }: { clientId: string; manage: boolean }) {
  const { t } = useTranslation();
  const notes = useNotes(clientId);
  const [historyOf, setHistoryOf] = useState<Note | null>(null);

  let list;
  if (notes.isPending) list = <LoadingState />;
  else if (notes.isError) list = <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />;
  else if (notes.data.length === 0)
    list = <EmptyState title={t('clients.notes.emptyTitle')} description={t('clients.notes.empty')} />;
  else
    list = (
      <Stack gap="sm" data-testid="notes-list">
        {notes.data.map((note) => (
          <NoteCard
            key={note.id}
            clientId={clientId}
            note={note}
            manage={manage}
            onHistory={() => setHistoryOf(note)}
          />
        ))}
      </Stack>
    );

  return (
    <Stack>
      {manage ? <NewNote clientId={clientId} /> : null}
      {list}
      {historyOf ? (
        <NoteHistoryModal clientId={clientId} note={historyOf} onClose={() => setHistoryOf(null)} />
      ) : null}
    </Stack>
  );
}

function checkText(text: string, t: TFunction): string | undefined {
  if (!text.trim()) return t('validation.required');
  if (text.trim().length > NOTE_MAX) return t('validation.maxLength', { max: NOTE_MAX });
  return undefined;
}

function NewNote({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const save = useSaveNote(clientId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkText(text, t);
    setError(problem);
    if (problem) return;
    save.mutate(
      { text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          notifySuccess(t('clients.notes.added'));
        },
        onError: (failure) => notifyError(failure, t),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="note-new">
      <Stack gap="xs">
        <Textarea
          label={t('clients.notes.new')}
          name="text"
          autosize
          minRows={2}
          maxRows={10}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="note-add">
            {t('clients.notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NoteCard({
  clientId,
  note,
  manage,
  onHistory,
}: {
  clientId: string;
  note: Note;
  manage: boolean;
  onHistory: () => void;
}) {
  const { t } = useTranslation();
  const author = useAuthor();
  const save = useSaveNote(clientId);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | undefined>();
  const edited = note.updatedAt && note.updatedAt !== note.createdAt;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkText(text, t);
    setError(problem);
    if (problem) return;
    save.mutate(
      { id: note.id, text: text.trim(), version: note.version },
      {
        onSuccess: () => {
          setEditing(false);
          notifySuccess(t('clients.notes.saved'));
        },
        onError: (failure) => notifyError(failure, t),
      },
    );
  };

  return (
    <Card withBorder padding="sm" data-testid="note" data-id={note.id}>
      <Group justify="space-between" mb={4} wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('clients.notes.byline', { author: author(note), time: formatDateTime(note.createdAt) })}
        </Text>
        {edited ? (
          <Badge size="xs" variant="light" color="gray">
            {t('clients.notes.edited', { time: formatDateTime(note.updatedAt) })}
          </Badge>
        ) : null}
      </Group>
      {editing ? (
        <form onSubmit={submit} noValidate data-testid="note-edit-form">
          <Stack gap="xs">
            <Textarea
              label={t('clients.notes.text')}
              name="text"
              autosize
              minRows={2}
              maxRows={10}
              data-autofocus
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setError(undefined);
              }}
              error={error}
            />
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setEditing(false);
                  setText(note.text);
                  setError(undefined);
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="xs" loading={save.isPending} data-testid="note-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="note-text">
          {note.text}
        </Text>
      )}
      {editing ? null : (
        <Group gap="xs" mt="xs">
          {manage ? (
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                setText(note.text);
                setEditing(true);
              }}
              data-testid="note-edit"
            >
              {t('common.edit')}
            </Button>
          ) : null}
          {edited || (note.versions ?? 0) > 0 ? (
            <Button size="xs" variant="subtle" onClick={onHistory} data-testid="note-history">
              {t('clients.notes.history')}
            </Button>
          ) : null}
        </Group>
      )}
    </Card>
  );
}

function NoteHistoryModal({
  clientId,
  note,
  onClose,
}: {
  clientId: string;
  note: Note;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const author = useAuthor();
  const versions = useNoteVersions(clientId, note.id);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('clients.notes.historyTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {versions.isPending ? (
        <LoadingState />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <Timeline active={0} bulletSize={14} lineWidth={2} data-testid="note-versions">
          <Timeline.Item title={t('clients.notes.current')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.text}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(note.updatedAt || note.createdAt)}
            </Text>
          </Timeline.Item>
          {versions.data.map((version, index) => (
            <Timeline.Item
              key={`${version.createdAt}-${index}`}
              title={t('clients.notes.versionBy', { author: author(version) })}
              data-testid="note-version"
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {version.text}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(version.createdAt)}
              </Text>
            </Timeline.Item>
          ))}
          {versions.data.length === 0 ? <Timeline.Item title={t('clients.notes.noVersions')} /> : null}
        </Timeline>
      )}
    </Modal>
  );
}
