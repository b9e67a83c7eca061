// A stand-in for the parts of Electron that electron/main uses, recording what main asks of it.
// No Electron binary exists on the CI machine; this lets the wiring of main.ts run for real
// (lifecycle, database, IPC gate, protocol, window hardening) against core and SQLite.
type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((l) => l(...args));
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  detached: boolean;
}

let nextContentsId = 1;

export class FakeSession {
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  beforeRequest: Listener | null = null;
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  deviceHandler: Listener | null = null;
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      this.handlers.set(scheme, handler);
    },
  };
  readonly webRequest = {
    onBeforeRequest: (listener: Listener) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(h: Listener) {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Listener) {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Listener) {
    this.deviceHandler = h;
  }
}

export class FakeWebContents extends Emitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null, detached: false };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  loadedUrls: string[] = [];
  /** What the page's own server answered for each load (print windows: the in-memory document). */
  loadedBodies: string[] = [];
  pdfCalls: Record<string, any>[] = [];
  printCalls: Record<string, any>[] = [];
  printOutcome: [boolean, string] = [true, ''];
  session: FakeSession | null = null;
  printToPDF(options: Record<string, any>): Promise<Buffer> {
    this.pdfCalls.push(options);
    return Promise.resolve(Buffer.from(`%PDF-fake ${this.loadedBodies.at(-1) ?? ''}`));
  }
  print(options: Record<string, any>, callback: (success: boolean, reason: string) => void): void {
    this.printCalls.push(options);
    setTimeout(() => callback(...this.printOutcome), 0);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.session?.handlers.get(scheme);
    if (handler) {
      const res = await handler(new Request(url));
      if (!res.ok) throw new Error(`ERR_FAILED ${res.status}`);
      this.loadedBodies.push(await res.text());
    }
  }
  /** A frame inside this page, for IPC sender tests. */
  subframe(url: string): FakeFrame {
    return { url, parent: this.mainFrame, detached: false };
  }
}

function createState() {
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    paths: new Map<string, string>(),
    lockGranted: true,
    quitCalls: 0,
    exitCodes: [] as number[],
    appPath: '',
    setPath(name: string, value: string) {
      this.paths.set(name, value);
    },
    getPath(name: string) {
      const value = this.paths.get(name);
      if (value === undefined) throw new Error(`fake electron: no path ${name}`);
      return value;
    },
    getAppPath() {
      return this.appPath;
    },
    getVersion: () => '0.1.0',
    requestSingleInstanceLock() {
      return this.lockGranted;
    },
    quit() {
      this.quitCalls += 1;
    },
    exit(code = 0) {
      this.exitCodes.push(code);
    },
    whenReady: () => Promise.resolve(),
    setAppUserModelId: (_id: string) => undefined,
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
      this.webContents.session = options.webPreferences?.session ?? defaultSession;
      app.emit('web-contents-created', {}, this.webContents);
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    destroy() {
      this.destroyed = true;
    }
    static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
  }

  const defaultSession = new FakeSession();
  const protocolHandlers = defaultSession.handlers;
  const partitions = new Map<string, FakeSession>();
  const fromPartition = (name: string): FakeSession => {
    let ses = partitions.get(name);
    if (!ses) partitions.set(name, (ses = new FakeSession()));
    return ses;
  };

  const ipcHandlers = new Map<string, Listener>();
  const privilegedSchemes: unknown[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const menus: { template: any[] }[] = [];
  const opened: string[] = [];
  /** What the save dialog answers (null: the user cancels), and what it was asked. */
  const saveDialog = { answer: null as string | null, calls: [] as { window: unknown; options: Record<string, any> }[] };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession, fromPartition },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
    },
    ipcMain: {
      handle(channel: string, handler: Listener) {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        ipcHandlers.delete(channel);
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      showMessageBox: async () => ({ response: 0 }),
      showSaveDialog: async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as Record<string, any>;
        saveDialog.calls.push({ window: args.length > 1 ? args[0] : null, options });
        return saveDialog.answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: saveDialog.answer };
      },
    },
    Menu: {
      buildFromTemplate: (template: any[]) => ({ template }),
      setApplicationMenu: (menu: { template: any[] }) => menus.push(menu),
    },
    shell: {
      openExternal: async (url: string) => void opened.push(url),
      openPath: async () => '',
    },
  };

  return { module, app, windows, defaultSession, partitions, protocolHandlers, ipcHandlers, privilegedSchemes, errorBoxes, menus, opened, saveDialog };
}

export type FakeElectron = ReturnType<typeof createState>;

interface Holder {
  current: FakeElectron;
  reset(): FakeElectron;
}

/**
 * One fake per test: call reset() before importing main.ts afresh. Kept on globalThis because
 * vi.resetModules() gives the mock factory and the test their own copies of this module.
 */
const g = globalThis as { __fupinFakeElectron?: Holder };
export const fakeElectron: Holder = (g.__fupinFakeElectron ??= {
  current: createState(),
  reset() {
    this.current = createState();
    return this.current;
  },
});

/** The module object vi.mock('electron') returns: every export reads the current fake. */
export function electronModule(): Record<string, unknown> {
  const names = Object.keys(fakeElectron.current.module) as (keyof FakeElectron['module'])[];
  const out: Record<string, unknown> = {};
  for (const name of names) Object.defineProperty(out, name, { enumerable: true, get: () => fakeElectron.current.module[name] });
  return out;
}
