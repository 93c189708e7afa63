// data.changed names what changed from a fixed list (DATA_ENTITIES): pages waiting for 'indicators' reload when an
// indicator is saved or retired (nothing sent 'indicators' before).
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_ENTITIES } from '../../src-main/contract/index';
import { makeTestApp, type TestApp } from '../helpers/context';

let app: TestApp;
afterEach(() => app.close());

function changes(a: TestApp): string[] {
  const seen: string[] = [];
  a.ctx.events.on('event', (name: string, payload: { entity?: string }) => {
    if (name === 'data.changed' && payload.entity) seen.push(payload.entity);
  });
  return seen;
}

describe('data.changed events', () => {
  it('saving and retiring an indicator tells the pages "indicators"', async () => {
    app = makeTestApp();
    const seen = changes(app);
    const i = await app.call('indicators.save', {
      code: 'CT90',
      groupCode: 'I',
      groupLabel: 'Tuyên truyền',
      label: 'Số buổi tuyên truyền',
      unit: 'buổi',
      aggregation: 'sum',
    });
    expect(seen).toEqual(['indicators']);
    await app.call('indicators.setRetired', { id: i.id, retired: true });
    expect(seen).toEqual(['indicators', 'indicators']);
    expect(DATA_ENTITIES).toContain('indicators');
  });
});
