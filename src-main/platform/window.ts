// The main window: secure web preferences from security/policy, the app:// UI, and guards on navigation,
// new windows, webviews and permissions. The only window factory in the app.
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { decidePermission, isSafeExternalUrl, isTrustedOrigin, secureWebPreferences, APP_ORIGIN } from '../security/policy';

function installGuards(contents: WebContents, devServerUrl: string | null): void {
  contents.on('will-navigate', (e, url) => {
    if (!isTrustedOrigin(url, devServerUrl)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isTrustedOrigin(url, devServerUrl)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installSessionGuards(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(decidePermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));
}

export function createMainWindow(preload: string, devServerUrl: string | null): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Dân vận',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preload),
  });
  installGuards(win.webContents, devServerUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
