// What a handler is (its input parsed by the contract, the context, its output) and how the feature modules' handler
// tables are merged into one: a channel served twice is an error at start, not a silent override.
import type { Channel, Out, Parsed } from '../contract/index';
import type { AppContext } from './context';

export type Handler<C extends Channel> = (input: Parsed<C>, ctx: AppContext) => Out<C> | Promise<Out<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

type Part = Partial<Record<Channel, unknown>>;
type Merged<P extends readonly Part[]> = P extends readonly [infer H, ...infer T extends readonly Part[]] ? H & Merged<T> : unknown;

/** One table from the features' tables; throws (naming the channel) when two tables serve the same channel. */
export function mergeHandlers<P extends readonly Part[]>(...parts: P): Merged<P> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, fn] of Object.entries(part)) {
      if (name in out) throw new Error(`Kênh "${name}" được xử lý ở hai nơi (trùng tên kênh giữa các mô-đun tính năng).`);
      out[name] = fn;
    }
  }
  return out as Merged<P>;
}
