import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page controls for a paged list (0-based page); hidden when everything fits on one page. */
export function Pager({
  page,
  totalPages,
  onChange,
}: {
  page: number;
  totalPages: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  return (
    <Pagination
      total={totalPages}
      value={page + 1}
      onChange={(next) => onChange(next - 1)}
      getControlProps={(control) => ({
        'aria-label': control === 'previous' ? t('common.previous') : t('common.next'),
      })}
    />
  );
}
