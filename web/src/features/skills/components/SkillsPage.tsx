import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/lib/session/SessionProvider';
import { can } from '@/lib/session/types';
import { ConfirmModal } from '@/lib/ui/ConfirmModal';
import { EditDeleteButtons } from '@/lib/ui/EditDeleteButtons';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { Pager } from '@/lib/ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { SKILLS_PAGE_SIZE, useDeleteSkill, useSkills, type Skill } from '../api/skills';
import { SkillFormModal } from './SkillFormModal';

/** ACD-03: the tenant's skills; queue members get a level (1–5) in each. Read-only with queues.view. */
export default function SkillsPage() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const manage = can(membership, 'queues.manage');
  const [page, setPage] = useState(0);
  const skills = useSkills(page);
  const remove = useDeleteSkill();
  const [editing, setEditing] = useState<Skill | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Skill | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      // 409 skill.in-use: the server says which queues still use it, in the person's language
      onSuccess: () => notifySuccess(t('skills.deleted', { name: deleting.name })),
      onError: (error) => notifyError(error, t),
      onSettled: () => setDeleting(null),
    });
  };

  const data = skills.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || SKILLS_PAGE_SIZE))) : 1;

  let body;
  if (skills.isPending) body = <LoadingState />;
  else if (skills.isError) body = <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />;
  else if (!data || data.items.length === 0)
    body = <EmptyState title={t('skills.emptyTitle')} description={t('skills.empty')} />;
  else
    body = (
      <Stack>
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover data-testid="skills-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('skills.name')}</Table.Th>
                <Table.Th>{t('skills.description')}</Table.Th>
                {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((skill) => (
                <Table.Tr key={skill.id} data-testid="skill-row" data-skill-name={skill.name}>
                  <Table.Td fw={500}>{skill.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {skill.description || '—'}
                    </Text>
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <EditDeleteButtons
                        testId="skill"
                        onEdit={() => setEditing(skill)}
                        onDelete={() => setDeleting(skill)}
                      />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('common.totalItems', { total: data.total })}
          </Text>
          <Pager page={page} totalPages={totalPages} onChange={setPage} />
        </Group>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('skills.title')}
        description={t('skills.subtitle')}
        actions={
          manage ? (
            <Button onClick={() => setEditing('new')} data-testid="skills-create">
              {t('skills.create')}
            </Button>
          ) : null
        }
      />
      {body}
      {editing ? (
        <SkillFormModal skill={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        opened={!!deleting}
        title={t('skills.deleteTitle')}
        message={t('skills.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </>
  );
}
