// Switching between the real data and the sample data: the backend swaps the data file, then the whole window is
// reloaded from the overview so that no page keeps figures of the other file.
import { rpc } from './rpc';

export async function switchData(to: 'demo' | 'real'): Promise<void> {
  await rpc(to === 'demo' ? 'demo.enter' : 'demo.leave', {});
  location.hash = '#/overview';
  location.reload();
}
