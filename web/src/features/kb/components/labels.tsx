import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENDONYMS, type Language } from '@/lib/i18n/languages';
import type { ArticleStatus, Visibility } from '../api/kb';

const STATUS_COLORS: Record<ArticleStatus, string> = { DRAFT: 'gray', PUBLISHED: 'teal', ARCHIVED: 'orange' };

/** An article's language, status and visibility as badges. */
export function ArticleBadges({
  language,
  status,
  visibility,
}: {
  language: Language;
  status: ArticleStatus;
  visibility: Visibility;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge variant="default" tt="none" data-testid="article-language">
        {ENDONYMS[language] ?? language}
      </Badge>
      <Badge variant="light" color={STATUS_COLORS[status]} data-testid="article-status">
        {t(`kb.statuses.${status}`)}
      </Badge>
      <Badge
        variant="outline"
        color={visibility === 'PUBLIC' ? 'blue' : 'grape'}
        data-testid="article-visibility"
      >
        {t(`kb.visibilities.${visibility}`)}
      </Badge>
    </Group>
  );
}
