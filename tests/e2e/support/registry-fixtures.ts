import { test as base, expect } from '@playwright/test';
import { startRegistryStation, type RegistryStation } from './registry-station';
import { AppShell, LoginPage } from './pages';

/** Households the default suite works on: enough for a tree, filters and a scrolling list. */
export const SEED_HOUSEHOLDS = 24;

interface Fixtures {
  shell: AppShell;
  /** Opens the station in the browser and signs in. */
  signIn(who: 'admin' | 'clerk'): Promise<void>;
}

interface WorkerFixtures {
  /** One county station with households and a township clerk, shared by the registry specs. */
  registry: RegistryStation;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  registry: [
    async ({}, use) => {
      const station = await startRegistryStation(SEED_HOUSEHOLDS);
      await use(station);
      await station.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },
  signIn: async ({ page, registry }, use) => {
    await use(async (who) => {
      const login = new LoginPage(page);
      await login.open(registry.launchUrl);
      const account = who === 'admin' ? registry.admin : registry.clerk;
      await login.login(account.username, account.password);
      await new AppShell(page).expectLoaded();
    });
  },
});

export { expect };
