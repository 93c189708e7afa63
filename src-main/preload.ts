// Preload (sandboxed, CommonJS): exposes exactly two functions, rpc invoke and event subscription. No logic.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('danvan', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', name, input),
  on: (cb: (name: string, payload: unknown) => void): (() => void) => {
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => cb(name, payload);
    ipcRenderer.on('event', listener);
    return () => ipcRenderer.removeListener('event', listener);
  },
});
