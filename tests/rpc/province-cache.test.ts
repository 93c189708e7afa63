// The province view reads districts' packages from the stored documents and keeps what it read: kept by content,
// never by document id — another database (a restore, the demo, a second test) has other files under the same ids.
import { afterEach, describe, expect, it } from 'vitest';
import { importHeadless } from '../../src-main/features/report-import/one-pass';
import { makeDistrict, makeProvince, type District, type Province } from '../helpers/province-gen';

const open: { close: () => void }[] = [];
afterEach(() => open.splice(0).forEach((x) => x.close()));

async function provinceWith(units: number): Promise<{ prov: Province; district: District }> {
  const district = await makeDistrict(0, units);
  const prov = await makeProvince(1);
  open.push(district.app, prov.app);
  const r = await importHeadless(
    prov.app.ctx,
    prov.planId,
    [{ ...district.pkg, lastModified: Date.parse('2025-12-13T09:00:00+07:00') }],
    false,
  );
  expect(r.files[0]!.status).toBe('imported');
  return { prov, district };
}

describe('province view cache', () => {
  it('two databases with a package under the same document id each show their own package', async () => {
    const a = await provinceWith(3);
    const oa = await a.prov.app.call('province.overview', { planId: a.prov.planId });
    expect(oa.districts[0]!.coverage?.expected).toBe(3);
    const b = await provinceWith(5);
    const ob = await b.prov.app.call('province.overview', { planId: b.prov.planId });
    expect(ob.districts[0]!.coverage?.expected).toBe(5);
  });
});
