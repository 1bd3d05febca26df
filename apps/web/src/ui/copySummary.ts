// "Copy summary": the session summary on the clipboard twice over, as plain text for a CRM
// field and as HTML for an e-mail (packages/board summaryText.ts, summaryHtml.ts), with times in
// this browser's time zone.
import { type SessionSummary, summaryToHtml, summaryToText } from '@dartboard/board';

/** The browser's time zone ("Europe/Berlin"), in which the copied times are shown. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Writes the summary to the clipboard as `text/plain` and `text/html` in one item. Rejects when
 * the browser refuses (no permission, the page not focused, no clipboard API).
 */
export async function copySummary(summary: SessionSummary): Promise<void> {
  const options = { timeZone: browserTimeZone() };
  const text = summaryToText(summary, options);
  const html = summaryToHtml(summary, options);
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    throw new Error('This browser cannot copy formatted text.');
  }
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/plain': new Blob([text], { type: 'text/plain' }),
      'text/html': new Blob([html], { type: 'text/html' }),
    }),
  ]);
}
