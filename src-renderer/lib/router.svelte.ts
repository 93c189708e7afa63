// Hash router: the current page id and params as $state, following location.hash (#/units, #/settings).
import { markNavigation } from './perf-marks';
export const PAGES = ['overview', 'plans', 'reports', 'models', 'units', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

function parse(hash: string): { page: PageId; params: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as PageId) : 'overview';
  return { page, params: new URLSearchParams(query) };
}

class Router {
  current = $state(parse(location.hash));
  constructor() {
    markNavigation(this.current.page);
    addEventListener('hashchange', () => {
      this.current = parse(location.hash);
      markNavigation(this.current.page);
    });
  }
  go(page: PageId, params?: Record<string, string>): void {
    const q = params ? `?${new URLSearchParams(params).toString()}` : '';
    location.hash = `#/${page}${q}`;
  }
}

export const router = new Router();
