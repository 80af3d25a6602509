/**
 * The navigation, by module. Each entry names the permission it needs in the current region; the
 * region's `abilities` (from the server) decide what shows. Modules (Inovasi, Penilaian, Kota Cerdas,
 * Layanan Publik, Laporan) add their own section here when they arrive: the navigation never shows a
 * link that leads nowhere.
 */
import {
  type Icon,
  IconBook2,
  IconBuildingCommunity,
  IconBulb,
  IconCalendarEvent,
  IconChartBar,
  IconChartDots3,
  IconGauge,
  IconClipboardCheck,
  IconChecklist,
  IconHierarchy,
  IconHistory,
  IconApps,
  IconBell,
  IconBuildingStore,
  IconBuildingSkyscraper,
  IconMessageReport,
  IconMoodSmile,
  IconSettings,
  IconWorld,
  IconTrophy,
  IconGavel,
  IconHome,
  IconListNumbers,
  IconUserCircle,
  IconKey,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { Permission, Role } from '#domain/access/roles.ts';
import type { MessageKey } from '../i18n/messages.id.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
  icon: Icon;
  /** Needed in the current region; absent for pages every signed-in user has (their own account). */
  permission?: Permission;
  /** The link takes the active region's code as its last segment (a region's public portal). */
  perRegion?: boolean;
  /** Roles that see only this link of its section: leaders open the app on their dashboard, not on the home page. */
  onlyFor?: readonly Role[];
  /** Region kinds (provinsi, kabupaten, kota) the link belongs to; absent: every region. */
  regionKinds?: readonly string[];
  /** Roles for whom the link comes first in its section. */
  firstFor?: readonly Role[];
}

export interface NavSection {
  /** Absent for the top entries (Beranda), which need no heading. */
  label?: MessageKey;
  items: NavItem[];
}

export const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      { to: '/', label: 'nav.home', icon: IconHome, permission: 'region.read' },
      // The leaders' dashboard: the year's figures of every module in one page (pimpinan's first link).
      {
        to: '/dasbor',
        label: 'nav.regionDashboard',
        icon: IconGauge,
        permission: 'dashboard.read',
        onlyFor: ['pimpinan', 'admin_daerah', 'admin_nasional'],
        firstFor: ['pimpinan'],
      },
      { to: '/liga-opd', label: 'nav.league', icon: IconListNumbers, permission: 'dashboard.read' },
    ],
  },
  {
    label: 'nav.section.innovation',
    items: [
      { to: '/inovasi', label: 'nav.innovations', icon: IconBulb, permission: 'innovations.read' },
      { to: '/capaian-target', label: 'nav.dashboard', icon: IconChartBar, permission: 'dashboard.read' },
      { to: '/periode', label: 'nav.periods', icon: IconCalendarEvent, permission: 'periods.write' },
      { to: '/kompetisi', label: 'nav.competitions', icon: IconTrophy, permission: 'competitions.read' },
      // Competitions across regions: the national admin sets them up; regions enter from their own page.
      {
        to: '/kompetisi-nasional',
        label: 'nav.nationalCompetitions',
        icon: IconTrophy,
        permission: 'competitions.manage',
        onlyFor: ['admin_nasional'],
      },
      { to: '/penjurian', label: 'nav.judging', icon: IconGavel, permission: 'competitions.judge' },
      // The public catalogue, as citizens see it (opens outside the app shell).
      { to: '/katalog', label: 'nav.catalogue', icon: IconBook2, permission: 'region.read' },
    ],
  },
  {
    label: 'nav.section.assessment',
    items: [
      { to: '/penilaian', label: 'nav.assessments', icon: IconClipboardCheck, permission: 'assessments.read' },
      { to: '/rencana-aksi', label: 'nav.actionPlan', icon: IconChecklist, permission: 'assessments.read' },
      // The region's Indeks Inovasi Daerah is scored from its innovations: whoever reads them reads it.
      { to: '/iid', label: 'nav.iid', icon: IconChartDots3, permission: 'innovations.read' },
    ],
  },
  {
    label: 'nav.section.services',
    items: [
      { to: '/layanan', label: 'nav.services', icon: IconBuildingStore, permission: 'services.read' },
      { to: '/aplikasi', label: 'nav.applications', icon: IconApps, permission: 'services.read' },
      { to: '/skm', label: 'nav.skm', icon: IconMoodSmile, permission: 'skm.read' },
      { to: '/pengaduan-masuk', label: 'nav.complaints', icon: IconMessageReport, permission: 'complaints.read' },
      { to: '/pengaturan-pengaduan', label: 'nav.complaintSettings', icon: IconSettings, permission: 'complaints.manage' },
      // The region's public portal, as citizens see it (opens outside the app shell; the link takes the region).
      { to: '/portal', label: 'nav.portal', icon: IconWorld, permission: 'region.read', perRegion: true },
    ],
  },
  {
    label: 'nav.section.events',
    items: [{ to: '/acara', label: 'nav.events', icon: IconCalendarEvent, permission: 'events.read' }],
  },
  {
    label: 'nav.section.smartcity',
    items: [
      { to: '/kota-cerdas', label: 'nav.smartcity', icon: IconBuildingSkyscraper, permission: 'smartcity.read' },
      { to: '/kota-cerdas/dewan', label: 'nav.councils', icon: IconUsersGroup, permission: 'smartcity.read' },
      // The RPJMD cascade the programmes and innovations link to: read beside the masterplan, kept by Bapperida.
      { to: '/rpjmd', label: 'nav.rpjmd', icon: IconHierarchy, permission: 'smartcity.read' },
    ],
  },
  {
    label: 'nav.section.national',
    items: [
      // Every region of the install side by side: the national admin's page.
      { to: '/rekap-nasional', label: 'nav.nationalRollup', icon: IconWorld, permission: 'region.read', onlyFor: ['admin_nasional'] },
      // A province's own kabupaten/kota, for its admin and pimpinan.
      { to: '/provinsi', label: 'nav.provinceView', icon: IconListNumbers, permission: 'province.read', regionKinds: ['provinsi'] },
      { to: '/pengaturan/publikasi-nasional', label: 'nav.nationalPublication', icon: IconSettings, permission: 'national.publish' },
      // The open-data page as citizens see it (opens outside the app shell).
      {
        to: '/nasional',
        label: 'nav.publicNational',
        icon: IconBook2,
        permission: 'region.read',
        onlyFor: ['admin_nasional', 'admin_daerah', 'pimpinan'],
      },
    ],
  },
  // Further module sections (Laporan) go here.
  {
    label: 'nav.section.admin',
    items: [
      { to: '/perangkat-daerah', label: 'nav.units', icon: IconBuildingCommunity, permission: 'units.read' },
      { to: '/pengguna', label: 'nav.users', icon: IconUsers, permission: 'users.read' },
      { to: '/log-audit', label: 'nav.audit', icon: IconHistory, permission: 'audit.read' },
      // Machine access for the region's command-centre screens; whoever manages the accounts issues it.
      { to: '/pengaturan/token-api', label: 'nav.apiTokens', icon: IconKey, permission: 'users.write' },
    ],
  },
  {
    label: 'nav.section.account',
    items: [
      { to: '/notifikasi', label: 'nav.notifications', icon: IconBell },
      { to: '/akun', label: 'nav.account', icon: IconUserCircle },
    ],
  },
];
