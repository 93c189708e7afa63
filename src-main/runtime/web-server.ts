// Browser mode server: serves the built renderer and one POST /rpc endpoint on 127.0.0.1 that calls the
// same dispatch as Electron. Every call needs the per-run token; the Host header must be ours (DNS rebinding).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { decodeWire, encodeWire } from '../contract/wire';
import { dispatch } from '../rpc/dispatch';
import type { RunningContext } from './create-context';
import { CONTENT_SECURITY_POLICY } from '../security/policy';

const MAX_BODY = 200 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close: () => Promise<void>;
}

function tokenOk(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(opts: { ctx: RunningContext; staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const root = await realpath(opts.staticDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const sseClients = new Set<ServerResponse>();
  opts.ctx.events.on('event', (name: string, payload: unknown) => {
    for (const c of sseClients) c.write(`data: ${encodeWire({ name, payload })}\n\n`);
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch(() =>
      send(res, 500, encodeWire({ ok: false, error: { code: 'internal', message: 'Lỗi máy chủ nội bộ.' } })),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, '{"error":"host"}');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') return send(res, 405, '{"error":"method"}');
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return send(res, 403, '{"error":"origin"}');
      if (!tokenOk(req.headers['x-danvan-token'] as string | undefined, token))
        return send(
          res,
          401,
          encodeWire({
            ok: false,
            error: { code: 'forbidden', message: 'Phiên làm việc không hợp lệ. Hãy mở lại đường dẫn in ra khi chạy "npm run web".' },
          }),
        );
      const body = await readBody(req);
      if (body === null) return send(res, 413, encodeWire({ ok: false, error: { code: 'bad_file', message: 'Dữ liệu gửi lên quá lớn.' } }));
      let msg: { name?: unknown; input?: unknown };
      try {
        msg = decodeWire(body) as { name?: unknown; input?: unknown };
      } catch {
        return send(res, 400, encodeWire({ ok: false, error: { code: 'invalid_input', message: 'Yêu cầu không hợp lệ.' } }));
      }
      const envelope = await dispatch(msg?.name, msg?.input, opts.ctx);
      return send(res, 200, encodeWire(envelope));
    }
    if (url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token'), token)) return send(res, 401, '{"error":"token"}');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': ok\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{"error":"method"}');
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(res, 400, 'Bad request', 'text/plain'); // a malformed %-escape ("/%zz") is the client's error
    }
    try {
      const file = await realpath(join(root, rel));
      if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found', 'text/plain');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      send(res, 404, 'Not found', 'text/plain');
    }
  }

  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        for (const c of sseClients) c.end();
        server.close(() => ok());
        // keep-alive and half-closed browser connections would otherwise hold close() open
        server.closeAllConnections();
      }),
  };
}
