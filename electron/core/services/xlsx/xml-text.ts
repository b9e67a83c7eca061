// The little XML an xlsx needs, read with string scanning instead of a general parser: the parts
// are machine-written, and a county sheet has millions of cells, where a SAX parser's per-node
// objects cost more time than the 20-second import budget allows.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities (&amp; &#20013; &#x4E2D;) and Excel's _xHHHH_ escapes of control characters. */
export function decodeXml(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
      if (body[0] === '#') {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return NAMED[body] ?? m;
    });
  }
  if (out.includes('_x')) out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** Attributes of one start tag's text, keyed by local name (the part after any prefix). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const name = m[1]!;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    const value = decodeXml(m[2] ?? m[3] ?? '');
    // A prefixed r:id and a plain id may both exist; keep the full name too.
    out[name] = value;
    if (!(local in out)) out[local] = value;
  }
  return out;
}

/** Every start tag `<prefix:name …>` (or self-closing) of an element, as its attribute text. */
export function startTags(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  const out: string[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1]!);
  return out;
}

/** The inner text of the first `<name>…</name>` element, or undefined. */
export function elementBody(xml: string, name: string): string | undefined {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s>])[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`);
  return re.exec(xml)?.[1];
}

/**
 * The text of a string item (<si> of the shared strings, <is> of an inline string): its <t>
 * runs joined, phonetic guides (<rPh>) left out.
 */
export function stringItemText(body: string): string {
  let xml = body;
  if (xml.includes('rPh')) xml = xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out += m[1] ?? '';
  return decodeXml(out);
}
