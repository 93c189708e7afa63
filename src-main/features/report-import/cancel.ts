// Cancel tokens for long tasks (imports, exports). Each call opens its own token under a task id: the
// caller's `taskId` when it sent one, else the task name ('reports.preview' / 'reports.commit', which the
// renderer cancels by name). 'tasks.cancel' flags the tokens open under that id right now: a cancel never
// outlives the call it was meant for, and one call's taskId cannot stop another call.
export interface TaskToken {
  readonly id: string;
  readonly cancelled: boolean;
  /** Forget the token; call in `finally`. */
  close(): void;
}

const open = new Map<string, Set<{ cancelled: boolean }>>();

export function openTask(id: string): TaskToken {
  const state = { cancelled: false };
  const set = open.get(id) ?? new Set();
  set.add(state);
  open.set(id, set);
  return {
    id,
    get cancelled() {
      return state.cancelled;
    },
    close() {
      set.delete(state);
      if (set.size === 0 && open.get(id) === set) open.delete(id);
    },
  };
}

/** Flag every call running under `id`; false when none is running (nothing to cancel). */
export function requestCancel(id: string): boolean {
  const set = open.get(id);
  if (!set || set.size === 0) return false;
  for (const s of set) s.cancelled = true;
  return true;
}

/** Ids of the long tasks running right now (imports): restore waits for none to be running. */
export function openTaskIds(): string[] {
  return [...open.entries()].filter(([, set]) => set.size > 0).map(([id]) => id);
}
