import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { ErrorState, LoadingState } from '@/lib/ui/states';
import {
  CATEGORIES_MAX,
  categoryPath,
  NOTE_MAX,
  useAssignCategories,
  useCategoryOptions,
  useInteractionCategories,
  type CategoryOption,
  type NamedCategory,
} from '../api/crm';

const names = (categories: NamedCategory[], none: string) =>
  categories.length ? categories.map((c) => c.name).join(', ') : none;

/** AGT-05: the call's categories, changing them with an optional note, and every earlier change. */
export function InteractionCategories({ interactionId }: { interactionId: string }) {
  const { t } = useTranslation();
  const { membership, me } = useSession();
  const manage = can(membership, 'clients.manage');
  const current = useInteractionCategories(interactionId);
  const options = useCategoryOptions(true);
  const assign = useAssignCategories(interactionId);
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  if (current.isPending) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;

  const all: CategoryOption[] = options.data ?? [];
  const carried = current.data.categories;
  const label = (category: CategoryOption) =>
    categoryPath(all.length ? all : carried, category.id, category.name);
  // an inactive category can no longer be added, but one the call carries stays choosable
  const choosable = [
    ...all.filter((c) => c.active),
    ...carried.filter((c) => !all.some((a) => a.id === c.id && a.active)),
  ];
  const data = choosable
    .map((category) => ({ value: category.id, label: label(category) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const open = () => {
    setChosen(carried.map((c) => c.id));
    setNote('');
    setProblems([]);
    setEditing(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim().length > NOTE_MAX) {
      setProblems([t('validation.maxLength', { max: NOTE_MAX })]);
      return;
    }
    const text = note.trim();
    assign.mutate(
      { categoryIds: chosen, ...(text ? { note: text } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('categories.picker.saved'));
          setEditing(false);
        },
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors.length > 0)
            setProblems([...new Set(error.fieldErrors.map((f) => f.message))]);
          else notifyError(error, t);
        },
      },
    );
  };

  const who = (id: string | null, name: string | null) =>
    name || (id && id === me.id ? t('categories.picker.you') : null) || '—';

  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="interaction-categories-title"
      data-testid="interaction-categories"
    >
      <Group justify="space-between">
        <Title order={4} id="interaction-categories-title">
          {t('categories.picker.title')}
        </Title>
        {manage && !editing ? (
          <Button size="xs" variant="light" onClick={open} data-testid="categories-change">
            {t('categories.picker.change')}
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <form onSubmit={submit} noValidate data-testid="categories-form">
          <Stack gap="sm">
            <MultiSelect
              label={t('categories.picker.categories')}
              description={t('categories.picker.categoriesHint', { max: CATEGORIES_MAX })}
              placeholder={chosen.length ? undefined : t('categories.picker.none')}
              value={chosen}
              onChange={setChosen}
              data={data}
              maxValues={CATEGORIES_MAX}
              searchable
              clearable
              nothingFoundMessage={t('categories.picker.nothingFound')}
              comboboxProps={{ withinPortal: false }}
              data-testid="categories-select"
            />
            <Textarea
              label={t('categories.picker.note')}
              description={t('categories.picker.noteHint')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={NOTE_MAX}
              data-testid="categories-note"
            />
            {problems.length ? (
              <Alert color="red" role="alert" data-testid="categories-problems">
                {problems.join(' ')}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={assign.isPending} data-testid="categories-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : carried.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="categories-current-empty">
          {t('categories.picker.noneYet')}
        </Text>
      ) : (
        <Group gap={4} data-testid="categories-current">
          {carried.map((category) => (
            <Badge key={category.id} variant="light" tt="none">
              {label(category)}
            </Badge>
          ))}
        </Group>
      )}
      {current.data.history.length > 0 ? (
        <div>
          <Text size="sm" fw={600} mb="xs">
            {t('categories.picker.history')}
          </Text>
          <Timeline bulletSize={12} lineWidth={2} data-testid="categories-history">
            {current.data.history.map((change, index) => (
              <Timeline.Item
                key={`${change.at}-${index}`}
                title={t('categories.picker.changeTitle', {
                  before: names(change.before, t('categories.picker.none')),
                  after: names(change.after, t('categories.picker.none')),
                })}
                data-testid="categories-change-item"
              >
                <Text size="xs" c="dimmed">
                  <time dateTime={change.at}>{formatDateTime(change.at)}</time> ·{' '}
                  {who(change.changedBy, change.changedByName)}
                </Text>
                {change.note ? (
                  <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                    {change.note}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        </div>
      ) : null}
    </Stack>
  );
}
