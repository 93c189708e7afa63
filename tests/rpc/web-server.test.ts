import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { decodeWire, encodeWire } from '../../src-main/contract/wire';
import { startWebServer, type WebServer } from '../../src-main/runtime/web-server';
import { makeTestApp, type TestApp } from '../helpers/context';

let app: TestApp;
let server: WebServer;
beforeAll(async () => {
  app = makeTestApp();
  const staticDir = join(app.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(app.dir, 'secret.txt'), 'secret');
  server = await startWebServer({ ctx: app.ctx, staticDir });
});
afterAll(async () => {
  await server.close();
  app.close();
});

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}
const host = () => `127.0.0.1:${server.port}`;
const rpcBody = encodeWire({ name: 'units.list', input: {} });

describe('browser mode server', () => {
  it('listens on loopback and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('answers rpc with the right token, including bytes through the wire format', async () => {
    const ok = await raw('/rpc', { method: 'POST', headers: { host: host(), 'x-danvan-token': server.token }, body: rpcBody });
    expect(ok.status).toBe(200);
    expect(decodeWire(ok.body)).toEqual({ ok: true, data: [] });
    const exp = await raw('/rpc', {
      method: 'POST',
      headers: { host: host(), 'x-danvan-token': server.token },
      body: encodeWire({ name: 'units.export', input: {} }),
    });
    const env = decodeWire(exp.body) as { ok: boolean; data: { bytes: Uint8Array } };
    expect(env.data.bytes).toBeInstanceOf(Uint8Array);
    expect(env.data.bytes[0]).toBe(0x50);
  });

  it.each([
    ['no token', {}],
    ['wrong token', { 'x-danvan-token': 'f'.repeat(48) }],
    ['short token', { 'x-danvan-token': 'abc' }],
  ])('refuses rpc with %s', async (_n, headers: Record<string, string>) => {
    const r = await raw('/rpc', { method: 'POST', headers: { host: host(), ...headers }, body: rpcBody });
    expect(r.status).toBe(401);
    expect(r.body).toMatch(/forbidden/);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const r = await raw('/rpc', { method: 'POST', headers: { host: 'evil.example:80', 'x-danvan-token': server.token }, body: rpcBody });
    expect(r.status).toBe(421);
    const o = await raw('/rpc', {
      method: 'POST',
      headers: { host: host(), origin: 'http://evil.example', 'x-danvan-token': server.token },
      body: rpcBody,
    });
    expect(o.status).toBe(403);
  });

  it('refuses event stream without token and path traversal', async () => {
    expect((await raw('/events', { headers: { host: host() } })).status).toBe(401);
    expect((await raw('/../secret.txt', { headers: { host: host() } })).body).not.toContain('secret');
    expect((await raw('/%2e%2e/secret.txt', { headers: { host: host() } })).status).toBe(404);
  });

  it('serves the UI with a CSP header', async () => {
    const r = await raw('/', { headers: { host: host() } });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('a malformed percent-escape in the path is a 400, not a server error', async () => {
    for (const path of ['/%zz', '/%E0%A4%A', '/assets/%']) {
      const r = await raw(path, { headers: { host: host() } });
      expect(r.status).toBe(400);
    }
  });
});
