// The one IPC channel: checks the sender (our origin, main frame) before handing the call to dispatch,
// and forwards main-process events to the window.
import { ipcMain, type BrowserWindow } from 'electron';
import { dispatch } from '../rpc/dispatch';
import type { RunningContext } from '../runtime/create-context';
import { isTrustedSender } from '../security/policy';

export function registerIpc(ctx: RunningContext, getWindow: () => BrowserWindow | null, devServerUrl: string | null): void {
  ipcMain.handle('rpc', async (e, name: unknown, input: unknown) => {
    if (!isTrustedSender(e.senderFrame, devServerUrl)) return { ok: false, error: { code: 'forbidden', message: 'Yêu cầu không hợp lệ.' } };
    return dispatch(name, input, ctx);
  });
  ctx.events.on('event', (name: string, payload: unknown) => getWindow()?.webContents.send('event', name, payload));
}
