/**
 * Routes. The login page and the public innovation catalogue need no session; everything else needs
 * one and shows inside the app shell.
 */
import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { PublicLayout } from './layout/public-layout.tsx';
import { AccountPage } from './pages/account.page.tsx';
import { AssessmentPage } from './pages/assessment.page.tsx';
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
import { PeriodsPage } from './pages/periods.page.tsx';
import { UnitsPage } from './pages/units.page.tsx';
import { UsersPage } from './pages/users.page.tsx';
import { RegionProvider } from './session/region.tsx';
import { RequireSession } from './session/session.tsx';

export function App() {
  return (
    <Routes>
      <Route path="/masuk" element={<LoginPage />} />
      <Route path="/katalog" element={<PublicLayout />}>
        <Route index element={<CataloguePage />} />
        <Route path=":id" element={<CatalogueDetailPage />} />
      </Route>
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
        <Route path="periode" element={<PeriodsPage />} />
        <Route path="penilaian" element={<AssessmentsPage />} />
        <Route path="penilaian/:id" element={<AssessmentPage />} />
        <Route path="iid" element={<IidPage />} />
        <Route path="perangkat-daerah" element={<UnitsPage />} />
        <Route path="pengguna" element={<UsersPage />} />
        <Route path="log-audit" element={<AuditPage />} />
        <Route path="akun" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
