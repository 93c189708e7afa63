// Short messages in the corner: success, error (stays until closed) and undo offers.
export interface Toast {
  id: number;
  kind: 'ok' | 'error' | 'info';
  text: string;
  action?: { label: string; run: () => void | Promise<void> };
}

class Toasts {
  list = $state<Toast[]>([]);
  #next = 1;
  show(kind: Toast['kind'], text: string, action?: Toast['action'], ms = kind === 'error' ? 0 : 6000): void {
    const id = this.#next++;
    this.list.push({ id, kind, text, ...(action ? { action } : {}) });
    if (ms) setTimeout(() => this.close(id), ms);
  }
  close(id: number): void {
    this.list = this.list.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
