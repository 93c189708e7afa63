// Golden tests for TCVN3 / VNI -> Unicode and the detector (samples from reference/domain.md §6).
import { describe, expect, it } from 'vitest';
import {
  decodeByFont,
  decodeTcvn3,
  decodeVni,
  detectLegacyEncoding,
  isCapsFont,
  isVietnameseSyllable,
  legacyEncodingOfFont,
} from '../../../src-main/text/legacy-vi';
import { toTcvn3, toVni } from '../../fixtures/gen/report-workbooks';

const SENTENCES = [
  'Tiếng Việt có 29 chữ cái',
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Độc lập - Tự do - Hạnh phúc',
  'Người lao động được thăm, tặng quà; ý kiến đề xuất của đoàn viên',
  'Mái ấm Công đoàn, nhà Đại đoàn kết, đường giao thông nông thôn, kênh mương thủy lợi',
  'Quỹ hỗ trợ, tỷ lệ, kỹ năng, khuya, nguyễn, quyết, giữa, ươm, hoặc, khuỷu',
];

describe('legacy Vietnamese encodings', () => {
  it('decodes TCVN3 golden samples', () => {
    expect(decodeTcvn3('TiÕng ViÖt cã 29 ch÷ c¸i')).toBe('Tiếng Việt có 29 chữ cái');
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeTcvn3('Ng\u00adêi')).toBe('Người');
  });
  it('upper-cases text in the .VnTimeH caps font', () => {
    expect(isCapsFont('.VnTimeH')).toBe(true);
    expect(isCapsFont('.VnTime')).toBe(false);
    expect(decodeByFont('céng hoµ x· héi chñ nghÜa viÖt nam', '.VnTimeH')).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
  it('decodes VNI golden samples, including single-code letters (ĩ ỉ ị ỵ đ)', () => {
    expect(decodeVni('Tieáng Vieät coù 29 chöõ caùi')).toBe('Tiếng Việt có 29 chữ cái');
    expect(decodeVni('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decodeVni('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni('chæ tieâu, kò, kî, Ñaø Naüng, aên uoáng')).toBe('chỉ tiêu, kị, kỵ, Đà Nẵng, ăn uống');
  });
  it('round-trips every sentence through an independent encoder', () => {
    for (const s of SENTENCES) {
      expect(decodeVni(toVni(s))).toBe(s);
      expect(decodeVni(toVni(s.toUpperCase()))).toBe(s.toUpperCase());
      expect(decodeTcvn3(toTcvn3(s.toLowerCase()))).toBe(s.toLowerCase());
      expect(decodeTcvn3(toTcvn3(s.toLowerCase()), true)).toBe(s.toUpperCase());
    }
  });
  it('recognises legacy font names', () => {
    expect(legacyEncodingOfFont('.VnTime')).toBe('tcvn3');
    expect(legacyEncodingOfFont('.VnArial NarrowH')).toBe('tcvn3');
    expect(legacyEncodingOfFont('VNI-Times')).toBe('vni');
    expect(legacyEncodingOfFont('VNI Helve')).toBe('vni');
    expect(legacyEncodingOfFont('Times New Roman')).toBeNull();
    expect(legacyEncodingOfFont('Vni')).toBeNull();
    expect(decodeByFont('TiÕng', 'Arial')).toBe('TiÕng');
  });
  it('detects legacy text without a font, and leaves Unicode and ASCII alone', () => {
    for (const s of SENTENCES) {
      expect(detectLegacyEncoding(toVni(s))).toBe('vni');
      expect(detectLegacyEncoding(toTcvn3(s.toLowerCase()))).toBe('tcvn3');
      expect(detectLegacyEncoding(s)).toBeNull();
      expect(detectLegacyEncoding(s.normalize('NFD'))).toBeNull();
    }
    expect(detectLegacyEncoding('Cà phê')).toBeNull();
    expect(detectLegacyEncoding('Report 2023, café crème')).toBeNull();
    expect(detectLegacyEncoding('45.500.000 đồng')).toBeNull();
    // Symbols of Unicode text that happen to be TCVN3/VNI letters: no evidence of a legacy encoding on their own.
    for (const s of ['2 × 3', '½ ngày', '© 2024', '10 m²', '30°C', '±5', 'Diện tích 50 m² nhà'])
      expect(detectLegacyEncoding(s), s).toBeNull();
    expect(detectLegacyEncoding('Tæ chøc ë x·')).toBe('tcvn3');
  });
  it('judges Vietnamese syllables', () => {
    for (const w of ['nghiêng', 'khuya', 'quốc', 'giữa', 'gì', 'người', 'uống', 'oanh']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['ủoaứn', 'coõng', 'xyz', 'tiÕng']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});
