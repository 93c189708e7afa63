// Pure "Dân vận khéo" rules: status transitions and their preconditions, and the field/type parsers of the import.
import { describe, expect, it } from 'vitest';
import { MODEL_STATUSES, MODEL_TRANSITIONS, statusChangeProblem } from '../../src-main/contract/model-labels';
import { parseModelField, parseModelType } from '../../src-main/features/models-import';

const ok = { step: 4, recognitionLevel: 'tinh', recognizedOn: '2025-10-15', proposedLevel: 'tinh' };

describe('status lifecycle', () => {
  it('allows exactly the listed transitions (given all preconditions)', () => {
    for (const from of MODEL_STATUSES)
      for (const to of MODEL_STATUSES) {
        const allowed = from === to || MODEL_TRANSITIONS[from].includes(to);
        expect(statusChangeProblem(from, to, ok) === null, `${from} -> ${to}`).toBe(allowed);
      }
  });
  it('checks preconditions: step 3 and a level to propose, level and date to recognise, step 4 to replicate', () => {
    expect(statusChangeProblem('dang_thuc_hien', 'de_nghi_cong_nhan', { ...ok, step: 2 })).toMatch(/bước 3/);
    expect(statusChangeProblem('dang_thuc_hien', 'de_nghi_cong_nhan', { ...ok, proposedLevel: null })).toMatch(/cấp đề nghị/);
    expect(statusChangeProblem('de_nghi_cong_nhan', 'duoc_cong_nhan', { ...ok, recognizedOn: null })).toMatch(/ngày công nhận/);
    expect(statusChangeProblem('duoc_cong_nhan', 'nhan_rong', { ...ok, step: 3 })).toMatch(/bước 4/);
    expect(statusChangeProblem('dung', 'dang_thuc_hien', { ...ok, step: 1 })).toBeNull();
  });
});

describe('import parsers', () => {
  it.each([
    ['Kinh tế', 'kinh_te'],
    ['Văn hóa – xã hội', 'van_hoa_xa_hoi'],
    ['VĂN HOÁ XÃ HỘI', 'van_hoa_xa_hoi'],
    ['An ninh - quốc phòng', 'quoc_phong_an_ninh'],
    ['Xây dựng hệ thống Công đoàn', 'xay_dung_cong_doan'],
    ['Xây dựng hệ thống chính trị', 'xay_dung_cong_doan'],
    ['Thể thao', null],
    ['', null],
  ])('field %s -> %s', (text, field) => expect(parseModelField(text)).toBe(field));
  it.each([
    ['', 'mo_hinh'],
    ['Mô hình', 'mo_hinh'],
    ['Điển hình tập thể', 'dien_hinh_tap_the'],
    ['điển hình cá nhân', 'dien_hinh_ca_nhan'],
    ['Sáng kiến', null],
  ])('type %s -> %s', (text, type) => expect(parseModelType(text)).toBe(type));
});
