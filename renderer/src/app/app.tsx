import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { SessionProvider } from './session';
import { StartGate, RequireNotInitialized, RequireSignedIn } from './gates';
import { SetupPage } from '../pages/setup/setup-page';
import { LoginPage } from '../pages/login-page';
import { MainLayout } from '../layout/main-layout';
import { DashboardPage } from '../pages/dashboard-page';
import { SettingsPage } from '../pages/settings/settings-page';
import { RegistryPage } from '../pages/registry/registry-page';
import { HouseholdRoute } from '../pages/registry/household-page';
import { VillagePage } from '../pages/registry/village-page';
import { QualityPage } from '../pages/quality/quality-page';
import { AssistancePage } from '../pages/assistance/assistance-page';
import { ExchangePage } from '../pages/exchange/exchange-page';
import { WorkflowPage } from '../pages/workflow/workflow-page';
import { PrintPage } from '../pages/print/print-page';

// HashRouter: the same URLs work on Electron's app:// scheme and on the web mode's http server,
// and a reload never asks the server for a route it does not know.
export function App() {
  return (
    <HashRouter>
      <SessionProvider>
        <StartGate>
          <Routes>
            <Route
              path="/setup"
              element={
                <RequireNotInitialized>
                  <SetupPage />
                </RequireNotInitialized>
              }
            />
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequireSignedIn>
                  <MainLayout />
                </RequireSignedIn>
              }
            >
              <Route index element={<Navigate to="/workbench" replace />} />
              <Route path="/workbench" element={<DashboardPage />} />
              <Route path="/registry" element={<RegistryPage />} />
              <Route path="/registry/household/:id" element={<HouseholdRoute />} />
              <Route path="/registry/new" element={<HouseholdRoute />} />
              <Route path="/registry/village/:code" element={<VillagePage />} />
              <Route path="/quality" element={<QualityPage />} />
              <Route path="/assistance" element={<AssistancePage />} />
              <Route path="/assistance/:tab" element={<AssistancePage />} />
              <Route path="/exchange" element={<ExchangePage />} />
              <Route path="/exchange/:tab" element={<ExchangePage />} />
              <Route path="/identification/*" element={<WorkflowPage />} />
              <Route path="/print" element={<PrintPage />} />
              <Route path="/print/:tab" element={<PrintPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/settings/:tab" element={<SettingsPage />} />
              <Route path="*" element={<Navigate to="/workbench" replace />} />
            </Route>
          </Routes>
        </StartGate>
      </SessionProvider>
    </HashRouter>
  );
}
