// Word 97–2003 plans (.doc): told apart from other old Office files by content, read with word-extractor, and
// giving the same fields as the .docx they were saved from. The .doc is made at test time by LibreOffice from the
// Thăng Bình plan .docx (skipped, with a message, where LibreOffice is not installed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/errors';
import { documentExt } from '../../../src-main/docs/document-type';
import { extractPlan } from '../../../src-main/docs/extract-plan/index';
import { findOffice } from '../../helpers/office';
import { sniff } from '../../../src-main/bytes/file-sniff';
import { readDocumentText } from '../../../src-main/docs/read-document';
import { readIsolated } from '../../../src-main/gate/isolated';
import { buildPlanDocx, THANG_BINH_PLAN } from './helpers/plan-docx';

const office = findOffice();
if (!office) console.warn('plan-doc-word97: LibreOffice không có trên máy này — bỏ qua các phép thử tệp .doc.');

function toDoc(docx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-doc-'));
  try {
    writeFileSync(join(dir, 'ke-hoach.docx'), docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(
      office as string,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'doc', '--outdir', dir, join(dir, 'ke-hoach.docx')],
      { timeout: 120_000, stdio: 'ignore' },
    );
    return new Uint8Array(readFileSync(join(dir, 'ke-hoach.doc')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!office)('.doc plans', () => {
  let docx: Uint8Array;
  let doc: Uint8Array;
  beforeAll(async () => {
    docx = await buildPlanDocx(THANG_BINH_PLAN);
    doc = toDoc(docx);
  }, 150_000);

  it('is sniffed as a Word 97 document and kept as .doc', () => {
    expect(sniff(doc)).toBe('doc');
    expect(documentExt(doc)).toBe('doc');
  });

  it('gives the same fields as the .docx it was saved from', async () => {
    const fromDoc = extractPlan(await readDocumentText('ke-hoach.doc', doc));
    const fromDocx = extractPlan(await readDocumentText('ke-hoach.docx', docx));
    expect(fromDoc).toEqual(fromDocx);
    expect(fromDoc.number).toBe('15/KH-LĐLĐ');
    expect(fromDoc.signer.name).toBe('Nguyễn Thị Hoa');
  });

  it('reads through the gate (worker) like any plan document', async () => {
    const r = await readIsolated({ kind: 'plan', bytes: doc, fileName: 'ke-hoach.doc' });
    expect(r.ocr).toBeNull();
    expect(r.extract.title).toBe('Phối hợp làm công tác dân vận đợt 1 năm 2019');
  }, 60_000);

  it('a damaged .doc is refused with what to do', async () => {
    const broken = doc.slice();
    broken.fill(0xee, 0x4c, 0x200); // the compound file's sector table (DIFAT) overwritten
    const err = await readDocumentText('hong.doc', broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/hong\.doc.*Lưu thành/);
  });
});

describe.skipIf(!office)('a password-protected .doc', () => {
  it('is refused saying it has a password, not read as scrambled words', async () => {
    const doc = toDoc(await buildPlanDocx(THANG_BINH_PLAN));
    // The WordDocument stream starts on a 512-byte sector with the FIB magic 0xA5EC; set its fEncrypted flag.
    let fib = -1;
    for (let at = 512; at + 12 < doc.length; at += 512)
      if (doc[at] === 0xec && doc[at + 1] === 0xa5) {
        fib = at;
        break;
      }
    expect(fib).toBeGreaterThan(0);
    const locked = doc.slice();
    locked[fib + 0x0b] = (locked[fib + 0x0b] ?? 0) | 0x01;
    const err = await readDocumentText('ke-hoach-khoa.doc', locked).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/ke-hoach-khoa\.doc.*mật khẩu/);
  }, 150_000);
});

describe('other old Office files', () => {
  it('an .xls (also an OLE file) is not taken for a Word document', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Kế hoạch', 1]]), 'DS');
    const xls = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    expect(sniff(xls)).toBe('ole-other');
    expect(documentExt(xls)).toBeNull();
    const err = await readDocumentText('ke-hoach.xls', xls).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/không phải văn bản Word/);
  });
});
