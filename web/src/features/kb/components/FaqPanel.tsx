import { Anchor, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import { EmptyState, ErrorState, LoadingState } from '@/lib/ui/states';
import { useFaq } from '../api/kb';

/** The periods offered, in days back from now (the server allows at most 366). */
export const FAQ_PERIODS = [7, 30, 90, 365] as const;
const DAY_MS = 86_400_000;

function period(days: number): { from: string; to: string } {
  // whole minutes: the same period asked twice is the same query
  const to = Math.ceil(Date.now() / 60_000) * 60_000;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

/** RPT-07: the articles agents used most in a period, by the number of contacts they answered. */
export function FaqPanel() {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const [range, setRange] = useState(() => period(30));
  const faq = useFaq(range.from, range.to);

  let body;
  if (faq.isPending) body = <LoadingState />;
  else if (faq.isError) body = <ErrorState error={faq.error} onRetry={() => void faq.refetch()} />;
  else if (faq.data.articles.length === 0)
    body = <EmptyState title={t('kb.faq.emptyTitle')} description={t('kb.faq.empty')} />;
  else {
    const max = Math.max(1, ...faq.data.articles.map((a) => a.interactions));
    body = (
      <Stack gap="sm" data-testid="faq-bars">
        {faq.data.articles.map((entry, i) => (
          <div key={entry.articleId} data-testid="faq-bar" data-count={entry.interactions}>
            <Group justify="space-between" gap="xs" wrap="nowrap" mb={2}>
              <Text size="sm" truncate>
                <Text span c="dimmed" mr={6}>
                  {i + 1}.
                </Text>
                <Anchor component={Link} to={`/kb/articles/${entry.articleId}`}>
                  {entry.title}
                </Anchor>
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {t('kb.faq.uses', { uses: entry.interactions })}
              </Text>
            </Group>
            <Progress
              value={(entry.interactions / max) * 100}
              size="lg"
              aria-label={t('kb.faq.barLabel', { title: entry.title, uses: entry.interactions })}
            />
          </div>
        ))}
      </Stack>
    );
  }

  return (
    <Stack maw={880}>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={String(days)}
          onChange={(value) => {
            setDays(Number(value));
            setRange(period(Number(value)));
          }}
          data={FAQ_PERIODS.map((d) => ({ value: String(d), label: t(`kb.faq.periods.${d}`) }))}
          aria-label={t('kb.faq.period')}
          data-testid="faq-period"
        />
        <Text size="sm" c="dimmed">
          {t('kb.faq.range', { from: formatDate(range.from), to: formatDate(range.to) })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('kb.faq.hint')}
      </Text>
      {body}
    </Stack>
  );
}
