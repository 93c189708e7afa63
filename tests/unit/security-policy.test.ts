import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CONTENT_SECURITY_POLICY,
  decidePermission,
  isSafeExternalUrl,
  isTrustedOrigin,
  isTrustedSender,
  secureWebPreferences,
} from '../../src-main/security/policy';

describe('Electron security policy', () => {
  it('locks down every window', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('has a CSP that allows only our own scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    const html = readFileSync(new URL('../../src-renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain("script-src 'self'");
  });

  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle.evil.com/', false],
    ['app://other/', false],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/system.ini', false],
    ['https://example.com/', false],
    ['C:\\Users\\a\\bao-cao.xlsx', false],
    ['not a url', false],
  ])('navigation to %s allowed=%s', (url, ok) => {
    expect(isTrustedOrigin(url)).toBe(ok);
  });

  it('trusts the dev server only when one is configured', () => {
    expect(isTrustedOrigin('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedOrigin('http://localhost:5173/')).toBe(false);
    expect(isTrustedOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('accepts IPC only from our main frame', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: {} })).toBe(false); // an iframe
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, 'http://localhost:5173')).toBe(true);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fileSystem', 'openExternal', 'unknown'])(
    'denies permission %s',
    (perm) => {
      expect(decidePermission(perm)).toBe(false);
    },
  );

  it('opens only https links externally', () => {
    expect(isSafeExternalUrl('https://congdoan.vn')).toBe(true);
    for (const u of ['http://x', 'file:///c:/', 'smb://server/share', 'javascript:1', 'ms-msdt:x'])
      expect(isSafeExternalUrl(u)).toBe(false);
  });

  it('keeps the preload to the two bridge functions and electron out of pure code', () => {
    const preload = readFileSync(new URL('../../src-main/preload.ts', import.meta.url), 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload).toMatch(/invoke:/);
    expect(preload).toMatch(/on:/);
  });
});
