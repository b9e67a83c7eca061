// The one application window and the rules every web page in the process lives by: it stays on
// app://fupin, opens no windows, gets no permissions, embeds no <webview>.
import { app, BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { logError, logInfo } from '../core/log';
import { APP_ENTRY_URL, isAllowedExternalUrl, isAllowedNavigation } from './url-policy';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '扶贫工作站',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // A failed load must not leave an invisible window holding the single-instance lock.
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
    logError('load main window', err);
    if (!win.isDestroyed()) win.show();
  });
  return win;
}

/** Applied to every webContents the app ever creates (window, print windows, devtools aside). */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank: only an allowlisted https page, and only in the OS browser.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    else logInfo('blocked a window.open / target=_blank');
    return { action: 'deny' };
  });
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      logInfo('blocked a navigation away from app://fupin');
    }
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No camera, microphone, geolocation, notifications, USB, serial, HID, clipboard reads… */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/** Every webContents, including ones created later (print windows), gets the same rules. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
