// Versions read plainly (issue #14): "Bản 2, thay bản 1 nhận ngày 30/12/2023".
import { expect, it } from 'vitest';
import { versionLine } from '../../src-renderer/lib/version-line';

it("names the version it replaced and that version's received day", () => {
  const all = [
    { version: 1, receivedOn: '2023-12-30' },
    { version: 3, receivedOn: '2024-01-05' },
    { version: 2, receivedOn: '2024-01-02' },
  ];
  expect(versionLine(all[0]!, all)).toBe('Bản 1');
  expect(versionLine(all[2]!, all)).toBe('Bản 2, thay bản 1 nhận ngày 30/12/2023');
  expect(versionLine(all[1]!, all)).toBe('Bản 3, thay bản 2 nhận ngày 02/01/2024');
});
