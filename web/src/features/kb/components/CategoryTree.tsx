import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Category } from '../api/kb';
import { categoryTree } from '../utils/categories';

/** The category sidebar: choosing one filters the articles; "All categories" clears it. */
export function CategoryTree({
  categories,
  value,
  onChange,
}: {
  categories: Category[];
  value: string;
  onChange: (categoryId: string) => void;
}) {
  const { t } = useTranslation();
  const nodes = categoryTree(categories);
  return (
    <nav aria-label={t('kb.categories.title')} data-testid="category-tree">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
        {t('kb.categories.title')}
      </Text>
      <Stack gap={0}>
        <NavLink
          component="button"
          type="button"
          label={t('kb.categories.all')}
          active={value === ''}
          aria-current={value === '' ? 'true' : undefined}
          onClick={() => onChange('')}
        />
        {nodes.map(({ category, depth }) => (
          <NavLink
            key={category.id}
            component="button"
            type="button"
            label={category.name}
            active={value === category.id}
            aria-current={value === category.id ? 'true' : undefined}
            onClick={() => onChange(category.id)}
            pl={12 + depth * 16}
            data-testid="category-node"
          />
        ))}
        {nodes.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" py={4}>
            {t('kb.categories.none')}
          </Text>
        ) : null}
      </Stack>
    </nav>
  );
}
