/** Routes. Everything but the login page needs a session and shows inside the app shell. */
import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { AccountPage } from './pages/account.page.tsx';
import { AuditPage } from './pages/audit.page.tsx';
import { HomePage } from './pages/home.page.tsx';
import { LoginPage } from './pages/login.page.tsx';
import { NotFoundPage } from './pages/not-found.page.tsx';
import { UnitsPage } from './pages/units.page.tsx';
import { UsersPage } from './pages/users.page.tsx';
import { RegionProvider } from './session/region.tsx';
import { RequireSession } from './session/session.tsx';

export function App() {
  return (
    <Routes>
      <Route path="/masuk" element={<LoginPage />} />
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
        <Route path="perangkat-daerah" element={<UnitsPage />} />
        <Route path="pengguna" element={<UsersPage />} />
        <Route path="log-audit" element={<AuditPage />} />
        <Route path="akun" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
