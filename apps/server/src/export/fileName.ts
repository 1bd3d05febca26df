import type { SessionSummary } from '@dartboard/board';

// A download's file name, `dartboard-<title slug>-<YYYY-MM-DD>.<extension>`, in two spellings:
// the title's letters and digits of any script, and an ASCII one for the plain `filename=` of
// Content-Disposition (RFC 6266), which carries the other in `filename*=` (RFC 5987).

export interface ExportFileName {
  /** Letters and digits of any script kept: "dartboard-straße-größe-2026-11-26.pdf". */
  name: string;
  /** ASCII only: "dartboard-strasse-grosse-2026-11-26.pdf". */
  ascii: string;
}

/** Letters that are no base letter with marks, as they are spelled in ASCII. */
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-case words joined by "-", at most 60 characters, nothing else kept. */
function slug(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/[\s_-]+/g, '-');
  return Array.from(words).slice(0, 60).join('').replace(/-+$/, '');
}

function asciiSlug(text: string): string {
  const spelled = text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => SPELLED[letter] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  return slug(spelled.replace(/[^\x20-\x7e]/g, ' '));
}

/** The file name of `summary` exported as `extension`: its title and the export date. */
export function exportFileName(summary: SessionSummary, extension: string): ExportFileName {
  const date = summary.generatedAt.slice(0, 10);
  const name = (part: string) => `dartboard-${part === '' ? 'session' : part}-${date}.${extension}`;
  return {
    name: name(slug(summary.title.normalize('NFC'))),
    ascii: name(asciiSlug(summary.title)),
  };
}

/** `attachment` with the ASCII name, and the other as `filename*` when they differ. */
export function contentDisposition(fileName: ExportFileName): string {
  const plain = `attachment; filename="${fileName.ascii}"`;
  if (fileName.name === fileName.ascii) return plain;
  // encodeURIComponent leaves ' ( ) * as they are, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(fileName.name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${plain}; filename*=UTF-8''${encoded}`;
}
