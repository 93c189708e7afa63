// The app's security policy as plain data and pure decisions, so unit tests can assert it without an
// Electron binary: window web preferences, CSP, navigation/window-open/permission rules.

/** Origin the packaged UI is served from (custom protocol, not file://). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://bundle';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Web preferences for every BrowserWindow; `preload` is the absolute path of the CommonJS preload bundle. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
  } as const;
}

/** Only the app's own origin (or the dev server in development) may be navigated to or call IPC. */
export function isTrustedOrigin(url: string, devServerUrl?: string | null): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === `${APP_SCHEME}:` && u.host === 'bundle') return true;
  if (devServerUrl) {
    try {
      return u.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Every permission request (camera, notifications, clipboard-read, file system...) is refused. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** External links open in the system browser only when https:, never inside the app. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An IPC call is accepted only from our own page's main frame (not an iframe, not another origin). */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, devServerUrl?: string | null): boolean {
  return !!frame && frame.parent === null && isTrustedOrigin(frame.url, devServerUrl);
}
