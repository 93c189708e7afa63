// Page timings for the page bench (issue #17): the router marks `nav:<page>` on every navigation, and a page (or a
// panel of it: 'reports.tong-hop') calls pageReady(name) once its data is on screen; the first ready after each
// navigation records the measure `page:<name>` (navigation -> rendered) that tests/bench/pages-bench.ts reads.
import { tick } from 'svelte';

let navigation = 0;
const recorded = new Map<string, number>();

/** A page is being opened (called by the router, also for the page shown at start). */
export function markNavigation(page: string): void {
  navigation++;
  performance.clearMarks(`nav:${page}`); // only the latest is measured from; nothing piles up in a long session
  performance.mark(`nav:${page}`);
}

/** The data of `name` is rendered: measure from the latest navigation to its page, once per navigation. */
export async function pageReady(name: string): Promise<void> {
  const at = navigation;
  await tick(); // the DOM holds the data once Svelte has flushed
  if (at !== navigation || recorded.get(name) === at) return;
  recorded.set(name, at);
  const page = name.split('.')[0]!;
  if (!performance.getEntriesByName(`nav:${page}`, 'mark').length) return;
  performance.clearMarks(`ready:${name}`);
  performance.clearMeasures(`page:${name}`);
  performance.mark(`ready:${name}`);
  performance.measure(`page:${name}`, `nav:${page}`, `ready:${name}`);
}
