// The packaging config must keep the hardening and data-safety settings (fuses, per-user NSIS, data kept).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

describe('electron-builder.yml', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
    ['perMachine', 'false'],
    ['allowElevation', 'false'],
    ['deleteAppDataOnUninstall', 'false'],
    ['asar', 'true'],
  ])('sets %s: %s', (key, value) => {
    expect(yml).toMatch(new RegExp(`^\\s*${key}: ${value}\\s*$`, 'm'));
  });

  it('builds an NSIS installer for Windows and the README commands exist', () => {
    expect(yml).toMatch(/target: nsis/);
    for (const s of ['start', 'test', 'web', 'cli', 'dist', 'bench']) expect(pkg.scripts[s], s).toBeTruthy();
  });
});

describe('Electron main', () => {
  it("sets Chromium's UI language to Vietnamese before the app is ready (dates show as dd/mm/yyyy)", () => {
    const main = readFileSync(new URL('../../src-main/main.ts', import.meta.url), 'utf8');
    const at = main.indexOf("app.commandLine.appendSwitch('lang', 'vi')");
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(main.indexOf('app.whenReady()'));
  });
});
