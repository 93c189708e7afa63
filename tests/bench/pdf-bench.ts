// PDF bench (issue #17, goal ≤ 1 s): the consolidated báo cáo of a 50-unit plan (every unit reporting, through the
// real import) rendered to PDF in the app, against LibreOffice converting the same .docx where it is installed.
// `npx tsx tests/bench/pdf-bench.ts [--units 50] [--rounds 5] [--out DIR]`. Prints figures, asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTestApp } from '../helpers/context';
import { setupPlan, UNITS } from '../rpc/consolidation-fixture';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const nUnits = Number(arg('--units', '50'));
const rounds = Number(arg('--rounds', '5'));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${Math.round(x)} ms`;

const units = [
  ...UNITS,
  ...Array.from({ length: Math.max(0, nUnits - UNITS.length) }, (_, i) => ({
    code: `CD${String(i + 1).padStart(3, '0')}`,
    name: `Công đoàn ${['Trường Tiểu học', 'Trạm Y tế xã', 'Công ty TNHH May mặc', 'Hợp tác xã Dịch vụ', 'Ủy ban nhân dân xã'][i % 5]} Bình ${['Quý', 'Định', 'Phục', 'Trung', 'Nguyên', 'Sa', 'Tú', 'Hải', 'Dương'][i % 9]} ${i + 1}`,
  })),
].slice(0, nUnits);

const app = makeTestApp();
const dir = mkdtempSync(join(tmpdir(), 'danvan-pdf-bench-'));
try {
  const f = await setupPlan(app, { units });
  for (let i = 0; i < units.length; i++) {
    await f.submit(
      i,
      i % 7 === 0 ? '2024-01-03' : '2023-12-30',
      {
        CT01: 2 + (i % 5),
        CT08: i % 3 === 0 ? 1 : 0,
        'CT08#2': i % 3 === 0 ? 50 : 0,
        CT25: 3 + (i % 4),
        TL01: 60 + (i % 40),
        MX01: 100 + i,
        TX01: `Mô hình "Bữa cơm công đoàn" số ${i + 1}`,
      },
      {
        4: `Tổ chức ${2 + (i % 5)} buổi tuyên truyền pháp luật cho đoàn viên, người lao động tại đơn vị.`,
        10: i % 4 === 0 ? 'Kinh phí hoạt động còn hạn chế, đoàn viên phân tán.' : '',
        13: i % 6 === 0 ? 'Đề nghị LĐLĐ huyện hỗ trợ kinh phí xây nhà Mái ấm Công đoàn.' : '',
      },
    );
  }
  const docx = (await app.call('consolidation.exportDocx', { planId: f.plan.id, date: '2024-01-06', number: '03/BC-LĐLĐ' })).bytes;
  const docxFile = join(dir, 'bao-cao.docx');
  writeFileSync(docxFile, docx);

  // in the app: the first PDF of a session loads the renderer (pdfkit) and parses the fonts; later ones do not
  // wall time, and this process's CPU time (the wall time on a shared machine includes waiting for a core)
  const cpu = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;
  let t = performance.now();
  let c0 = process.cpuUsage();
  const { docxToPdf } = await import('../../src-main/docs/pdf/index');
  const load = performance.now() - t;
  const loadCpu = cpu(process.cpuUsage(c0));
  let pdf = await docxToPdf(docx);
  const cold = performance.now() - t;
  const coldCpu = cpu(process.cpuUsage(c0));
  const warm: number[] = [];
  const warmCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    t = performance.now();
    c0 = process.cpuUsage();
    pdf = await docxToPdf(docx);
    warm.push(performance.now() - t);
    warmCpu.push(cpu(process.cpuUsage(c0)));
  }
  writeFileSync(join(dir, 'bao-cao.app.pdf'), pdf);
  const pages = (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  console.log(
    `báo cáo tổng hợp, ${units.length} đơn vị: .docx ${Math.round(docx.byteLength / 1024)} KB, PDF ${pages} trang, ${Math.round(pdf.byteLength / 1024)} KB`,
  );
  console.log(`in-app PDF: loading the renderer (pdfkit; here also compiling our TypeScript) ${ms(load)} (CPU ${ms(loadCpu)})`);
  console.log(
    `in-app PDF: first of the session ${ms(cold)} (CPU ${ms(coldCpu)}) including that load, then median ${ms(median(warm))} (CPU ${ms(median(warmCpu))}) over ${rounds} (${warm.map(ms).join(', ')})`,
  );
  console.log(
    `load average while measuring: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );

  const office = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
  if (!office) console.log('LibreOffice: not installed here, no baseline');
  else {
    const lo: number[] = [];
    for (let r = 0; r < Math.min(rounds, 3); r++) {
      const profile = pathToFileURL(join(dir, `profile-${r}`)).href;
      t = performance.now();
      execFileSync(
        office,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), docxFile],
        { stdio: 'ignore', timeout: 180_000 },
      );
      lo.push(performance.now() - t);
    }
    const loPages = (readFileSync(join(dir, 'lo', 'bao-cao.pdf'), 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    console.log(
      `LibreOffice (${office} --convert-to pdf, fresh profile each run as the app did): median ${ms(median(lo))} (${lo.map(ms).join(', ')}), ${loPages} pages`,
    );
    console.log(`ratio LibreOffice / in-app: first ${(median(lo) / cold).toFixed(1)}×, warm ${(median(lo) / median(warm)).toFixed(1)}×`);
  }
  const out = arg('--out', '');
  if (out) execFileSync('cp', ['-r', dir + '/.', out]);
} finally {
  app.close();
  rmSync(dir, { recursive: true, force: true });
}
