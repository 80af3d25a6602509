/** The admin's weights of the OPD league: one whole number per component, on/off, for a year or every year. */
import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LEAGUE_COMPONENTS, type LeagueComponent } from '#domain/liga/components.ts';
import { isApiError } from '../../api/http.ts';
import { type LeagueTable, leagueKey, updateLeagueWeights } from '../../api/liga.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Weights = LeagueTable['weights']['weights'];

export function WeightsForm(props: { regionCode: string; table: LeagueTable; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { table } = props;
  const [scope, setScope] = useState<'year' | 'region'>(table.weights.source === 'region' ? 'region' : 'year');
  const [weights, setWeights] = useState<Weights>(table.weights.weights);
  const sum = LEAGUE_COMPONENTS.reduce((s, c) => s + (weights[c].enabled ? weights[c].weight : 0), 0);

  const save = useMutation({
    mutationFn: () => {
      const version = scope === 'year' ? table.weights.yearVersion : table.weights.regionVersion;
      return updateLeagueWeights(props.regionCode, { year: scope === 'year' ? table.year : null, weights, ...(version ? { version } : {}) });
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('liga.weights.saved') });
      await queryClient.invalidateQueries({ queryKey: leagueKey(props.regionCode) });
      props.onClose();
    },
  });
  const set = (c: LeagueComponent, patch: Partial<Weights[LeagueComponent]>) => setWeights((w) => ({ ...w, [c]: { ...w[c], ...patch } }));

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('liga.weights.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('liga.weights.help')}
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="liga-scope">
              {t('liga.weights.scope')}
            </Text>
            <SegmentedControl
              aria-labelledby="liga-scope"
              value={scope}
              onChange={(v) => setScope(v === 'region' ? 'region' : 'year')}
              data={[
                { value: 'year', label: t('liga.weights.scopeYear', { year: table.year }) },
                { value: 'region', label: t('liga.weights.scopeRegion') },
              ]}
            />
          </Stack>
          {LEAGUE_COMPONENTS.map((c) => (
            <Group key={c} align="flex-end" wrap="nowrap">
              <NumberInput
                style={{ flex: 1 }}
                label={`${t(`liga.col.${c}`)} — ${table.rules.components[c]}`}
                min={0}
                max={100}
                allowDecimal={false}
                value={weights[c].weight}
                onChange={(v) => set(c, { weight: typeof v === 'number' ? v : Number(v) || 0 })}
                disabled={!weights[c].enabled}
              />
              <Switch
                label={t('liga.weights.enabled')}
                aria-label={`${t('liga.weights.enabled')}: ${t(`liga.col.${c}`)}`}
                checked={weights[c].enabled}
                onChange={(e) => set(c, { enabled: e.currentTarget.checked })}
                mb={8}
              />
            </Group>
          ))}
          <Alert color={sum === 100 ? 'green' : 'yellow'} aria-live="polite">
            {t('liga.weights.sum', { sum })}
          </Alert>
          {save.isError && isApiError(save.error) ? <FormErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
