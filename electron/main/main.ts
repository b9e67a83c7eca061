// The desktop app's lifecycle: one instance, one station database, one window. Everything the
// window can do goes through the preload's single invoke and core's dispatch.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow, type WebContents } from 'electron';
import { setResourceRoot } from '../core/paths';
import { closeStation, openStation, type Station } from '../core/station';
import { usePrinter } from '../core/services/printing/printer';
import { createElectronPdfRenderer } from './printing';
import { logError } from '../core/log';
import { registerInvokeHandler } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { describeStartupError } from './startup-errors';
import { createMainWindow, denyAllPermissions, hardenAllWebContents } from './window';

const APP_ID = 'cn.gov.gansu.fupin.station';
// Beside main.js in dist-electron/ (inside app.asar when packaged).
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

let station: Station | null = null;
let mainWindow: BrowserWindow | null = null;
let removeInvokeHandler: (() => void) | null = null;

// Fixed before anything reads it (the single-instance lock lives there): %APPDATA%\fupin-station
// on Windows, whatever productName the installer used — the same folder the CLI defaults to.
app.setPath('userData', join(app.getPath('appData'), 'fupin-station'));
registerAppScheme(); // must precede 'ready'
hardenAllWebContents();

if (!app.requestSingleInstanceLock()) {
  // A second start while the station runs: the first instance raises its window, this one leaves
  // before it could open the database a second time.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', shutdown);
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // drizzle/, data/ and dist/renderer are extraResources in the installer, the project root in a checkout.
  setResourceRoot(app.isPackaged ? process.resourcesPath : app.getAppPath());

  const dbFile = join(app.getPath('userData'), 'station.db');
  try {
    station = await openStation(dbFile, { dailyBackup: true });
  } catch (err) {
    // A newer, foreign or damaged database: say what and where, then leave. openStation has
    // already closed its handle; nothing here deletes, renames or "repairs" the file.
    logError('open station', err);
    const problem = describeStartupError(err, dbFile);
    dialog.showErrorBox(problem.title, `${problem.message}\n\n问题代码：${problem.code}`);
    app.exit(1);
    return;
  }

  // Prints go through this app's own Chromium (printToPDF), not a second browser.
  usePrinter(station, createElectronPdfRenderer());
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(session.defaultSession);
  removeInvokeHandler = registerInvokeHandler(station, isMainWindowContents);
  installMenu(() => mainWindow);
  mainWindow = createMainWindow(PRELOAD);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function isMainWindowContents(contents: WebContents): boolean {
  return mainWindow !== null && !mainWindow.isDestroyed() && contents.id === mainWindow.webContents.id;
}

function shutdown(): void {
  removeInvokeHandler?.();
  removeInvokeHandler = null;
  if (station !== null) {
    try {
      closeStation(station);
    } catch (err) {
      logError('close station', err);
    }
    station = null;
  }
}

function fatal(err: unknown): void {
  logError('start-up', err);
  shutdown();
  dialog.showErrorBox('扶贫工作站无法启动', '启动时发生意外错误，程序已退出。请联系县扶贫办技术人员。');
  app.exit(1);
}
