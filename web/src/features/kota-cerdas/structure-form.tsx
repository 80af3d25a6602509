/**
 * Renaming and extending the masterplan's dimensions and elements (the national default is where a
 * region starts, not where it must stay). Codes of new entries are derived from their names; an
 * element a programme is filed under cannot be removed (the server refuses, and says so).
 */
import { ActionIcon, Button, Fieldset, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { kotaCerdasKey, type MasterplanDetail, updateDimensions } from '../../api/kota-cerdas.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface ElementDraft {
  id: string | null;
  code: string;
  name: string;
}
interface DimensionDraft {
  id: string | null;
  code: string;
  name: string;
  baselineText: string;
  baselineFigure: string;
  baselineUnit: string;
  elements: ElementDraft[];
}

/** A code for a new entry from its name: lower case, digits and underscores, unique among its siblings. */
function codeFor(name: string, taken: readonly string[]): string {
  const stem =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34) || 'baru';
  let code = stem;
  for (let i = 2; taken.includes(code); i++) code = `${stem}_${i}`;
  return code;
}

export function StructureForm({ regionCode, plan, onDone }: { regionCode: string; plan: MasterplanDetail; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [dims, setDims] = useState<DimensionDraft[]>(() =>
    plan.dimensions.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      baselineText: d.baselineText,
      baselineFigure: d.baselineFigure ?? '',
      baselineUnit: d.baselineUnit ?? '',
      elements: d.elements.map((e) => ({ id: e.id, code: e.code, name: e.name })),
    })),
  );
  const change = (i: number, patch: Partial<DimensionDraft>) => setDims((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const save = useMutation({
    mutationFn: () =>
      updateDimensions(regionCode, plan.id, {
        dimensions: dims.map((d) => ({
          id: d.id,
          code: d.id
            ? d.code
            : codeFor(
                d.name,
                dims.filter((o) => o !== d).map((o) => o.code),
              ),
          name: d.name,
          baselineText: d.baselineText,
          baselineFigure: d.baselineFigure.trim().replace(',', '.') || null,
          baselineUnit: d.baselineUnit || null,
          elements: d.elements.map((e) => ({
            id: e.id,
            code: e.id
              ? e.code
              : codeFor(
                  e.name,
                  d.elements.filter((o) => o !== e).map((o) => o.code),
                ),
            name: e.name,
          })),
        })),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('kc.saved') });
      await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
      onDone();
    },
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('kc.structure.note')}
      </Text>
      {dims.map((d, i) => (
        <Fieldset key={d.id ?? `new-${i}`} legend={d.name || t('kc.structure.dimension')}>
          <Stack gap="xs">
            <TextInput label={t('kc.structure.dimension')} required value={d.name} onChange={(e) => change(i, { name: e.currentTarget.value })} />
            <Textarea
              label={t('kc.structure.baselineText')}
              autosize
              minRows={1}
              value={d.baselineText}
              onChange={(e) => change(i, { baselineText: e.currentTarget.value })}
            />
            <Group grow>
              <TextInput
                label={t('kc.structure.baselineFigure')}
                inputMode="decimal"
                value={d.baselineFigure}
                onChange={(e) => change(i, { baselineFigure: e.currentTarget.value })}
              />
              <TextInput
                label={t('kc.structure.baselineUnit')}
                value={d.baselineUnit}
                onChange={(e) => change(i, { baselineUnit: e.currentTarget.value })}
              />
            </Group>
            {d.elements.map((e, j) => (
              <Group key={e.id ?? `new-${j}`} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('kc.structure.element', { n: j + 1 })}
                  required
                  value={e.name}
                  onChange={(ev) => {
                    const name = ev.currentTarget.value;
                    change(i, { elements: d.elements.map((x, k) => (k === j ? { ...x, name } : x)) });
                  }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`${t('kc.structure.remove')} ${e.name}`}
                  disabled={d.elements.length <= 1}
                  onClick={() => change(i, { elements: d.elements.filter((_, k) => k !== j) })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => change(i, { elements: [...d.elements, { id: null, code: '', name: '' }] })}
              >
                {t('kc.structure.addElement')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            setDims((all) => [
              ...all,
              { id: null, code: '', name: '', baselineText: '', baselineFigure: '', baselineUnit: '', elements: [{ id: null, code: '', name: '' }] },
            ])
          }
        >
          {t('kc.structure.addDimension')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
      <FormErrorAlert error={save.error} unplaced={[]} />
    </Stack>
  );
}
