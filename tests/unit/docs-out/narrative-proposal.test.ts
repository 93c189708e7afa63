// The units' narratives condensed for the báo cáo: Vietnamese sentence splitting (abbreviations, numbers), the
// concreteness score, near-duplicate merging with every unit kept, and the attribution printed after each sentence.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src-main/text/vi-sentences';
import {
  attributed,
  nearDuplicate,
  proposeSentences,
  scoreSentence,
  shortUnitName,
} from '../../../src-main/docs/report/narrative-proposal';

describe('splitSentences', () => {
  it('splits on ". " but not inside TP. HCM, Q.1, 1.234 or a person’s initial', () => {
    const s = splitSentences('Đoàn viên dự hội thao tại TP. HCM và Q.1 với 1.234 lượt người. Ông Nguyễn V. An phát biểu. Xong rồi!');
    expect(s).toEqual(['Đoàn viên dự hội thao tại TP. HCM và Q.1 với 1.234 lượt người.', 'Ông Nguyễn V. An phát biểu.', 'Xong rồi!']);
  });
  it('splits bullets and lines, drops bare numbering, keeps NFC', () => {
    const nfd = 'Trao 5 suất quà'.normalize('NFD');
    const s = splitSentences(`1. Kết quả\n- ${nfd} cho công nhân;\n+ Tổ chức 2 buổi tọa đàm.\n• Vận động 30 đoàn viên hiến máu`);
    expect(s).toEqual(['Kết quả', 'Trao 5 suất quà cho công nhân;', 'Tổ chức 2 buổi tọa đàm.', 'Vận động 30 đoàn viên hiến máu']);
    expect(s[1]).toBe(s[1]!.normalize('NFC'));
  });
  it('does not split "v.v." or a lower-case continuation', () => {
    expect(splitSentences('Hỗ trợ gạo, mì, dầu ăn v.v. cho hộ nghèo. Đạt yêu cầu.')).toEqual([
      'Hỗ trợ gạo, mì, dầu ăn v.v. cho hộ nghèo.',
      'Đạt yêu cầu.',
    ]);
  });
});

describe('scoreSentence', () => {
  it('puts a sentence with numbers, places and named activities above a stock phrase', () => {
    const concrete = scoreSentence('Phối hợp Đoàn xã Bình An tổ chức hội thi "Gia đình công nhân hạnh phúc" với 120 đoàn viên tham gia.');
    const stock = scoreSentence('Công đoàn đã tích cực, chủ động triển khai thực hiện nghiêm túc, kịp thời theo kế hoạch.');
    expect(concrete).toBeGreaterThan(stock + 5);
  });
});

describe('proposeSentences', () => {
  const items = [
    {
      unitCode: 'A',
      unitName: 'Công đoàn Trường THCS Lê Lợi',
      text: 'Đơn vị đã tích cực triển khai thực hiện nghiêm túc. Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân khu trọ thôn 2, xã Bình An.',
    },
    {
      unitCode: 'B',
      unitName: 'Công đoàn Trạm Y tế xã Bình An',
      text: 'Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân khu trọ thôn 2 xã Bình An. Cán bộ quan tâm, nhiệt tình.',
    },
    {
      unitCode: 'C',
      unitName: 'CĐCS Chợ Hà Lam',
      text: 'Vận động 45 đoàn viên hiến máu tình nguyện tại Trung tâm Y tế huyện, thu được 45 đơn vị máu.',
    },
  ];

  it('ranks concrete sentences first and keeps stock phrases out when the limit is short', () => {
    const p = proposeSentences(items, { limit: 2 });
    expect(p).toHaveLength(2);
    expect(p.map((x) => x.text).join(' ')).not.toMatch(/tích cực|nhiệt tình/);
    expect(p.some((x) => x.text.startsWith('Vận động 45 đoàn viên'))).toBe(true);
  });

  it('merges a near duplicate written by two units and names both', () => {
    const p = proposeSentences(items, { limit: 10 });
    const merged = p.filter((x) => x.text.startsWith('Tổ chức 3 buổi tuyên truyền'));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.units.map((u) => u.code)).toEqual(['A', 'B']);
    expect(attributed(merged[0]!.text, merged[0]!.units)).toMatch(/\(CĐCS Trường THCS Lê Lợi, CĐCS Trạm Y tế xã Bình An\)\.$/);
  });

  it('is deterministic and keeps unrelated sentences apart', () => {
    expect(proposeSentences(items, { limit: 5 })).toEqual(proposeSentences(items, { limit: 5 }));
    expect(nearDuplicate('Tổ chức 3 buổi tuyên truyền pháp luật.', 'Vận động 45 đoàn viên hiến máu tình nguyện.')).toBe(false);
  });

  it('prints the unit in the office’s short form', () => {
    expect(shortUnitName('Công đoàn cơ sở Công ty TNHH Minh Phát')).toBe('CĐCS Công ty TNHH Minh Phát');
    expect(shortUnitName('CĐCS Chợ Hà Lam')).toBe('CĐCS Chợ Hà Lam');
    expect(attributed('Trao 5 suất quà;', [{ code: 'C', name: 'Công đoàn Chợ Hà Lam' }])).toBe('Trao 5 suất quà (CĐCS Chợ Hà Lam).');
  });
});

describe('merging and attribution limits', () => {
  it('never merges sentences whose figures differ: they are different facts', () => {
    expect(
      nearDuplicate('Trao 20 suất quà cho đoàn viên khó khăn tại xã Bình An.', 'Trao 35 suất quà cho đoàn viên khó khăn tại xã Bình An.'),
    ).toBe(false);
    expect(
      nearDuplicate(
        'Trao 20 suất quà cho đoàn viên khó khăn tại xã Bình An.',
        'Trao 20 suất quà cho các đoàn viên khó khăn tại xã Bình An.',
      ),
    ).toBe(true);
  });

  it('names up to four units, then the first three and how many more', () => {
    const units = ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => ({ code: c, name: `Công đoàn Trường ${c}` }));
    expect(attributed('Kinh phí còn hạn chế.', units.slice(0, 4))).toBe(
      'Kinh phí còn hạn chế (CĐCS Trường A, CĐCS Trường B, CĐCS Trường C, CĐCS Trường D).',
    );
    expect(attributed('Kinh phí còn hạn chế.', units)).toBe(
      'Kinh phí còn hạn chế (CĐCS Trường A, CĐCS Trường B, CĐCS Trường C và 3 CĐCS khác).',
    );
  });
});

describe('variety', () => {
  it('prefers a different activity over a second variant of the best one', () => {
    const items = [1, 2, 3].map((k) => ({
      unitCode: `U${k}`,
      unitName: `Công đoàn Trường ${k}`,
      text: `Vận động đoàn viên đóng góp ${k}5 triệu đồng xây dựng ${k} nhà "Mái ấm Công đoàn" cho đoàn viên tại xã Bình An.`,
    }));
    items.push({
      unitCode: 'U9',
      unitName: 'Công đoàn Chợ Hà Lam',
      text: 'Tổ chức 2 buổi tuyên truyền pháp luật cho 80 tiểu thương chợ Hà Lam.',
    });
    const p = proposeSentences(items, { limit: 2 });
    expect(p.map((x) => x.units[0]!.code)).toContain('U9');
  });
});

describe('short sentences', () => {
  it('keeps a short hạn chế with no figures (ranked low), but drops headings and fragments', () => {
    const p = proposeSentences([{ unitCode: 'A', unitName: 'Công đoàn Trường A', text: '3. Hạn chế:\nKinh phí còn hạn chế.\nKhó khăn' }], {
      limit: 5,
    });
    expect(p.map((x) => x.text)).toEqual(['Kinh phí còn hạn chế.']);
  });
});

describe('hostile text', () => {
  it('drops control characters a Word file cannot hold, and does not condense a paragraph without full stops', () => {
    const long = `Tổ chức ${'nhiều hoạt động tuyên truyền, '.repeat(30)}cho 120 đoàn viên`;
    const p = proposeSentences(
      [{ unitCode: 'A', unitName: 'Công đoàn A', text: `Trao 5\u0001 suất quà\u0008 cho đoàn viên xã Bình An.\n${long}` }],
      { limit: 5 },
    );
    expect(p.map((x) => x.text)).toEqual(['Trao 5 suất quà cho đoàn viên xã Bình An.']);
    expect(attributed('Câu\u0002 có ký tự lạ.', [])).toBe('Câu có ký tự lạ.');
  });
});
