// Participants' text inside an SVG document is data, never markup: escaped for XML, with the
// characters XML 1.0 cannot hold at all (control characters, lone surrogates) taken out.

/** Characters no XML 1.0 document may contain; tabs, newlines and returns are handled apart. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` without the characters XML cannot hold, tabs and line breaks as spaces. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '').replace(/[\t\r\n]/g, ' ');
}

/** `text` for an XML element's content or an attribute's value in double or single quotes. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A number as an attribute value: at most two decimals, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
