import { Group, Input, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const HOURS_MAX = 8760;

/**
 * A number of (business) minutes typed as hours and minutes. Empty boxes count as 0; `name` goes
 * on the hours box so that a form focuses it when the value is wrong.
 */
export function DurationInput({
  label,
  description,
  value,
  onChange,
  error,
  name,
  testId,
}: {
  label: string;
  description?: string;
  value: number;
  onChange: (minutes: number) => void;
  error?: string;
  name: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const hours = Math.floor(value / 60);
  const minutes = value % 60;
  // Mantine passes a string while the box holds something like "05" or nothing at all
  const whole = (input: string | number) => {
    const number = typeof input === 'number' ? input : Number(input.trim() || 0);
    return Number.isFinite(number) ? Math.max(0, Math.trunc(number)) : 0;
  };
  return (
    <Input.Wrapper label={label} description={description} error={error} data-testid={testId}>
      <Group gap={6} wrap="nowrap" mt={description ? 4 : 0}>
        <NumberInput
          name={name}
          aria-label={t('tickets.units.hoursOf', { label })}
          value={hours}
          min={0}
          max={HOURS_MAX}
          allowDecimal={false}
          allowNegative={false}
          onChange={(next) => onChange(whole(next) * 60 + minutes)}
          rightSection={<span aria-hidden>{t('tickets.units.hShort')}</span>}
          error={!!error}
          w={110}
        />
        <NumberInput
          aria-label={t('tickets.units.minutesOf', { label })}
          value={minutes}
          min={0}
          max={59}
          allowDecimal={false}
          allowNegative={false}
          onChange={(next) => onChange(hours * 60 + Math.min(59, whole(next)))}
          rightSection={<span aria-hidden>{t('tickets.units.minShort')}</span>}
          error={!!error}
          w={100}
        />
      </Group>
    </Input.Wrapper>
  );
}
