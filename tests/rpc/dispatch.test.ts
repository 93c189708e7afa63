import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-main/contract/index';
import { dispatch } from '../../src-main/rpc/dispatch';
import { isChannel, loadAllRooms } from '../../src-main/rpc/rooms';
import { makeTestApp, type TestApp } from '../helpers/context';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

describe('rpc dispatch', () => {
  it('has exactly one handler per contract channel, each room serving the channels it is named for', async () => {
    const handlers = await loadAllRooms(); // throws when two rooms serve one channel
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(contract).filter((c) => !isChannel(c))).toEqual([]);
  });

  it.each([['nope.nothing'], ['__proto__'], ['constructor'], [42], [null]])('rejects unknown channel %s', async (name) => {
    const res = await dispatch(name, {}, app.ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('rejects bad input with field messages in Vietnamese and writes nothing', async () => {
    const res = await dispatch('units.save', { code: 'a b', name: '', members: -3 }, app.ctx);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.message).toMatch(/Dữ liệu chưa hợp lệ/);
    expect(res.error.fields?.code).toMatch(/Mã chỉ gồm/);
    expect(res.error.fields?.members).toMatch(/âm/);
    expect(await app.call('units.list', {})).toEqual([]);
  });

  it('rejects wrong types such as a string for an id', async () => {
    const res = await dispatch('units.get', { id: '1; DROP TABLE units' }, app.ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('maps AppError to its code and message', async () => {
    const res = await dispatch('units.get', { id: 999 }, app.ctx);
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!res.ok) expect(res.error.message).toMatch(/Không tìm thấy đơn vị/);
  });

  it('normalises text to NFC at the boundary', async () => {
    const nfd = 'Công đoàn Trường'.normalize('NFD');
    const u = await app.call('units.save', { code: 'X1', name: `  ${nfd}  ` });
    expect(u.name).toBe('Công đoàn Trường'.normalize('NFC'));
    expect(u.name.length).toBe('Công đoàn Trường'.normalize('NFC').length);
  });

  it('saves and reads the organisation profile', async () => {
    const p = await app.call('settings.get', {});
    const saved = await app.call('settings.save', { ...p, ownOrg: 'LĐLĐ HUYỆN THĂNG BÌNH', placeName: 'Thăng Bình' });
    expect(saved.ownOrg).toBe('LĐLĐ HUYỆN THĂNG BÌNH');
    expect((await app.call('settings.get', {})).placeName).toBe('Thăng Bình');
    const bad = await dispatch('settings.save', { ...p, ownOrg: '' }, app.ctx);
    expect(bad.ok).toBe(false);
  });
});
