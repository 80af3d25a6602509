/**
 * Evidence (bukti dukung) of an innovation, by slot: the budget document (`anggaran`) and the business
 * profile (`profil_bisnis`) the national form asks for, then everything else (`umum`, and any other
 * target the server names). The evidence of IID indicators (`sid.<id>`) is shown and changed on the
 * "Indikator IID" tab, beside its indicator; here it is only counted. Each slot is an EvidenceSlot.
 */
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { EVIDENCE_MAX_MB } from '../../api/evidence.api.ts';
import type { Innovation } from '../../api/innovations.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import { statusAfterEdit } from '#domain/innovations/workflow.ts';
import { EvidenceSlot } from '../../components/evidence-slot.tsx';
import { useInnovationEvidenceSource } from '../../components/innovation-evidence-source.ts';
import { isStatus } from '../../components/innovation-labels.ts';
import { ReviewNote } from './review-note.tsx';

interface Slot {
  target: string;
  label: MessageKey;
  hint: MessageKey;
  /** The key of the verifier's note about this slot. */
  noteKey: string;
}

const SLOTS: Slot[] = [
  { target: 'anggaran', label: 'field.anggaran', hint: 'evidence.hint.anggaran', noteKey: 'anggaran' },
  { target: 'profil_bisnis', label: 'field.profilBisnis', hint: 'evidence.hint.profilBisnis', noteKey: 'profil_bisnis' },
  { target: 'umum', label: 'field.buktiDukung', hint: 'evidence.hint.umum', noteKey: 'buktiDukung' },
];

/** The target of an IID indicator's evidence (`sid.16`), shown on the IID tab instead. */
export const isSidTarget = (target: string) => target.startsWith('sid.');

function InnovationSlot({
  regionCode,
  innovation,
  slot,
  label,
  canChange,
}: {
  regionCode: string;
  innovation: Innovation;
  slot: Slot;
  label: string;
  canChange: boolean;
}) {
  const { t } = useI18n();
  const source = useInnovationEvidenceSource(regionCode, innovation.id, slot.target);
  return (
    <EvidenceSlot
      label={label}
      hint={t(slot.hint)}
      note={<ReviewNote note={innovation.reviewNotes[slot.noteKey]} />}
      items={innovation.evidence.filter((e) => e.target === slot.target)}
      source={source}
      canChange={canChange}
      deleteText={(title) => t('evidence.delete.text', { title })}
    />
  );
}

export function EvidencePanel({ regionCode, innovation, canChange }: { regionCode: string; innovation: Innovation; canChange: boolean }) {
  const { t } = useI18n();
  // Changing the evidence of a verified innovation sends it back for review, as editing it does.
  const isSentBack = isStatus(innovation.status) && statusAfterEdit(innovation.status) !== innovation.status;
  const known = new Set(SLOTS.map((s) => s.target));
  const otherTargets = [...new Set(innovation.evidence.map((e) => e.target).filter((target) => !known.has(target) && !isSidTarget(target)))];
  const sidCount = innovation.evidence.filter((e) => isSidTarget(e.target)).length;

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h4" mb={4}>
        {t('evidence.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {canChange ? t('evidence.intro', { max: EVIDENCE_MAX_MB }) : t('evidence.introReadOnly')}
      </Text>
      {canChange && isSentBack ? (
        <Alert color="yellow" variant="light" mb="md">
          {t('evidence.sendsBack')}
        </Alert>
      ) : null}
      <Stack gap="lg">
        {SLOTS.map((slot) => (
          <InnovationSlot key={slot.target} regionCode={regionCode} innovation={innovation} slot={slot} label={t(slot.label)} canChange={canChange} />
        ))}
        {otherTargets.map((target) => (
          <InnovationSlot
            key={target}
            regionCode={regionCode}
            innovation={innovation}
            slot={{ target, label: 'evidence.otherTarget', hint: 'evidence.hint.other', noteKey: target }}
            label={t('evidence.otherTarget', { target })}
            canChange={canChange}
          />
        ))}
        {sidCount > 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.sidElsewhere', { n: sidCount })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
