import { test as base, expect, type Page } from '@playwright/test';
import { serveStation, type RunningStation } from './station';
import { AppShell, LoginPage } from './pages';

export const SCREENS = 'tests/artifacts/screens';

interface Fixtures {
  /** A login page on the shared, initialized station, reached through the launch URL. */
  loginPage: LoginPage;
  shell: AppShell;
}

interface WorkerFixtures {
  /** One initialized station (county 会宁县, known admin) shared by the tests of a worker. */
  station: RunningStation;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  station: [
    async ({}, use) => {
      const station = await serveStation({ initialized: true });
      await use(station);
      await station.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  loginPage: async ({ page, station }, use) => {
    const login = new LoginPage(page);
    await login.open(station.launchUrl);
    await use(login);
  },
  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },
});

export { expect };

/** Console errors are bugs in a page that has no reason to log any. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
