/**
 * Readable names for the audit log's action codes, record types and snapshot fields, in both
 * languages. A code without a label (from a module added later) is said from its parts: the record
 * type's name and the verb as written.
 */
import type { AuditLink } from '#shared/api/audit.ts';
import type { Bilingual } from '../../i18n/i18n.tsx';

export const AUDIT_ACTIONS: Record<string, Bilingual> = {
  'auth.login': { id: 'Masuk', en: 'Logged in' },
  'auth.logout': { id: 'Keluar', en: 'Logged out' },
  'auth.password_changed': { id: 'Kata sandi diganti', en: 'Password changed' },
  'unit.created': { id: 'Unit ditambahkan', en: 'Unit created' },
  'unit.updated': { id: 'Unit diubah', en: 'Unit updated' },
  'unit.deleted': { id: 'Unit dihapus', en: 'Unit deleted' },
  'unit.imported': { id: 'Unit diimpor', en: 'Units imported' },
  'user.created': { id: 'Akun dibuat', en: 'Account created' },
  'user.updated': { id: 'Akun diubah', en: 'Account updated' },
  'user.activated': { id: 'Akun diaktifkan', en: 'Account activated' },
  'user.deactivated': { id: 'Akun dinonaktifkan', en: 'Account deactivated' },
  'user.locked': { id: 'Akun dikunci', en: 'Account locked' },
  'notification_preferences.updated': { id: 'Pengaturan notifikasi diubah', en: 'Notification settings changed' },
  'user.password_reset': { id: 'Kata sandi disetel ulang', en: 'Password reset' },
  'demo.seeded': { id: 'Data demo dimuat', en: 'Demo data loaded' },
  'period.created': { id: 'Periode dibuka', en: 'Period opened' },
  'period.updated': { id: 'Periode diubah', en: 'Period updated' },
  'innovation.created': { id: 'Inovasi diusulkan (draf)', en: 'Innovation proposed (draft)' },
  'innovation.updated': { id: 'Profil inovasi diubah', en: 'Innovation profile updated' },
  'innovation.imported': { id: 'Inovasi diimpor', en: 'Innovations imported' },
  'innovation.submit': { id: 'Inovasi diajukan', en: 'Innovation submitted' },
  'innovation.return': { id: 'Inovasi dikembalikan', en: 'Innovation returned' },
  'innovation.verify': { id: 'Inovasi diverifikasi', en: 'Innovation verified' },
  'innovation.reject': { id: 'Inovasi ditolak', en: 'Innovation rejected' },
  'innovation.carried_over': { id: 'Inovasi dilanjutkan ke periode berikutnya', en: 'Innovation carried over' },
  'innovation.urusan_moved': { id: 'Urusan inovasi disesuaikan dengan daftar nasional', en: 'Innovation urusan moved to the national list' },
  'evidence.added': { id: 'Bukti dukung ditambahkan', en: 'Evidence added' },
  'evidence.removed': { id: 'Bukti dukung dihapus', en: 'Evidence removed' },
  'iid.answer.answered': { id: 'Jawaban indikator IID disimpan', en: 'IID indicator answered' },
  'iid.answer.verified': { id: 'Jawaban indikator IID diverifikasi', en: 'IID indicator answer verified' },
  'iid.answer.reset': { id: 'Verifikasi jawaban IID dibuka ulang', en: 'IID answer back to unverified' },
  'iid.spd.answered': { id: 'Jawaban SPD disimpan', en: 'SPD answered' },
  'iid.spd.verified': { id: 'Jawaban SPD diverifikasi', en: 'SPD answer verified' },
  'framework.uploaded': { id: 'Kerangka penilaian diunggah', en: 'Framework uploaded' },
  'assessment.created': { id: 'Penilaian dibuka', en: 'Assessment opened' },
  'assessment.assigned': { id: 'Indikator ditugaskan', en: 'Indicators assigned' },
  'assessment.stage_changed': { id: 'Tahap penilaian berganti', en: 'Assessment stage changed' },
  'assessment_item.filled': { id: 'Indikator diisi', en: 'Indicator filled' },
  'assessment_item.verified': { id: 'Indikator diverifikasi', en: 'Indicator verified' },
  'assessment_evidence.added': { id: 'Bukti dukung indikator ditambahkan', en: 'Indicator evidence added' },
  'assessment_evidence.removed': { id: 'Bukti dukung indikator dihapus', en: 'Indicator evidence removed' },
  'service.created': { id: 'Layanan ditambahkan', en: 'Service created' },
  'service.updated': { id: 'Layanan diubah', en: 'Service updated' },
  'service.deleted': { id: 'Layanan dihapus', en: 'Service deleted' },
  'service.imported': { id: 'Layanan diimpor', en: 'Services imported' },
  'application.created': { id: 'Aplikasi ditambahkan', en: 'Application created' },
  'application.updated': { id: 'Aplikasi diubah', en: 'Application updated' },
  'application.deleted': { id: 'Aplikasi dihapus', en: 'Application deleted' },
  'application.imported': { id: 'Aplikasi diimpor', en: 'Applications imported' },
  'skm_period.created': { id: 'Periode survei dibuka', en: 'Survey period opened' },
  'skm_period.updated': { id: 'Periode survei diubah', en: 'Survey period updated' },
  'skm_period.closed': { id: 'Periode survei ditutup', en: 'Survey period closed' },
  'skm_period.reopened': { id: 'Periode survei dibuka kembali', en: 'Survey period reopened' },
  'skm_period.opened_automatically': { id: 'Periode survei dibuka otomatis', en: 'Survey period opened automatically' },
  'skm_period.populations_set': { id: 'Populasi layanan ditetapkan', en: 'Service populations set' },
  'skm_response.imported': { id: 'Jawaban survei kertas diimpor', en: 'Paper survey answers imported' },
  'skm_follow_up.created': { id: 'Rencana tindak lanjut ditambahkan', en: 'Follow-up action added' },
  'skm_follow_up.updated': { id: 'Rencana tindak lanjut diubah', en: 'Follow-up action updated' },
  'skm_follow_up.deleted': { id: 'Rencana tindak lanjut dihapus', en: 'Follow-up action deleted' },
  'skm_follow_up.evidence_added': { id: 'Bukti tindak lanjut ditambahkan', en: 'Follow-up evidence added' },
  'skm_follow_up.evidence_removed': { id: 'Bukti tindak lanjut dihapus', en: 'Follow-up evidence removed' },
  'smartcity_masterplan.created': { id: 'Masterplan kota cerdas dibuat', en: 'Smart city masterplan created' },
  'smartcity_masterplan.updated': { id: 'Masterplan kota cerdas diubah', en: 'Smart city masterplan updated' },
  'smartcity_masterplan.structure_changed': { id: 'Dimensi dan elemen masterplan diubah', en: 'Masterplan dimensions and elements changed' },
  'smartcity_masterplan.document_added': { id: 'Dokumen Perkada masterplan diunggah', en: 'Masterplan regulation document uploaded' },
  'smartcity_masterplan.document_removed': { id: 'Dokumen Perkada masterplan dihapus', en: 'Masterplan regulation document removed' },
  'smartcity_programme.created': { id: 'Program kota cerdas ditambahkan', en: 'Smart city programme added' },
  'smartcity_programme.updated': { id: 'Program kota cerdas diubah', en: 'Smart city programme updated' },
  'smartcity_programme.deleted': { id: 'Program kota cerdas dihapus', en: 'Smart city programme deleted' },
  'smartcity_progress.reported': { id: 'Triwulan program dilaporkan', en: 'Programme quarter reported' },
  'smartcity_progress.updated': { id: 'Laporan triwulan program diperbarui', en: 'Programme quarter report updated' },
  'league_weights.updated': { id: 'Bobot Liga OPD diubah', en: 'OPD league weights changed' },
  'rpjmd.created': { id: 'RPJMD ditambahkan', en: 'RPJMD added' },
  'rpjmd.updated': { id: 'RPJMD diubah', en: 'RPJMD updated' },
  'rpjmd.deleted': { id: 'RPJMD dihapus', en: 'RPJMD deleted' },
  'rpjmd.imported': { id: 'Cascade RPJMD diimpor', en: 'RPJMD cascade imported' },
  'rpjmd_entry.created': { id: 'Butir RPJMD ditambahkan', en: 'RPJMD entry added' },
  'rpjmd_entry.updated': { id: 'Butir RPJMD diubah', en: 'RPJMD entry updated' },
  'rpjmd_entry.deleted': { id: 'Butir RPJMD dihapus', en: 'RPJMD entry deleted' },
  'smartcity_progress.evidence_added': { id: 'Bukti laporan triwulan ditambahkan', en: 'Quarter report evidence added' },
  'smartcity_progress.evidence_removed': { id: 'Bukti laporan triwulan dihapus', en: 'Quarter report evidence removed' },
  'complaint.created': { id: 'Pengaduan masuk', en: 'Complaint received' },
  'complaint.photo_added': { id: 'Foto pengaduan ditambahkan', en: 'Complaint photo added' },
  'complaint.reassigned': { id: 'Pengaduan dialihkan ke unit lain', en: 'Complaint reassigned' },
  'complaint.transition': { id: 'Status pengaduan berubah', en: 'Complaint status changed' },
  'complaint.note': { id: 'Catatan pengaduan ditambahkan', en: 'Complaint note added' },
  'complaint_category.created': { id: 'Kategori pengaduan ditambahkan', en: 'Complaint category created' },
  'complaint_category.updated': { id: 'Kategori pengaduan diubah', en: 'Complaint category updated' },
  'open311_client.created': { id: 'Kunci API Open311 dibuat', en: 'Open311 API key created' },
  'open311_client.revoked': { id: 'Kunci API Open311 dicabut', en: 'Open311 API key revoked' },
  'api_token.created': { id: 'Token API command center dibuat', en: 'Command-centre API token created' },
  'api_token.revoked': { id: 'Token API command center dicabut', en: 'Command-centre API token revoked' },
  'competition.created': { id: 'Kompetisi dibuat', en: 'Competition created' },
  'competition.updated': { id: 'Kompetisi diubah', en: 'Competition updated' },
  'competition.opened': { id: 'Pendaftaran kompetisi dibuka', en: 'Competition registration opened' },
  'competition.judge_added': { id: 'Juri ditambahkan ke panel', en: 'Judge added to the panel' },
  'competition.judge_removed': { id: 'Juri dikeluarkan dari panel', en: 'Judge removed from the panel' },
  'competition.judges_assigned': { id: 'Juri ditugaskan ke peserta', en: 'Judges assigned to entries' },
  'competition.conflicts_declared': { id: 'Juri menyatakan konflik kepentingan', en: 'Judge declared conflicts of interest' },
  'competition.stage_locked': { id: 'Tahap kompetisi dikunci', en: 'Competition stage locked' },
  'competition.stage_advanced': { id: 'Peserta dinyatakan lolos ke tahap berikutnya', en: 'Entries advanced to the next stage' },
  'competition.finalised': { id: 'Hasil kompetisi ditetapkan', en: 'Competition results decreed' },
  'competition.published': { id: 'Hasil kompetisi diumumkan', en: 'Competition results published' },
  'competition_entry.created': { id: 'Proposal kompetisi dibuat', en: 'Competition entry created' },
  'competition_entry.updated': { id: 'Proposal kompetisi diubah', en: 'Competition entry updated' },
  'competition_entry.submitted': { id: 'Proposal kompetisi diajukan', en: 'Competition entry submitted' },
  'competition_entry.screened': { id: 'Proposal diseleksi administrasi', en: 'Competition entry screened' },
  'competition_sheet.submitted': { id: 'Lembar nilai juri dikirim', en: 'Score sheet submitted' },
  'competition_sheet.reopened': { id: 'Lembar nilai juri dibuka kembali', en: 'Score sheet reopened' },
  'event.created': { id: 'Acara dibuat', en: 'Event created' },
  'event.updated': { id: 'Acara diubah', en: 'Event updated' },
  'event.deleted': { id: 'Acara dihapus', en: 'Event deleted' },
  'event.notes_saved': { id: 'Notulen acara disimpan', en: 'Event minutes saved' },
  'event.follow_up.created': { id: 'Tindak lanjut acara ditambahkan', en: 'Event follow-up added' },
  'event.follow_up.updated': { id: 'Tindak lanjut acara diubah', en: 'Event follow-up updated' },
  'event.follow_up.deleted': { id: 'Tindak lanjut acara dihapus', en: 'Event follow-up deleted' },
  'event.participants.imported': { id: 'Peserta acara diimpor', en: 'Event participants imported' },
  'event.participant.registered': { id: 'Peserta acara didaftarkan', en: 'Event participant registered' },
  'event.participant.removed': { id: 'Peserta acara dihapus', en: 'Event participant removed' },
  'event.participant.checked_in': { id: 'Kehadiran peserta dicatat', en: 'Participant checked in' },
  'event.participant.check_in_undone': { id: 'Kehadiran peserta dibatalkan', en: 'Participant check-in undone' },
  'event.material.added': { id: 'Materi acara ditambahkan', en: 'Event material added' },
  'event.material.removed': { id: 'Materi acara dihapus', en: 'Event material removed' },
};

export const AUDIT_ENTITY_TYPES: Record<string, Bilingual> = {
  unit: { id: 'Unit', en: 'Unit' },
  user: { id: 'Akun', en: 'Account' },
  region: { id: 'Daerah', en: 'Region' },
  period: { id: 'Periode', en: 'Period' },
  innovation: { id: 'Inovasi', en: 'Innovation' },
  evidence: { id: 'Bukti dukung', en: 'Evidence' },
  iid_answer: { id: 'Jawaban IID', en: 'IID answer' },
  framework_version: { id: 'Kerangka penilaian', en: 'Framework' },
  assessment: { id: 'Penilaian', en: 'Assessment' },
  assessment_item: { id: 'Indikator penilaian', en: 'Assessment indicator' },
  assessment_evidence: { id: 'Bukti dukung indikator', en: 'Indicator evidence' },
  service: { id: 'Layanan', en: 'Service' },
  application: { id: 'Aplikasi', en: 'Application' },
  skm_period: { id: 'Periode survei', en: 'Survey period' },
  skm_follow_up: { id: 'Tindak lanjut SKM', en: 'SKM follow-up' },
  skm_follow_up_evidence: { id: 'Bukti tindak lanjut', en: 'Follow-up evidence' },
  smartcity_masterplan: { id: 'Masterplan kota cerdas', en: 'Smart city masterplan' },
  smartcity_masterplan_document: { id: 'Dokumen Perkada masterplan', en: 'Masterplan regulation document' },
  smartcity_programme: { id: 'Program kota cerdas', en: 'Smart city programme' },
  smartcity_progress: { id: 'Laporan triwulan program', en: 'Programme quarter report' },
  smartcity_progress_evidence: { id: 'Bukti laporan triwulan', en: 'Quarter report evidence' },
  league_weights: { id: 'Bobot Liga OPD', en: 'OPD league weights' },
  rpjmd: { id: 'RPJMD', en: 'RPJMD' },
  rpjmd_entry: { id: 'Butir RPJMD', en: 'RPJMD entry' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  complaint_category: { id: 'Kategori pengaduan', en: 'Complaint category' },
  open311_client: { id: 'Klien Open311', en: 'Open311 client' },
  api_token: { id: 'Token API', en: 'API token' },
  competition: { id: 'Kompetisi', en: 'Competition' },
  competition_stage: { id: 'Tahap kompetisi', en: 'Competition stage' },
  competition_entry: { id: 'Proposal kompetisi', en: 'Competition entry' },
  competition_sheet: { id: 'Lembar nilai juri', en: 'Score sheet' },
  competition_entry_attachment: { id: 'Lampiran proposal kompetisi', en: 'Competition entry attachment' },
  event: { id: 'Acara', en: 'Event' },
  event_participant: { id: 'Peserta acara', en: 'Event participant' },
  event_follow_up: { id: 'Tindak lanjut acara', en: 'Event follow-up' },
  event_material: { id: 'Materi acara', en: 'Event material' },
};

/** A record type in words; an unknown one as its code with spaces ("survey_batch" → "survey batch"). */
export function entityTypeLabel(type: string): Bilingual {
  return AUDIT_ENTITY_TYPES[type] ?? { id: type.replace(/_/g, ' '), en: type.replace(/_/g, ' ') };
}

/** An action in words; an unknown code as "<record type>: <verb>" rather than the bare code. */
export function actionLabel(code: string): Bilingual {
  const known = AUDIT_ACTIONS[code];
  if (known) return known;
  const dot = code.indexOf('.');
  if (dot < 0) return { id: code, en: code };
  const type = entityTypeLabel(code.slice(0, dot));
  const verb = code.slice(dot + 1).replace(/[._]/g, ' ');
  return { id: `${type.id}: ${verb}`, en: `${type.en}: ${verb}` };
}

/** The app's address of the page that shows a linked record. */
export function auditLinkPath(link: AuditLink): string {
  switch (link.type) {
    case 'innovation':
      return `/inovasi/${link.id}${link.tab ? `?tab=${link.tab}` : ''}`;
    case 'assessment':
      return `/penilaian/${link.id}`;
    case 'skm_period':
      return `/skm/${link.id}`;
    case 'complaint':
      return `/pengaduan-masuk/${link.id}`;
    case 'period':
      return `/capaian-target?periodId=${link.id}`;
    case 'event':
      return `/acara/${link.id}`;
    case 'competition':
      return `/kompetisi/${link.id}`;
    case 'smartcity_programme':
      return `/kota-cerdas/program/${link.id}`;
    case 'smartcity_masterplan':
      return '/kota-cerdas';
  }
}

/** Field names of the before/after snapshots. */
export const AUDIT_FIELDS: Record<string, Bilingual> = {
  name: { id: 'Nama', en: 'Name' },
  shortName: { id: 'Singkatan', en: 'Short name' },
  kind: { id: 'Jenis', en: 'Kind' },
  headName: { id: 'Kepala', en: 'Head' },
  parentId: { id: 'Induk (ID)', en: 'Parent (ID)' },
  username: { id: 'Nama pengguna', en: 'Username' },
  displayName: { id: 'Nama lengkap', en: 'Full name' },
  email: { id: 'Surel', en: 'Email' },
  role: { id: 'Peran', en: 'Role' },
  unitId: { id: 'Unit (ID)', en: 'Unit (ID)' },
  isActive: { id: 'Aktif', en: 'Active' },
  year: { id: 'Tahun', en: 'Year' },
  opensOn: { id: 'Dibuka', en: 'Opens' },
  closesOn: { id: 'Ditutup', en: 'Closes' },
  targetTotal: { id: 'Target total', en: 'Total target' },
  minPerUnit: { id: 'Minimum per unit', en: 'Minimum per unit' },
  countsSubUnits: { id: 'Sub-unit menanggung minimum', en: 'Sub-units owe the minimum' },
  iidFrameworkVersionId: { id: 'Kerangka IID (ID)', en: 'IID framework (ID)' },
  status: { id: 'Status', en: 'Status' },
  note: { id: 'Catatan', en: 'Note' },
  reason: { id: 'Alasan', en: 'Reason' },
  fieldNotes: { id: 'Catatan per isian', en: 'Notes per field' },
  notes: { id: 'Catatan per isian', en: 'Notes per field' },
  fromStatus: { id: 'Status sebelumnya', en: 'Previous status' },
  toStatus: { id: 'Status baru', en: 'New status' },
  periodId: { id: 'Periode (ID)', en: 'Period (ID)' },
  innovationId: { id: 'Inovasi (ID)', en: 'Innovation (ID)' },
  previousId: { id: 'Versi sebelumnya (ID)', en: 'Previous version (ID)' },
  developmentNote: { id: 'Catatan perkembangan', en: 'Development note' },
  tahapan: { id: 'Tahapan', en: 'Stage' },
  inisiator: { id: 'Inisiator', en: 'Initiator' },
  jenis: { id: 'Jenis', en: 'Type' },
  bentuk: { id: 'Bentuk', en: 'Form' },
  tematik: { id: 'Tematik', en: 'Theme' },
  urusanUtama: { id: 'Urusan utama', en: 'Main affair' },
  urusanIrisan: { id: 'Urusan irisan', en: 'Related affairs' },
  title: { id: 'Judul', en: 'Title' },
  fileName: { id: 'Nama berkas', en: 'File name' },
  mimeType: { id: 'Jenis berkas', en: 'File type' },
  sizeBytes: { id: 'Ukuran (bita)', en: 'Size (bytes)' },
  url: { id: 'Tautan', en: 'Link' },
  slot: { id: 'Bagian', en: 'Section' },
  target: { id: 'Bagian', en: 'Section' },
  indicatorId: { id: 'Indikator', en: 'Indicator' },
  claimedValue: { id: 'Nilai klaim', en: 'Claimed value' },
  explanation: { id: 'Penjelasan', en: 'Explanation' },
  verification: { id: 'Verifikasi', en: 'Verification' },
  verifiedValue: { id: 'Nilai terverifikasi', en: 'Verified value' },
  verifierNote: { id: 'Catatan verifikator', en: "Verifier's note" },
  stage: { id: 'Tahap', en: 'Stage' },
  deadline: { id: 'Tenggat', en: 'Deadline' },
  version: { id: 'Versi', en: 'Version' },
  created: { id: 'Dibuat', en: 'Created' },
  updated: { id: 'Diubah', en: 'Updated' },
  rows: { id: 'Baris', en: 'Rows' },
};
