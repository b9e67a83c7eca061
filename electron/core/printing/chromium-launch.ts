// The one place that knows how to start Chromium for printing, so tests, the CLI and web mode
// launch it the same way (see docs/stack-notes.md, "Playwright and Chromium").
import type { Browser, LaunchOptions } from 'playwright-core';

/** Debian's Chromium: `npx playwright install` cannot download a browser on our machines. */
export function chromiumExecutablePath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export const PRINT_CHROMIUM_ARGS: readonly string[] = [
  // Chromium resolves Google hosts at start-up even with nothing to load; this makes every
  // lookup fail without leaving the machine (0 lookups measured).
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,CertificateTransparencyComponentUpdater',
];

export function printChromiumLaunchOptions(executablePath = chromiumExecutablePath()): LaunchOptions {
  return { executablePath, headless: true, args: [...PRINT_CHROMIUM_ARGS] };
}

export async function launchPrintChromium(executablePath = chromiumExecutablePath()): Promise<Browser> {
  // loaded on first print: playwright-core costs most of a second at every start otherwise
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch(printChromiumLaunchOptions(executablePath));
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(`无法启动用于打印的 Chromium（${executablePath}）：${reason}。可用环境变量 CHROMIUM_PATH 指定浏览器位置。`);
  }
}
