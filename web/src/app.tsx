/**
 * Routes. The login page and the public innovation catalogue need no session; everything else needs
 * one and shows inside the app shell.
 */
import { lazy, Suspense } from 'react';
import { FullPageLoader } from './components/full-page-loader.tsx';
import { Route, Routes } from 'react-router';
import { CertificateCheckPage } from './features/acara/certificate-check.page.tsx';
import { CheckinDeskPage } from './features/acara/checkin-desk.page.tsx';
import { CheckinPage } from './features/acara/checkin.page.tsx';
import { EventPage } from './features/acara/event.page.tsx';
import { EventsPage } from './features/acara/events.page.tsx';
import { NationalCompetitions } from './features/kompetisi/competition-scope.tsx';
import { HasilKompetisiPage } from './features/kompetisi/hasil-kompetisi.page.tsx';
import { KompetisiDetailPage } from './features/kompetisi/kompetisi-detail.page.tsx';
import { KompetisiEntryPage } from './features/kompetisi/kompetisi-entry.page.tsx';
import { IgaChecklistPage } from './features/kompetisi/iga-checklist.page.tsx';
import { KompetisiPage } from './features/kompetisi/kompetisi.page.tsx';
import { PenjurianSheetPage } from './features/kompetisi/penjurian-sheet.page.tsx';
import { PenjurianPage } from './features/kompetisi/penjurian.page.tsx';
import { VotePublicPage } from './features/kompetisi/vote-public.page.tsx';
import { CouncilPage } from './features/dewan/council.page.tsx';
import { CouncilsPage } from './features/dewan/councils.page.tsx';
import { MasterplanPage } from './features/kota-cerdas/masterplan.page.tsx';
import { PortalSmartCityPage } from './features/kota-cerdas/portal-smart-city.page.tsx';
import { ProgrammePage } from './features/kota-cerdas/programme.page.tsx';
import { LigaPage } from './features/liga/liga.page.tsx';
import { PublicationPage } from './features/nasional/publication.page.tsx';
import { RpjmdPage } from './features/rpjmd/rpjmd.page.tsx';
import { PortalLayout } from './features/portal/portal-layout.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { PublicLayout } from './layout/public-layout.tsx';
import { AccountPage } from './pages/account.page.tsx';
import { ApplicationsPage } from './pages/applications.page.tsx';
import { ComplaintFormPage } from './pages/complaint-form.page.tsx';
import { ApiTokensPage } from './pages/api-tokens.page.tsx';
import { ComplaintSettingsPage } from './pages/complaint-settings.page.tsx';
import { ComplaintStatusPage } from './pages/complaint-status.page.tsx';
import { ComplaintPage } from './pages/complaint.page.tsx';
import { ComplaintsPage } from './pages/complaints.page.tsx';
import { KioskPage } from './pages/kiosk.page.tsx';
import { PortalServicePage } from './pages/portal-service.page.tsx';
import { PortalPage } from './pages/portal.page.tsx';
import { ServicesPage } from './pages/services.page.tsx';
import { SkmPeriodPage } from './pages/skm-period.page.tsx';
import { SkmPeriodsPage } from './pages/skm-periods.page.tsx';
import { SurveyPage } from './pages/survey.page.tsx';
import { AssessmentPage } from './pages/assessment.page.tsx';
import { ActionPlanPage } from './pages/action-plan.page.tsx';
import { AssessmentsPage } from './pages/assessments.page.tsx';
import { AuditPage } from './pages/audit.page.tsx';
import { CatalogueDetailPage } from './pages/catalogue-detail.page.tsx';
import { CataloguePage } from './pages/catalogue.page.tsx';
import { DashboardPage } from './pages/dashboard.page.tsx';
import { HomePage } from './pages/home.page.tsx';
import { IidPage } from './pages/iid.page.tsx';
import { InnovationPage } from './pages/innovation.page.tsx';
import { InnovationsPage } from './pages/innovations.page.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { NotFoundPage } from './pages/not-found.page.tsx';
import { NotificationsPage } from './pages/notifications.page.tsx';
import { PeriodsPage } from './pages/periods.page.tsx';
import { UnitsPage } from './pages/units.page.tsx';
import { UsersPage } from './pages/users.page.tsx';
import { RegionProvider } from './session/region.tsx';
import { RequireSession } from './session/session.tsx';

// The dashboard's charts (recharts) load with the page, not with the app every other user opens.
const DasborPage = lazy(() => import('./features/dasbor/dasbor.page.tsx').then((m) => ({ default: m.DasborPage })));
// The national pages draw charts too: loaded with the page.
const NationalRollupPage = lazy(() => import('./features/nasional/national-rollup.page.tsx').then((m) => ({ default: m.NationalRollupPage })));
const ProvincePage = lazy(() => import('./features/nasional/province.page.tsx').then((m) => ({ default: m.ProvincePage })));
const PublicNationalPage = lazy(() => import('./features/nasional/public-national.page.tsx').then((m) => ({ default: m.PublicNationalPage })));

export function App() {
  return (
    <Routes>
      <Route path="/masuk" element={<LoginPage />} />
      <Route path="/katalog" element={<PublicLayout />}>
        <Route index element={<CataloguePage />} />
        <Route path=":id" element={<CatalogueDetailPage />} />
      </Route>
      {/* The public national page: the figures each region publishes (open data), no login. */}
      <Route path="/nasional" element={<PublicLayout />}>
        <Route
          index
          element={
            <Suspense fallback={<FullPageLoader />}>
              <PublicNationalPage />
            </Suspense>
          }
        />
      </Route>
      <Route path="/hasil-kompetisi" element={<PublicLayout />}>
        <Route path=":id" element={<HasilKompetisiPage />} />
      </Route>
      {/* A competition's public vote: no login, phone first. */}
      <Route path="/kompetisi/:id/pilih" element={<PublicLayout />}>
        <Route index element={<VotePublicPage />} />
      </Route>
      {/* The public service portal, its survey and complaint forms, and the status page: no login, phone first. */}
      <Route element={<PortalLayout />}>
        <Route path="/portal/:regionCode" element={<PortalPage />} />
        <Route path="/portal/:regionCode/layanan/:serviceId" element={<PortalServicePage />} />
        <Route path="/portal/:regionCode/layanan/:serviceId/survei" element={<SurveyPage />} />
        <Route path="/portal/:regionCode/pengaduan" element={<ComplaintFormPage />} />
        <Route path="/portal/:regionCode/kota-cerdas" element={<PortalSmartCityPage />} />
        <Route path="/pengaduan/:trackingCode" element={<ComplaintStatusPage />} />
        {/* An event participant's own check-in page (their QR code) and the certificate check. */}
        <Route path="/hadir/:token" element={<CheckinPage />} />
        <Route path="/sertifikat/:code" element={<CertificateCheckPage />} />
      </Route>
      {/* A tablet at the counter: full screen, no shell. */}
      <Route path="/kiosk/:serviceId" element={<KioskPage />} />
      <Route
        element={
          <RequireSession>
            <RegionProvider>
              <AppLayout />
            </RegionProvider>
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="inovasi" element={<InnovationsPage />} />
        <Route path="inovasi/:id" element={<InnovationPage />} />
        <Route path="capaian-target" element={<DashboardPage />} />
        <Route path="liga-opd" element={<LigaPage />} />
        <Route path="rpjmd" element={<RpjmdPage />} />
        <Route
          path="dasbor"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <DasborPage />
            </Suspense>
          }
        />
        <Route
          path="rekap-nasional"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <NationalRollupPage />
            </Suspense>
          }
        />
        <Route
          path="provinsi"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <ProvincePage />
            </Suspense>
          }
        />
        <Route path="pengaturan/publikasi-nasional" element={<PublicationPage />} />
        <Route path="periode" element={<PeriodsPage />} />
        <Route path="penilaian" element={<AssessmentsPage />} />
        <Route path="penilaian/:id" element={<AssessmentPage />} />
        <Route path="rencana-aksi" element={<ActionPlanPage />} />
        <Route path="iid" element={<IidPage />} />
        <Route path="layanan" element={<ServicesPage />} />
        <Route path="aplikasi" element={<ApplicationsPage />} />
        <Route path="skm" element={<SkmPeriodsPage />} />
        <Route path="skm/:id" element={<SkmPeriodPage />} />
        <Route path="kota-cerdas" element={<MasterplanPage />} />
        <Route path="kota-cerdas/program/:id" element={<ProgrammePage />} />
        <Route path="kota-cerdas/dewan" element={<CouncilsPage />} />
        <Route path="kota-cerdas/dewan/:id" element={<CouncilPage />} />
        <Route path="pengaduan-masuk" element={<ComplaintsPage />} />
        <Route path="pengaduan-masuk/:id" element={<ComplaintPage />} />
        <Route path="pengaturan-pengaduan" element={<ComplaintSettingsPage />} />
        <Route path="acara" element={<EventsPage />} />
        <Route path="acara/:id" element={<EventPage />} />
        <Route path="acara/:id/presensi" element={<CheckinDeskPage />} />
        <Route
          path="kompetisi-nasional"
          element={
            <NationalCompetitions>
              <KompetisiPage />
            </NationalCompetitions>
          }
        />
        <Route
          path="kompetisi-nasional/:id"
          element={
            <NationalCompetitions>
              <KompetisiDetailPage />
            </NationalCompetitions>
          }
        />
        <Route
          path="kompetisi-nasional/:id/peserta/:entryId"
          element={
            <NationalCompetitions>
              <KompetisiEntryPage />
            </NationalCompetitions>
          }
        />
        <Route
          path="kompetisi-nasional/:id/validasi/:entryId"
          element={
            <NationalCompetitions>
              <IgaChecklistPage />
            </NationalCompetitions>
          }
        />
        <Route path="kompetisi" element={<KompetisiPage />} />
        <Route path="kompetisi/:id" element={<KompetisiDetailPage />} />
        <Route path="kompetisi/:id/peserta/:entryId" element={<KompetisiEntryPage />} />
        <Route path="kompetisi/:id/validasi/:entryId" element={<IgaChecklistPage />} />
        <Route path="penjurian" element={<PenjurianPage />} />
        <Route path="penjurian/:sheetId" element={<PenjurianSheetPage />} />
        <Route path="perangkat-daerah" element={<UnitsPage />} />
        <Route path="pengguna" element={<UsersPage />} />
        <Route path="log-audit" element={<AuditPage />} />
        <Route path="pengaturan/token-api" element={<ApiTokensPage />} />
        <Route path="akun" element={<AccountPage />} />
        <Route path="notifikasi" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
