// Serving the built UI from app://bundle/ (not file://) with path containment and the CSP header.
import { net, protocol } from 'electron';
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../security/policy';

export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Resolve a request path inside root, or null if it escapes (../, symlinks) or does not exist. */
function containedPath(root: string, pathname: string): string | null {
  try {
    const realRoot = realpathSync(root);
    const file = realpathSync(join(realRoot, decodeURIComponent(pathname)));
    return file === realRoot || file.startsWith(realRoot + sep) ? file : null;
  } catch {
    return null;
  }
}

export function serveBundle(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    const file = url.host === 'bundle' ? containedPath(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
