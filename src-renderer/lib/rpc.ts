// The renderer's only door to the main process: a typed rpc() over the contract table, through the
// Electron preload bridge or, in browser mode, POST /rpc with the per-run token. Errors become RpcError.
import type { Channel, Envelope, ErrorBody, EventName, Events, In, Out } from '../../src-main/contract/index';
import { decodeWire, encodeWire } from '../../src-main/contract/wire';

interface Bridge {
  invoke: (name: string, input: unknown) => Promise<unknown>;
  on: (cb: (name: string, payload: unknown) => void) => () => void;
}

export class RpcError extends Error {
  readonly code: ErrorBody['code'];
  readonly fields: Record<string, string>;
  constructor(body: ErrorBody) {
    super(body.message);
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

const bridge = (globalThis as { danvan?: Bridge }).danvan;

function webToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('danvan-token', fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem('danvan-token') ?? '';
}
const token = bridge ? '' : webToken();

async function transport(name: string, input: unknown): Promise<Envelope<unknown>> {
  if (bridge) return (await bridge.invoke(name, input)) as Envelope<unknown>;
  let res: Response;
  try {
    res = await fetch('/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Danvan-Token': token },
      body: encodeWire({ name, input }),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Mất kết nối tới máy chủ "npm run web". Hãy kiểm tra cửa sổ lệnh còn chạy không.' },
    };
  }
  return decodeWire(await res.text()) as Envelope<unknown>;
}

export async function rpc<C extends Channel>(name: C, input: In<C>): Promise<Out<C>> {
  const env = await transport(name, input);
  if (!env.ok) throw new RpcError(env.error);
  return env.data as Out<C>;
}

type Listener = (name: EventName, payload: unknown) => void;
const listeners = new Set<Listener>();
let started = false;
function start(): void {
  if (started) return;
  started = true;
  const fire = (name: string, payload: unknown) => listeners.forEach((l) => l(name as EventName, payload));
  if (bridge) bridge.on(fire);
  else {
    const es = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    es.onmessage = (m) => {
      const { name, payload } = decodeWire(String(m.data)) as { name: string; payload: unknown };
      fire(name, payload);
    };
  }
}

export function onEvent<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
  start();
  const l: Listener = (name, payload) => {
    if (name === event) cb(payload as Events[E]);
  };
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Message for any error thrown by rpc or code around it. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : 'Đã xảy ra lỗi không mong muốn.';
}
