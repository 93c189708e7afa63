// The CLI calls the app's channels exactly as the renderer does: through dispatch (input validated by the contract,
// the same handler), a failure turned into the AppError the CLI prints in Vietnamese.
import { AppError } from '../contract/errors';
import type { Channel, In, Out } from '../contract/index';
import type { AppContext } from '../handler/context';
import { dispatch } from '../rpc/dispatch';

export async function callChannel<C extends Channel>(ctx: AppContext, name: C, input: In<C>): Promise<Out<C>> {
  const res = await dispatch(name, input, ctx);
  if (!res.ok) throw new AppError(res.error.code, res.error.message);
  return res.data as Out<C>;
}
