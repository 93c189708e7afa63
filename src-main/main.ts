// Electron main: wiring only. Single instance, app:// protocol, guards, database context, one IPC channel,
// the window. All behaviour lives in plain modules that also run under Node (browser mode, CLI, tests).
import { app, dialog, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { createContext, type RunningContext } from './runtime/create-context';
import { warmImportSoon } from './runtime/warm-import';
import { loadAllRooms } from './rpc/rooms';
import { registerScheme, serveBundle } from './platform/protocol';
import { createMainWindow, installSessionGuards } from './platform/window';
import { registerIpc } from './platform/ipc';
import { openWithSystem } from './platform/open-file';

const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null;
let win: BrowserWindow | null = null;
let ctx: RunningContext | null = null;

// Chromium's UI language decides how <input type="date"> shows dates: Vietnamese (dd/mm/yyyy) even on a Windows
// set to English, as many office PCs are. Must be set before 'ready'.
app.commandLine.appendSwitch('lang', 'vi');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerScheme();
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => ctx?.close());
  void app.whenReady().then(() => {
    try {
      ctx = { ...createContext({ mode: 'electron', version: app.getVersion() }), openFile: openWithSystem };
    } catch (err) {
      dialog.showErrorBox('Không mở được dữ liệu', err instanceof Error ? err.message : String(err));
      app.quit();
      return;
    }
    installSessionGuards();
    serveBundle(fileURLToPath(new URL('../renderer/', import.meta.url)));
    registerIpc(ctx, () => win, devServerUrl);
    // every room (its schemas and feature module) loaded now, while the window opens, not at a page's first call (rpc/rooms.ts)
    void loadAllRooms().catch((err: unknown) => console.error('[rpc] a feature module did not load', err));
    // the first import of the session runs at the speed of the later ones (runtime/warm-import.ts)
    warmImportSoon();
    win = createMainWindow(fileURLToPath(new URL('../preload/preload.cjs', import.meta.url)), devServerUrl);
  });
}
