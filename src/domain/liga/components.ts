/** The components of the OPD league table, their names and their 0–100 rules (shared with the web app). */
export const LEAGUE_COMPONENTS = ['innovations', 'ikm', 'assessments', 'complaints', 'programmes'] as const;
export type LeagueComponent = (typeof LEAGUE_COMPONENTS)[number];

export const LEAGUE_COMPONENT_LABELS: Record<LeagueComponent, string> = {
  innovations: 'Inovasi',
  ikm: 'IKM',
  assessments: 'Penilaian',
  complaints: 'Pengaduan',
  programmes: 'Program',
};

export const LEAGUE_COMPONENT_RULES: Record<LeagueComponent, string> = {
  innovations: 'Inovasi terverifikasi ÷ minimum per unit, paling tinggi 100',
  ikm: 'IKM unit tahun itu (skala 25–100) apa adanya',
  assessments: 'Indikator penilaian yang ditugaskan dan sudah diisi atau diverifikasi ÷ yang ditugaskan',
  complaints: 'Pengaduan selesai dalam batas waktu ÷ pengaduan yang sudah jatuh tempo atau selesai',
  programmes: 'Rata-rata progres program kota cerdas yang dipimpin unit, pada target tahun itu',
};
