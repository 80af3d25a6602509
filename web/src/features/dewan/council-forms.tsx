/**
 * The forms of the councils, each shown in a modal: the council itself, a member (a platform user or
 * an outside person), an SK, a meeting, a follow-up (a unit or a member responsible) and the day a
 * follow-up was done. Field errors of the server sit next to their fields.
 */
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import {
  addDecree,
  addFollowUp,
  addMeeting,
  addMember,
  type CouncilDetail,
  councilsKey,
  createCouncil,
  type Decree,
  type FollowUp,
  markFollowUpDone,
  type Meeting,
  type Member,
  updateCouncil,
  updateDecree,
  updateFollowUp,
  updateMeeting,
  updateMember,
} from '../../api/councils.api.ts';
import { unitListQueryOptions } from '../../api/units.api.ts';
import { userListQueryOptions } from '../../api/users.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COUNCIL_KIND_LABELS, COUNCIL_KINDS, type CouncilKind, MEMBER_ROLES, type MemberRole, ROLE_LABELS, todayLocal } from './dewan-labels.ts';

/** Saves through `send`, refreshes every council query, and puts the server's field errors on the form. */
function useSave<V, R>(
  form: UseFormReturnType<V>,
  fields: readonly string[],
  regionCode: string,
  send: (v: V) => Promise<R>,
  onDone: (r: R) => void,
) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const save = useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      notifications.show({ color: 'green', message: t('dewan.saved') });
      await queryClient.invalidateQueries({ queryKey: councilsKey(regionCode) });
      onDone(result);
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, fields)),
  });
  const footer = (
    <>
      {save.isError && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </>
  );
  return { save, footer };
}

// ---- council -------------------------------------------------------------------------------------

export function CouncilForm(props: { regionCode: string; council: CouncilDetail | null; onDone: (c: CouncilDetail) => void }) {
  const { t } = useI18n();
  const form = useForm({
    initialValues: {
      kind: props.council?.kind ?? 'dewan_smart_city',
      name: props.council?.name ?? '',
      description: props.council?.description ?? '',
    },
  });
  const { save, footer } = useSave(
    form,
    ['kind', 'name', 'description'],
    props.regionCode,
    (v) => (props.council ? updateCouncil(props.regionCode, props.council.id, v) : createCouncil(props.regionCode, v)),
    props.onDone,
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Select
          label={t('dewan.form.kind')}
          required
          allowDeselect={false}
          data={COUNCIL_KINDS.map((k) => ({ value: k, label: t(COUNCIL_KIND_LABELS[k]) }))}
          {...form.getInputProps('kind')}
          onChange={(v) => form.setFieldValue('kind', (v ?? 'dewan_smart_city') as CouncilKind)}
        />
        <TextInput label={t('dewan.form.name')} required {...form.getInputProps('name')} />
        <Textarea label={t('dewan.form.description')} autosize minRows={2} {...form.getInputProps('description')} />
        {footer}
      </Stack>
    </form>
  );
}

// ---- member --------------------------------------------------------------------------------------

interface MemberValues {
  source: 'user' | 'external';
  userId: string | null;
  name: string;
  organisation: string;
  position: string;
  role: MemberRole;
}

export function MemberForm(props: { regionCode: string; councilId: string; member: Member | null; canPickUsers: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const m = props.member;
  const form = useForm<MemberValues>({
    initialValues: {
      source: m ? (m.isExternal ? 'external' : 'user') : props.canPickUsers ? 'user' : 'external',
      userId: m?.userId ?? null,
      name: m?.isExternal ? m.name : '',
      organisation: m?.organisation ?? '',
      position: m?.position ?? '',
      role: m?.role ?? 'anggota',
    },
  });
  const users = useQuery({
    ...userListQueryOptions(props.regionCode, { pageSize: 200, status: 'active', sort: 'displayName' }),
    enabled: props.canPickUsers,
  });
  const { save, footer } = useSave(
    form,
    ['userId', 'name', 'organisation', 'position', 'role'],
    props.regionCode,
    (v) => {
      const input = {
        userId: v.source === 'user' ? v.userId : null,
        name: v.source === 'external' ? v.name : null,
        organisation: v.organisation || null,
        position: v.position || null,
        role: v.role,
      };
      return m ? updateMember(props.regionCode, props.councilId, m.id, input) : addMember(props.regionCode, props.councilId, input);
    },
    props.onDone,
  );
  const isUser = form.values.source === 'user';
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {props.canPickUsers ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="member-source-label">
              {t('dewan.members.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="member-source-label"
              data={[
                { value: 'user', label: t('dewan.members.user') },
                { value: 'external', label: t('dewan.members.external') },
              ]}
              value={form.values.source}
              onChange={(v) => form.setFieldValue('source', v === 'user' ? 'user' : 'external')}
            />
          </Stack>
        ) : null}
        {isUser ? (
          <Select
            label={t('dewan.members.chooseUser')}
            required
            searchable
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.unitName ? `${u.displayName} — ${u.unitName}` : u.displayName }))}
            {...form.getInputProps('userId')}
          />
        ) : (
          <TextInput label={t('dewan.members.name')} required {...form.getInputProps('name')} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('dewan.members.organisation')} required={!isUser} {...form.getInputProps('organisation')} />
          <TextInput label={t('dewan.members.position')} {...form.getInputProps('position')} />
        </SimpleGrid>
        <Select
          label={t('dewan.members.role')}
          required
          allowDeselect={false}
          data={MEMBER_ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
          {...form.getInputProps('role')}
          onChange={(v) => form.setFieldValue('role', (v ?? 'anggota') as MemberRole)}
        />
        {footer}
      </Stack>
    </form>
  );
}

// ---- decree --------------------------------------------------------------------------------------

export function DecreeForm(props: { regionCode: string; councilId: string; decree: Decree | null; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    initialValues: { number: props.decree?.number ?? '', decreeDate: props.decree?.decreeDate ?? '', note: props.decree?.note ?? '' },
  });
  const { save, footer } = useSave(
    form,
    ['number', 'decreeDate', 'note'],
    props.regionCode,
    (v) => (props.decree ? updateDecree(props.regionCode, props.councilId, props.decree.id, v) : addDecree(props.regionCode, props.councilId, v)),
    props.onDone,
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label={t('dewan.decrees.number')} required {...form.getInputProps('number')} />
        <TextInput type="date" label={t('dewan.decrees.date')} required {...form.getInputProps('decreeDate')} />
        <Textarea label={t('dewan.decrees.note')} autosize minRows={2} {...form.getInputProps('note')} />
        {footer}
      </Stack>
    </form>
  );
}

// ---- meeting -------------------------------------------------------------------------------------

export function MeetingForm(props: { regionCode: string; councilId: string; meeting: Meeting | null; onDone: () => void }) {
  const { t } = useI18n();
  const m = props.meeting;
  const form = useForm({
    initialValues: {
      meetingDate: m?.meetingDate ?? '',
      place: m?.place ?? '',
      agenda: m?.agenda ?? '',
      minutes: m?.minutes ?? '',
      decisions: m?.decisions ?? '',
    },
  });
  const { save, footer } = useSave(
    form,
    ['meetingDate', 'place', 'agenda', 'minutes', 'decisions'],
    props.regionCode,
    (v) => (m ? updateMeeting(props.regionCode, props.councilId, m.id, v) : addMeeting(props.regionCode, props.councilId, v)),
    props.onDone,
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('dewan.meetings.date')} required {...form.getInputProps('meetingDate')} />
          <TextInput label={t('dewan.meetings.place')} required {...form.getInputProps('place')} />
        </SimpleGrid>
        <Textarea label={t('dewan.meetings.agenda')} required autosize minRows={2} {...form.getInputProps('agenda')} />
        <Textarea label={t('dewan.meetings.minutes')} autosize minRows={3} {...form.getInputProps('minutes')} />
        <Textarea label={t('dewan.meetings.decisions')} autosize minRows={2} {...form.getInputProps('decisions')} />
        {footer}
      </Stack>
    </form>
  );
}

// ---- follow-up -----------------------------------------------------------------------------------

interface FollowUpValues {
  action: string;
  responsible: 'unit' | 'member';
  responsibleUnitId: string | null;
  responsibleMemberId: string | null;
  dueDate: string;
}

export function FollowUpForm(props: {
  regionCode: string;
  council: CouncilDetail;
  meetingId: string;
  followUp: FollowUp | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const f = props.followUp;
  const form = useForm<FollowUpValues>({
    initialValues: {
      action: f?.action ?? '',
      responsible: f?.responsibleMember ? 'member' : 'unit',
      responsibleUnitId: f?.responsibleUnit?.id ?? null,
      responsibleMemberId: f?.responsibleMember?.id ?? null,
      dueDate: f?.dueDate ?? '',
    },
  });
  const unitList = useQuery(unitListQueryOptions(props.regionCode, { pageSize: 200 }));
  const { save, footer } = useSave(
    form,
    ['action', 'responsibleUnitId', 'responsibleMemberId', 'dueDate'],
    props.regionCode,
    (v) => {
      const input = {
        action: v.action,
        responsibleUnitId: v.responsible === 'unit' ? v.responsibleUnitId : null,
        responsibleMemberId: v.responsible === 'member' ? v.responsibleMemberId : null,
        dueDate: v.dueDate,
      };
      return f
        ? updateFollowUp(props.regionCode, props.council.id, f.id, input)
        : addFollowUp(props.regionCode, props.council.id, props.meetingId, input);
    },
    props.onDone,
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Textarea label={t('dewan.followUps.action')} required autosize minRows={2} {...form.getInputProps('action')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="follow-up-responsible-label">
            {t('dewan.followUps.responsibleKind')}
          </Text>
          <SegmentedControl
            aria-labelledby="follow-up-responsible-label"
            data={[
              { value: 'unit', label: t('dewan.followUps.unit') },
              { value: 'member', label: t('dewan.followUps.member') },
            ]}
            value={form.values.responsible}
            onChange={(v) => form.setFieldValue('responsible', v === 'member' ? 'member' : 'unit')}
          />
        </Stack>
        {form.values.responsible === 'unit' ? (
          <Select
            label={t('dewan.followUps.unit')}
            required
            searchable
            data={(unitList.data?.items ?? []).map((u) => ({ value: u.id, label: u.shortName ? `${u.name} (${u.shortName})` : u.name }))}
            {...form.getInputProps('responsibleUnitId')}
          />
        ) : (
          <Select
            label={t('dewan.followUps.member')}
            required
            searchable
            data={props.council.members.map((m) => ({ value: m.id, label: m.name }))}
            {...form.getInputProps('responsibleMemberId')}
          />
        )}
        <TextInput type="date" label={t('dewan.followUps.due')} required {...form.getInputProps('dueDate')} />
        {footer}
      </Stack>
    </form>
  );
}

export function DoneForm(props: { regionCode: string; followUp: FollowUp; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({ initialValues: { doneOn: todayLocal() } });
  const { save, footer } = useSave(
    form,
    ['doneOn'],
    props.regionCode,
    (v) => markFollowUpDone(props.regionCode, props.followUp.councilId, props.followUp.id, v.doneOn),
    props.onDone,
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Text size="sm">{props.followUp.action}</Text>
        <TextInput type="date" label={t('dewan.followUps.doneDate')} required {...form.getInputProps('doneOn')} />
        {footer}
      </Stack>
    </form>
  );
}
