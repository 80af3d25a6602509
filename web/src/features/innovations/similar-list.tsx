/** Innovations of the region with a very similar name (possible duplicates), with how close each is. */
import { Alert, Anchor, Group, List, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SimilarInnovation } from '../../api/innovations.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';

export function SimilarList({ items, title, text, onClose }: { items: SimilarInnovation[]; title: string; text: string; onClose?: () => void }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCopy aria-hidden />}
      title={title}
      role="status"
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      <Text size="sm" mb="xs">
        {text}
      </Text>
      <List size="sm" spacing={6}>
        {items.map((s) => (
          <List.Item key={s.id}>
            <Group gap={6} wrap="wrap">
              <Anchor component={Link} to={`/inovasi/${s.id}`} size="sm" fw={600}>
                {s.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('similar.meta', { unit: s.unitName, year: s.year, percent: Math.round(s.similarity * 100) })}
              </Text>
              <StatusBadge status={s.status} size="xs" />
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
