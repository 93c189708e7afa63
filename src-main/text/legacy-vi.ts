// Legacy Vietnamese 8-bit encodings seen in old workbooks -> Unicode: TCVN3/ABC (.VnTime, .VnTimeH = capitals)
// and VNI-Windows (VNI-Times...). Longest-match table decoders, font-name detection, and a heuristic detector.

export type LegacyEncoding = 'tcvn3' | 'vni';

/** ".VnTime", ".VnTimeH", ".VnArial NarrowH" -> tcvn3; "VNI-Times", "VNI Helve" -> vni; else null. */
export function legacyEncodingOfFont(fontName: string | null | undefined): LegacyEncoding | null {
  if (!fontName) return null;
  const f = fontName.trim();
  if (/^\.vn/i.test(f)) return 'tcvn3';
  if (/^vni[-\s_]/i.test(f)) return 'vni';
  return null;
}

export const isLegacyFontName = (fontName: string): boolean => legacyEncodingOfFont(fontName) !== null;

/** TCVN3 caps fonts (.VnTimeH, .VnArialH...) draw lower-case codes as capitals. */
export function isCapsFont(fontName: string | null | undefined): boolean {
  return !!fontName && /^\.vn.*h$/i.test(fontName.trim());
}

// ---- TCVN3 (TCVN 5712:1993 VN3): one code point per letter; only lower-case toned letters exist. ----
// Code points are as they arrive in .xlsx: the byte value as U+00xx (Latin-1).
const TCVN3_PAIRS: [number, string][] = [
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
  [0xb0, '\u0300'],
  [0xb1, '\u0309'],
  [0xb2, '\u0303'],
  [0xb3, '\u0301'],
  [0xb4, '\u0323'],
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
];
const TCVN3 = new Map<string, string>(TCVN3_PAIRS.map(([c, u]) => [String.fromCharCode(c), u]));

// ---- VNI-Windows: base letter + mark character(s). Order of tones: none, sắc, huyền, hỏi, ngã, nặng. ----
const VNI_ROWS: [string, string[]][] = [
  ['a', ['a', 'á', 'à', 'ả', 'ã', 'ạ']],
  ['aâ', ['â', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ']],
  ['aê', ['ă', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ']],
  ['e', ['e', 'é', 'è', 'ẻ', 'ẽ', 'ẹ']],
  ['eâ', ['ê', 'ế', 'ề', 'ể', 'ễ', 'ệ']],
  ['o', ['o', 'ó', 'ò', 'ỏ', 'õ', 'ọ']],
  ['oâ', ['ô', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ']],
  ['ô', ['ơ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ']],
  ['u', ['u', 'ú', 'ù', 'ủ', 'ũ', 'ụ']],
  ['ö', ['ư', 'ứ', 'ừ', 'ử', 'ữ', 'ự']],
  ['y', ['y', 'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ']],
];
/** Marks after a plain vowel / after the circumflex form / after the breve form. */
const TONES_PLAIN = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const TONES_HAT = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const TONES_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];

function buildVni(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (seq: string, uni: string): void => {
    map.set(seq, uni);
    map.set(seq.toUpperCase(), uni.toUpperCase());
    // Tolerate a capital base with a lower-case mark ("Aù") as some VNI texts have.
    if (seq.length === 2) map.set(seq.charAt(0).toUpperCase() + seq.charAt(1), uni.toUpperCase());
  };
  for (const [key, forms] of VNI_ROWS) {
    const base = key.charAt(0);
    const tones = key.length === 2 ? (key.charAt(1) === 'â' ? TONES_HAT : TONES_BREVE) : TONES_PLAIN;
    forms.forEach((uni, i) => {
      if (i === 0 && key.length === 1) return; // plain ASCII vowel, and ô/ö alone handled below
      add(base + (tones[i] ?? ''), uni);
    });
  }
  add('ô', 'ơ');
  add('ö', 'ư');
  add('î', 'ỵ'); // y with dot below is a single code in VNI
  add('í', 'í');
  add('ì', 'ì');
  add('æ', 'ỉ');
  add('ó', 'ĩ');
  add('ò', 'ị');
  add('ñ', 'đ');
  return map;
}
const VNI = buildVni();

/** Decode TCVN3 text; `caps` for the .Vn...H fonts (output upper-cased, as the font draws it). */
export function decodeTcvn3(text: string, caps = false): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  out = out.normalize('NFC');
  return caps ? out.toLocaleUpperCase('vi') : out;
}

/** Decode VNI-Windows text by longest match (two-character sequences before single characters). */
export function decodeVni(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const two = VNI.get(text.slice(i, i + 2));
    if (two !== undefined && i + 1 < text.length) {
      out += two;
      i += 2;
      continue;
    }
    const ch = text.charAt(i);
    out += /[a-zA-Z]/.test(ch) ? ch : (VNI.get(ch) ?? ch);
    i++;
  }
  return out.normalize('NFC');
}

export function decodeLegacy(text: string, enc: LegacyEncoding, caps = false): string {
  return enc === 'tcvn3' ? decodeTcvn3(text, caps) : decodeVni(text);
}

/** Decode text drawn in `fontName`; unchanged when the font is not a legacy one. */
export function decodeByFont(text: string, fontName: string | null | undefined): string {
  const enc = legacyEncodingOfFont(fontName);
  return enc ? decodeLegacy(text, enc, isCapsFont(fontName)) : text;
}

// ---- Heuristic detection when the font is unknown ----

/** Latin-1 letters that Vietnamese Unicode text uses; any other U+00A1..U+00FF char is suspicious. */
const VI_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

function foreignCount(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xa1 && c <= 0xff && !VI_LATIN1.has(ch)) n++;
  }
  return n;
}

const NUCLEI = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ ' +
    'iêu yê yêu oai oay oeo uây uôi uya uyê uyu ươi ươu oao'
  ).split(' '),
);
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]+)(ch|ng|nh|[cmnpt])?$/;

/** True when a word (letters only) is a well-formed Vietnamese syllable with at most one tone mark. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
  if (tones > 1) return false;
  const base = nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
  const m = SYLLABLE.exec(base);
  if (!m) return false;
  const onset = m[1] ?? '';
  let nucleus = m[2] ?? '';
  if ((onset === 'gi' || onset === 'qu') && nucleus === '') return true;
  if (onset === 'qu' && nucleus.startsWith('u')) return false;
  if (onset === 'gi' && nucleus.startsWith('i')) nucleus = nucleus.slice(1) || 'i';
  return NUCLEI.has(nucleus);
}

/**
 * Words of two or more letters that are Vietnamese syllables. One-letter words are no evidence: a lone symbol such
 * as "×", "½" or "©" decodes to a one-letter syllable ("2 × 3" would read "2 ì 3").
 */
function syllableScore(text: string): number {
  let ok = 0;
  for (const w of text.split(/[^\p{L}]+/u)) if (w.length > 1 && isVietnameseSyllable(w)) ok++;
  return ok;
}

/**
 * Does this text look like TCVN3 or VNI shown through a Unicode font? Null when it looks like Unicode or plain
 * ASCII. Decides by which decoding turns more words into well-formed Vietnamese syllables.
 */
/**
 * For text already known to come from a legacy-encoded document: would decoding it with `enc` give better
 * Vietnamese? A weaker test than detectLegacyEncoding, for short lines (names, "Số: 15/KH") whose own evidence
 * is too thin: decoding must change the text, not lose syllables, and either drop foreign characters or add
 * syllables. Text with Unicode-only Vietnamese letters is never touched.
 */
export function decodesBetter(text: string, enc: LegacyEncoding): boolean {
  if (UNICODE_ONLY.test(text) || !/[\u00a1-\u00ff]/.test(text)) return false;
  const dec = decodeLegacy(text, enc);
  if (dec === text) return false;
  const before = syllableScore(text);
  const after = syllableScore(dec);
  return after >= before && (foreignCount(dec) < foreignCount(text) || after > before);
}

export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!/[\u00a1-\u00ff]/.test(text) || UNICODE_ONLY.test(text)) return null;
  const before = foreignCount(text);
  if (before === 0) return null;
  const base = syllableScore(text);
  const tcvn = decodeTcvn3(text);
  const vni = decodeVni(text);
  const sT = syllableScore(tcvn) - base;
  const sV = syllableScore(vni) - base;
  const best = Math.max(sT, sV);
  if (best <= 0) return null;
  if (sV > sT) return foreignCount(vni) < before ? 'vni' : null;
  if (sT > sV) return foreignCount(tcvn) < before ? 'tcvn3' : null;
  return foreignCount(vni) <= foreignCount(tcvn) ? 'vni' : 'tcvn3';
}
