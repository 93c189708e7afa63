// The DTD/entity guard (bytes/xml.ts guardXml) finds every "<!DOCTYPE" and "<!ENTITY" wherever it is — first
// bytes, after text with "!" in it, after a comment — and lets comments and exclamation marks in text through.
import { describe, expect, it } from 'vitest';
import { guardXml } from '../../../src-main/bytes/xml';
import { XlsxError } from '../../../src-main/bytes/limits';

const bytes = (s: string) => new TextEncoder().encode(s);
const rejects = (s: string) => {
  try {
    guardXml(bytes(s), 'xl/x.xml');
    return false;
  } catch (e) {
    return e instanceof XlsxError && e.code === 'dtd';
  }
};

describe('XML guard', () => {
  it('rejects a DTD or an entity anywhere', () => {
    for (const s of [
      '<!DOCTYPE x>',
      '<!ENTITY a "b">',
      '!<!DOCTYPE x>',
      '<a>Hay!</a><!DOCTYPE x>',
      '<!-- c --><!ENTITY e "1">',
      '<!<!DOCTYPE x>',
      'Cảm ơn!!<!ENTITY e "1">',
    ])
      expect(rejects(s), s).toBe(true);
  });

  it('lets comments and exclamation marks in text through', () => {
    for (const s of ['', '!', '<a>Tuyệt vời!</a>', '<!-- ghi chú --><a/>', '<![CDATA[x]]>', '<a>!DOCTYPE</a>', '<a>x</a><!doctype>'])
      expect(rejects(s), s).toBe(false);
  });
});
