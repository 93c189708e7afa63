// Chart.js for the renderer: only the pieces the dashboard uses are registered (tree-shaken), Vietnamese number
// format, the app's font and palette, and `chart(config)`, an {@attach} helper that creates the chart on its
// <canvas>, updates it in place when the config changes and destroys it when the canvas goes away.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "'Segoe UI', system-ui, -apple-system, Roboto, Arial, sans-serif";
Chart.defaults.color = '#5d6b7e';
Chart.defaults.borderColor = '#dde3ea';

/** The app's palette (app.css tokens) for series. */
export const COLORS = {
  primary: '#1f5fbf',
  ok: '#1b7f4b',
  warn: '#d08a1e',
  danger: '#c0352b',
  missing: '#e9b5b0',
  grid: '#dde3ea',
  text: '#1c2533',
};

const reduced = (): boolean => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const live = new WeakMap<HTMLCanvasElement, { chart: Chart; closing: boolean }>();

export function chart<T extends ChartType>(config: ChartConfiguration<T>): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const options = {
      locale: 'vi-VN',
      responsive: true,
      maintainAspectRatio: false,
      ...(reduced() ? { animation: false as const } : {}),
      ...config.options,
    };
    const cur = live.get(canvas);
    if (cur) {
      // Re-run after a config change: keep the chart, swap its data and options, animate to them.
      cur.closing = false;
      Object.assign(cur.chart, { data: config.data, options });
      cur.chart.update();
    } else {
      live.set(canvas, { chart: new Chart(canvas, { ...config, options } as ChartConfiguration), closing: false });
    }
    return () => {
      // Svelte tears the attachment down before every re-run: destroy only if no re-run follows.
      const entry = live.get(canvas);
      if (!entry) return;
      entry.closing = true;
      queueMicrotask(() => {
        if (entry.closing) {
          entry.chart.destroy();
          live.delete(canvas);
        }
      });
    };
  };
}
