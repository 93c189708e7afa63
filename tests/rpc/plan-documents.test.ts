// Plan source documents are stored and opened only as the types we read, judged by content: a .hta, .cmd or
// "ke-hoach.pdf.exe" never reaches the system's "open" as something Windows would run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FileOut } from '../../src-main/contract/common';
import { putDocument } from '../../src-main/db/documents';
import { makeTestApp, type TestApp } from '../helpers/context';

let app: TestApp;
let opened: FileOut[];
beforeEach(() => {
  app = makeTestApp();
  opened = [];
  app.ctx.openFile = (f) => void opened.push(f);
});
afterEach(() => app.close());

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const pdf = new Uint8Array(readFileSync(new URL('../fixtures/plans/ke-hoach-thang-binh-text.pdf', import.meta.url)));
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Uint8Array(200)]);
const counts = () => ['plans', 'documents'].map((t) => (app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);
const save = (name: string, bytes: Uint8Array) =>
  app.call('plans.save', {
    title: 'Kế hoạch dân vận khéo năm 2024',
    status: 'du_thao',
    assignment: 'picked',
    unitIds: [],
    targets: [],
    document: { name, bytes },
  });

async function openedAs(name: string, bytes: Uint8Array): Promise<FileOut> {
  const p = await save(name, bytes);
  const r = await app.call('plans.document', { id: p.id });
  expect(r.opened).toBe(true);
  expect(opened).toHaveLength(1);
  return opened[0]!;
}

describe('plan source documents', () => {
  it('a .hta (HTML text) is stored and opened as .txt', async () => {
    const f = await openedAs('ke-hoach.hta', utf8('<html><script>new ActiveXObject("WScript.Shell").Run("calc")</script></html>'));
    expect(f.name).toBe('ke-hoach.txt');
    expect(f.mime).toMatch(/^text\/plain/);
  });

  it('a .cmd script is stored and opened as .txt', async () => {
    const f = await openedAs('chay.cmd', utf8('@echo off\r\ndel /q C:\\*\r\n'));
    expect(f.name).toBe('chay.txt');
  });

  it('a real PDF named "ke-hoach.pdf.exe" is stored and opened as ke-hoach.pdf', async () => {
    const f = await openedAs('ke-hoach.pdf.exe', pdf);
    expect(f.name).toBe('ke-hoach.pdf');
    expect(f.mime).toBe('application/pdf');
  });

  it('a program named "ke-hoach.pdf.exe" is refused and nothing is written', async () => {
    const before = counts();
    await expect(save('ke-hoach.pdf.exe', exe)).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringMatching(/\.pdf.*\.docx/),
    });
    expect(counts()).toEqual(before);
  });

  it('a program stored before this check is never handed to the system to open', async () => {
    const p = await save('ke-hoach.pdf', pdf);
    const docId = putDocument(app.ctx.db, 'ke-hoach.pdf.exe', exe, new Date().toISOString());
    app.ctx.db.prepare('UPDATE plans SET document_id = ? WHERE id = ?').run(docId, p.id);
    await expect(app.call('plans.document', { id: p.id })).rejects.toMatchObject({ code: 'bad_file' });
    expect(opened).toEqual([]);
  });
});

describe('documentName', () => {
  it('replaces only the last extension, and a doubled one that names the same type', async () => {
    const { documentName } = await import('../../src-main/docs/document-type');
    expect(documentName('ke-hoach.pdf.exe', 'pdf')).toBe('ke-hoach.pdf');
    expect(documentName('KH.LDLD.pdf', 'pdf')).toBe('KH.LDLD.pdf');
    expect(documentName('Kế hoạch 12-KH.LĐLĐ', 'docx')).toBe('Kế hoạch 12-KH.LĐLĐ.docx');
    expect(documentName('a.pdf.exe', 'txt')).toBe('a.pdf.txt');
    expect(documentName('..\\..\\x.hta', 'txt')).toBe('.._.._x.txt');
    expect(documentName('.exe', 'txt')).toBe('van-ban.txt');
  });
});
