import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { FormAlert } from '@/lib/ui/states';
import { DESCRIPTION_MAX, NAME_MAX, useSaveSkill, type Skill } from '../api/skills';

interface Values {
  name: string;
  description: string;
}

/** ACD-03: create or rename a skill. */
export function SkillFormModal({ skill, onClose }: { skill: Skill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSkill();
  const form = useForm<Values>({ name: skill?.name ?? '', description: skill?.description ?? '' }, (v) => {
    const errors: Errors = {};
    const name = v.name.trim();
    if (!name) errors.name = t('validation.required');
    else if (name.length > NAME_MAX) errors.name = t('validation.maxLength', { max: NAME_MAX });
    if (v.description.trim().length > DESCRIPTION_MAX)
      errors.description = t('validation.maxLength', { max: DESCRIPTION_MAX });
    return errors;
  });

  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: skill?.id,
        input: { name: v.name.trim(), description: v.description.trim(), version: skill?.version },
      },
      {
        onSuccess: () => {
          notifySuccess(t('skills.saved'));
          onClose();
        },
        onError: (error) => {
          if (!form.applyProblem(error, { 'skill.name-taken': 'name' })) notifyError(error, t);
        },
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={skill ? t('skills.edit') : t('skills.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="skill-form">
        <Stack>
          <TextInput label={t('skills.name')} required data-autofocus {...form.text('name')} />
          <Textarea
            label={t('skills.description')}
            description={t('skills.descriptionHint')}
            autosize
            minRows={2}
            {...form.text('description')}
          />
          <FormAlert messages={form.formErrors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="skill-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
