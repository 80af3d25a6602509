/**
 * What a region needs to fix before the national deadline, grouped by kind (empty seats under the
 * divisor, basic-service affairs short of the gate, mandatory indicators unfilled, evidence missing,
 * rancang bangun under 300 words, implementation dates outside the window), each linking to its
 * innovation when it is about one.
 */
import { Accordion, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { IidProjectionResponse } from '../../api/iid.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { WARNING_COLORS, warningLabel } from './iid-labels.ts';

type Warning = IidProjectionResponse['warnings'][number];

export function IidWarnings({ projection }: { projection: IidProjectionResponse }) {
  const { t, pick, formatNumber } = useI18n();
  const names = new Map(projection.innovations.map((i) => [i.id, i.name]));
  const groups = new Map<string, Warning[]>();
  for (const w of projection.warnings) groups.set(w.code, [...(groups.get(w.code) ?? []), w]);
  if (groups.size === 0) return <ListEmpty kind="empty" title={t('iid.noWarnings.title')} description={t('iid.noWarnings.text')} />;
  return (
    <Accordion variant="separated" multiple defaultValue={[...groups.keys()].slice(0, 2)}>
      {[...groups.entries()].map(([code, list]) => (
        <Accordion.Item key={code} value={code} data-warning={code}>
          <Accordion.Control>
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" color={WARNING_COLORS[code] ?? 'gray'} radius="sm">
                {formatNumber(list.length)}
              </Badge>
              <Text fw={600} size="sm">
                {pick(warningLabel(code))}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={6}>
              {list.map((w) => (
                <List.Item key={`${w.code}:${w.innovationId ?? ''}:${w.indicatorId ?? ''}:${w.basis ?? ''}:${w.message}`}>
                  {w.basis ? (
                    <Badge size="xs" variant="outline" color={w.basis === 'verified' ? 'green' : 'blue'} mr={6}>
                      {w.basis === 'verified' ? t('iid.basis.verified') : t('iid.basis.claimed')}
                    </Badge>
                  ) : null}
                  {w.innovationId ? (
                    <Anchor component={Link} to={`/inovasi/${w.innovationId}${w.indicatorId ? '?tab=iid' : ''}`} fw={600} mr={6}>
                      {names.get(w.innovationId) ?? t('iid.openInnovation')}
                    </Anchor>
                  ) : null}
                  {w.message}
                </List.Item>
              ))}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
