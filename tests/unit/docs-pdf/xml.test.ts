// The bounded XML reader of the PDF renderer: entities decoded (never expanded from a DTD), text kept only where
// asked, a stray end tag ignored instead of closing everything, depth and size limits with a Vietnamese message.
import { describe, expect, it } from 'vitest';
import { parseXml, PdfInputError, XML_LIMITS } from '../../../src-main/docs/pdf/xml';

describe('parseXml', () => {
  it('reads elements, attributes and the text of w:t with entities decoded', () => {
    const root = parseXml(
      '<?xml version="1.0"?><w:p a="1 &amp; 2"><w:r><w:t xml:space="preserve"> A &lt;b&gt; &#7841;</w:t></w:r><x>skip</x></w:p>',
    );
    const p = root.children[0]!;
    expect(p.attrs.a).toBe('1 & 2');
    expect(p.children[0]!.children[0]!.text).toBe(' A <b> ạ');
    expect(p.children[1]!.text).toBe('');
  });

  it('ignores a stray end tag instead of closing the open elements', () => {
    const root = parseXml('<a><b><w:t>x</w:t></c></b><d/></a>');
    expect(root.children[0]!.children.map((c) => c.name)).toEqual(['b', 'd']);
  });

  it('refuses a DTD and nesting past the limit', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(PdfInputError);
    const deep = '<a>'.repeat(XML_LIMITS.maxDepth + 1);
    expect(() => parseXml(deep)).toThrow(/lồng nhau quá sâu/);
  });
});
