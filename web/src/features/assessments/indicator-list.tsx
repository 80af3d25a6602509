/**
 * The indicators of an assessment, grouped by domain and aspect (with each group's claimed and verified
 * index), filtered to the caller's unit, the unfilled or those waiting for an assessor. Each row opens
 * the indicator's panel; the filter lives in the URL with the open indicator.
 */
import { Badge, Chip, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { AssessmentDetail, AssessmentItem } from '../../api/assessments.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { useFigures } from '../../components/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isIndicatorLate, todayIso } from '../../components/deadlines.ts';
import { LateBadge } from '../../components/late-badge.tsx';
import { PredicateBadge } from '../../components/score-card.tsx';
import { VERIFICATION_COLORS, VERIFICATION_LABELS } from '../../components/evaluation/assessment-labels.ts';
import { pathKey } from './breakdown.ts';
import { useValueText } from './indicator-panel.tsx';
import { groupByPath, ITEM_FILTERS, type ItemFilter, matchesFilter } from '../../components/evaluation/item-values.ts';
import classes from './indicator-list.module.css';

function GroupHeading({
  assessment,
  names,
  depth,
  nodeId,
}: {
  assessment: AssessmentDetail;
  names: string[];
  depth: number;
  nodeId: string | undefined;
}) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const claimed = nodeId ? assessment.claimed.nodes[nodeId] : undefined;
  const verified = nodeId ? assessment.verified.nodes[nodeId] : undefined;
  const name = names[names.length - 1] ?? '';
  return (
    <Group justify="space-between" gap="xs" mt={depth === 0 ? 'md' : 'xs'} mb={4} wrap="wrap">
      <Title order={depth === 0 ? 3 : 4} size={depth === 0 ? 'h5' : 'h6'} c={depth === 0 ? undefined : 'dimmed'}>
        {nodeId ? (
          <Text span size="xs" c="dimmed" mr={6}>
            {nodeId}
          </Text>
        ) : null}
        {name}
      </Title>
      {claimed || verified ? (
        <Group gap={6} wrap="nowrap">
          {claimed ? (
            <Text size="xs" c="dimmed">
              {t('assessment.claimedShort')} <strong>{figure(claimed.index, 'index')}</strong>
            </Text>
          ) : null}
          {verified ? (
            <Text size="xs" c="dimmed">
              · {t('assessment.verifiedShort')} <strong>{figure(verified.index, 'index')}</strong>
            </Text>
          ) : null}
          {depth === 0 ? <PredicateBadge predicate={(verified ?? claimed)?.predicate ?? null} size="xs" /> : null}
        </Group>
      ) : null}
    </Group>
  );
}

function ItemRow({
  item,
  showVerification,
  isLate,
  isSelected,
  onOpen,
}: {
  item: AssessmentItem;
  showVerification: boolean;
  /** Past its deadline and not filled during self-assessment. */
  isLate: boolean;
  isSelected: boolean;
  onOpen: () => void;
}) {
  const { t, pick, formatDate } = useI18n();
  const valueText = useValueText();
  return (
    <UnstyledButton className={classes.row} data-selected={isSelected || undefined} data-indicator-row={item.indicatorId} onClick={onOpen}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Badge variant="default" radius="sm" size="lg" miw={44} style={{ flexShrink: 0 }}>
          {item.indicatorId}
        </Badge>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} lh={1.3}>
            {item.name}
          </Text>
          <Text size="xs" c="dimmed">
            {item.unitName ?? t('assessment.unassigned')}
            {item.deadline ? ` · ${t('assessment.deadlineOn', { date: formatDate(item.deadline) })}` : ''}
          </Text>
          <Group gap={6} mt={4} wrap="wrap">
            {isLate ? <LateBadge /> : null}
            <Badge
              variant={item.claimedValue === null ? 'outline' : 'light'}
              color={item.claimedValue === null ? 'gray' : 'blue'}
              radius="sm"
              data-claim
            >
              {item.claimedValue === null ? t('assessment.notFilled') : valueText(item, item.claimedValue)}
            </Badge>
            {showVerification ? (
              <Badge variant="light" color={VERIFICATION_COLORS[item.verification]} radius="sm" data-verification={item.verification}>
                {pick(VERIFICATION_LABELS[item.verification])}
              </Badge>
            ) : null}
            <Group gap={2} wrap="nowrap" c={item.evidence.length > 0 ? undefined : 'dimmed'}>
              <IconPaperclip size={14} aria-hidden />
              <Text size="xs">{t('assessment.evidenceCount', { n: item.evidence.length })}</Text>
            </Group>
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

const FILTER_LABELS = {
  all: 'assessment.filter.all',
  mine: 'assessment.filter.mine',
  unfilled: 'assessment.filter.unfilled',
  pending: 'assessment.filter.pending',
} as const;

export function IndicatorList({
  assessment,
  nodeIdByPath,
  myUnitId,
  filter,
  onFilter,
  selectedId,
  onOpen,
}: {
  assessment: AssessmentDetail;
  nodeIdByPath: Map<string, string>;
  myUnitId: string | null;
  filter: ItemFilter;
  onFilter: (filter: ItemFilter) => void;
  selectedId: string | null;
  onOpen: (indicatorId: string) => void;
}) {
  const { t, formatNumber } = useI18n();
  const countOf = (f: ItemFilter) => assessment.items.filter((i) => matchesFilter(i, f, myUnitId)).length;
  // "My unit" only when it narrows the list (an operator sees nothing but their unit's indicators).
  const filters = ITEM_FILTERS.filter((f) => f !== 'mine' || filter === 'mine' || (countOf('mine') > 0 && countOf('mine') < countOf('all')));
  const items = assessment.items.filter((i) => matchesFilter(i, filter, myUnitId));
  const groups = groupByPath(items);
  const today = todayIso();
  let previous: string[] = [];

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Chip.Group multiple={false} value={filter} onChange={(v) => onFilter(v as ItemFilter)}>
        <Group gap="xs" role="radiogroup" aria-label={t('assessment.filter.label')} mb="sm">
          {filters.map((f) => (
            <Chip key={f} value={f} size="sm" radius="sm">
              {t(FILTER_LABELS[f])} ({formatNumber(countOf(f))})
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {assessment.items.length === 0 ? (
        <ListEmpty kind="empty" title={t('assessment.noItems.title')} description={t('assessment.noItems.text')} />
      ) : items.length === 0 ? (
        <ListEmpty kind="no-match" title={t('list.noMatch.title')} description={t('assessment.noMatch')} />
      ) : (
        <Stack gap={0}>
          {groups.map((group) => {
            // A heading for every level of the path that differs from the group before.
            const from = group.path.findIndex((name, i) => previous[i] !== name);
            const start = from < 0 ? group.path.length : from;
            previous = group.path;
            return (
              <section key={pathKey(group.path)} aria-label={group.path.join(' › ') || t('assessment.indicators')}>
                {group.path.slice(start).map((_, k) => {
                  const depth = start + k;
                  const names = group.path.slice(0, depth + 1);
                  return (
                    <GroupHeading
                      key={pathKey(names)}
                      assessment={assessment}
                      names={names}
                      depth={depth}
                      nodeId={nodeIdByPath.get(pathKey(names))}
                    />
                  );
                })}
                <Stack gap={6}>
                  {group.items.map((item) => (
                    <ItemRow
                      key={item.id}
                      item={item}
                      // While units fill, "not verified yet" on every row says nothing.
                      showVerification={assessment.stage !== 'mandiri' || item.verification !== 'pending'}
                      isLate={isIndicatorLate(item, assessment.stage, today)}
                      isSelected={item.indicatorId === selectedId}
                      onOpen={() => onOpen(item.indicatorId)}
                    />
                  ))}
                </Stack>
              </section>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
