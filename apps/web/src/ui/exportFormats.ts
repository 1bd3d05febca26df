// The forms the facilitator can download the session in, as the Export menu names them. The
// server's registry (apps/server/src/export/formats.ts) decides which exist: SERVER_FORMATS
// mirrors it, so the menu offers only what the server answers.

export const EXPORT_FORMAT_LABELS = {
  md: 'Markdown (.md)',
  json: 'JSON (.json)',
  csv: 'CSV (.csv)',
  pdf: 'PDF (.pdf)',
  png: 'PNG image (.png)',
  svg: 'SVG image (.svg)',
} as const;

export type ExportFormatName = keyof typeof EXPORT_FORMAT_LABELS;

/** The formats the server's registry holds today, in the menu's order. */
const SERVER_FORMATS: readonly ExportFormatName[] = ['md', 'json', 'csv', 'pdf', 'svg', 'png'];

/** The Export menu's items: each format the server has, with its name. */
export const EXPORT_CHOICES: readonly { format: ExportFormatName; label: string }[] =
  SERVER_FORMATS.map((format) => ({ format, label: EXPORT_FORMAT_LABELS[format] }));
