import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Image,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useForm, type Errors } from '@/lib/form';
import { ENDONYMS, LANGUAGES, isLanguage } from '@/lib/i18n/languages';
import { useSession } from '@/lib/session/SessionProvider';
import { useLanguage } from '@/lib/session/useLanguage';
import { notifyError, notifySuccess } from '@/lib/ui/notify';
import { PageHeader } from '@/lib/ui/PageHeader';
import { FormAlert } from '@/lib/ui/states';
import {
  useChangePassword,
  useConfirmMfaEnrolment,
  useStartMfaEnrolment,
  type MfaEnrolment,
} from '../api/profile';

export default function ProfilePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <>
      <PageHeader title={t('profile.title')} description={`${me.displayName} · ${me.username}`} />
      <Stack maw={640} gap="lg">
        <LanguageCard />
        <PasswordCard />
        <MfaCard />
      </Stack>
    </>
  );
}

function LanguageCard() {
  const { t } = useTranslation();
  const { language, choose } = useLanguage();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('profile.language')}
      </Title>
      <NativeSelect
        label={t('shell.language')}
        name="locale"
        value={language}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isLanguage(next)) void choose(next);
        }}
        data={LANGUAGES.map((code) => ({ value: code, label: ENDONYMS[code] }))}
        data-testid="profile-language"
      />
    </Card>
  );
}

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** SEC-01: the server enforces the tenant's password policy and answers with field errors. */
function PasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const empty = { currentPassword: '', newPassword: '', confirmPassword: '' };
  const form = useForm<PasswordValues>(empty, (v) => {
    const errors: Errors = {};
    if (!v.currentPassword) errors.currentPassword = t('validation.required');
    if (!v.newPassword) errors.newPassword = t('validation.required');
    else if (v.newPassword === v.currentPassword) errors.newPassword = t('profile.samePassword');
    if (v.confirmPassword !== v.newPassword) errors.confirmPassword = t('profile.passwordsDiffer');
    return errors;
  });
  const submit = form.onSubmit((v) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('profile.passwordChanged'));
          form.reset(empty);
        },
        onError: (error) => {
          if (!form.applyProblem(error)) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('profile.changePassword')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <Stack>
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            {...form.text('currentPassword')}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            autoComplete="new-password"
            required
            {...form.text('newPassword')}
          />
          <PasswordInput
            label={t('profile.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.text('confirmPassword')}
          />
          <FormAlert messages={form.formErrors} />
          <Group>
            <Button type="submit" loading={change.isPending} data-testid="password-save">
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** SEC-02: TOTP enrolment: scan the QR code (or type the secret), then prove it with one code. */
function MfaCard() {
  const { t } = useTranslation();
  const { me } = useSession();
  const start = useStartMfaEnrolment();
  const enrolment = start.data;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('profile.mfa')}</Title>
        <Badge color={me.mfaEnrolled ? 'teal' : 'gray'} data-testid="profile-mfa-status">
          {me.mfaEnrolled ? t('profile.mfaOn') : t('profile.mfaOff')}
        </Badge>
      </Group>
      {enrolment ? (
        <MfaConfirm enrolment={enrolment} onDone={() => start.reset()} />
      ) : (
        <Stack align="flex-start">
          <Text size="sm">{t('profile.mfaIntro')}</Text>
          <Button
            variant="light"
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onError: (error) => notifyError(error, t) })}
            data-testid="mfa-start"
          >
            {me.mfaEnrolled ? t('profile.mfaReenrol') : t('profile.mfaEnrol')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

function MfaConfirm({ enrolment, onDone }: { enrolment: MfaEnrolment; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmMfaEnrolment();
  const form = useForm({ code: '' }, (v): Errors =>
    /^\d{6}$/.test(v.code.trim()) ? {} : { code: t('profile.codeRule') },
  );
  const submit = form.onSubmit((v) =>
    confirm.mutate(v.code.trim(), {
      onSuccess: () => {
        notifySuccess(t('profile.mfaEnrolled'));
        onDone();
      },
      onError: (error) => {
        if (!form.applyProblem(error, { 'mfa.invalid-code': 'code' })) notifyError(error, t);
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="mfa-form">
      <Stack>
        <Text size="sm">{t('profile.mfaScan')}</Text>
        <Image src={enrolment.qrCodeDataUri} alt={t('profile.qrAlt')} w={200} h={200} fit="contain" />
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('profile.mfaSecret')}
          </Text>
          <Code fz="md" data-testid="profile-mfa-secret" style={{ wordBreak: 'break-all' }}>
            {enrolment.secret}
          </Code>
        </Stack>
        <TextInput
          label={t('profile.mfaCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          maw={200}
          required
          data-autofocus
          {...form.text('code')}
        />
        <FormAlert messages={form.formErrors} />
        <Group>
          <Button type="submit" loading={confirm.isPending} data-testid="mfa-confirm">
            {t('profile.mfaConfirm')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
