// @vitest-environment jsdom
// "Copy summary": the plain text reads without markup, the HTML keeps every user text as text.
import { describe, expect, it } from 'vitest';
import { setTitle } from './meta.js';
import { addNote } from './note.js';
import { buildSummary, type SessionSummary } from './summary.js';
import { FIXTURE_NOW, spinSession } from './summaryFixture.testing.js';
import { escapeHtml, summaryToHtml } from './summaryHtml.js';
import { summaryToText } from './summaryText.js';

const BERLIN = { timeZone: 'Europe/Berlin', locale: 'en-GB' };
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '&amp; &lt;b&gt;',
  "it's <b>bold</b>",
  '# not a heading | not a cell *not bold*',
];

function session(): { summary: SessionSummary; ids: Record<string, string> } {
  const { doc, ids } = spinSession();
  addNote(doc, { x: -5000, y: -5000, author: 'Sam', text: '', createdAt: 1 });
  addNote(doc, { x: -5000, y: -4800, author: 'Sam', text: '  \n ', createdAt: 2 });
  return { summary: buildSummary(doc, { now: FIXTURE_NOW }), ids };
}

function hostileSession(): SessionSummary {
  const { doc } = spinSession();
  setTitle(doc, HOSTILE[0] ?? '');
  HOSTILE.forEach((text, i) => {
    addNote(doc, {
      x: -5000,
      y: -5000 + i * 200,
      author: HOSTILE[1] ?? '',
      text,
      createdAt: i + 1,
    });
  });
  return buildSummary(doc, { now: FIXTURE_NOW });
}

describe('summaryToText', () => {
  it('reads as plain text in the facilitator’s time zone, without Markdown', () => {
    const text = summaryToText(session().summary, BERLIN);
    expect(text).toMatch(/^Acme Logistics: fleet telematics\n\nSession date: 2026-11-20 · /);
    expect(text).toContain('exported 20 Nov 2026, 12:00 CET');
    expect(text).toContain('Session ended 20 Nov 2026, 11:45 CET · lasted 1 h 45 min');
    expect(text).toContain('\n\nGround rules\n\n1. We talk as equals.\n');
    expect(text).toContain('Agreed by Cara Customer (20 Nov 2026, 10:05 CET)');
    expect(text).toContain(
      'Problem:\n• Where do routes go wrong most often? — Sam Seller\n' +
        '  • Returns run empty\n    after the Friday drops — Cara Customer\n',
    );
    expect(text).toContain('1. Pilot in one depot — 3 dots (Cara Customer ×2, Dan Dispatch)');
    expect(text).toContain('• Send the pilot plan · Owner: Sam Seller · Due: 2026-12-01');
    expect(text).toContain('• Success: Empty kilometres — target: -20% in 3 months');
    // No Markdown syntax or escapes.
    expect(text).not.toMatch(/^#|\\|\*\*|^\| /m);
    // The empty notes are left out: outside the zones there is nothing to show.
    expect(text).toContain('Outside the zones\n\nNo notes.');
  });

  it('shows another zone’s clock when the browser is elsewhere', () => {
    const text = summaryToText(session().summary, {
      timeZone: 'America/New_York',
      locale: 'en-US',
    });
    expect(text).toContain('exported Nov 20, 2026, 06:00 AM EST');
  });

  it('keeps hostile text as typed, readable', () => {
    const text = summaryToText(hostileSession(), BERLIN);
    expect(text.startsWith('<script>alert(1)</script>\n')).toBe(true);
    for (const hostile of HOSTILE) expect(text).toContain(`${hostile} — "><img`);
  });
});

describe('summaryToHtml', () => {
  it('is simple semantic HTML with the same content as the text', () => {
    const { summary } = session();
    const html = summaryToHtml(summary, BERLIN);
    const dom = new DOMParser().parseFromString(html, 'text/html');
    expect(dom.querySelector('h1')?.textContent).toBe('Acme Logistics: fleet telematics');
    const h2 = [...dom.querySelectorAll('h2')].map((h) => h.textContent);
    expect(h2).toContain('Ground rules');
    expect(h2).toContain('Actions');
    expect(dom.querySelectorAll('table th')).toHaveLength(3);
    expect(dom.querySelector('tbody tr')?.textContent).toBe(
      'Share last year’s route data—2026-11-27',
    );
    expect(dom.body.textContent).toContain('exported 20 Nov 2026, 12:00 CET');
    // Every line of the text is in the HTML's text too.
    const htmlText = dom.body.textContent ?? '';
    for (const line of summaryToText(summary, BERLIN).split('\n')) {
      const words = line.replace(/^[\s•\d.]+|:$/g, '').split(' · ')[0] ?? '';
      expect(htmlText).toContain(words.split('\n')[0]);
    }
  });

  it('escapes every user text: no element, attribute or entity of theirs survives', () => {
    const html = summaryToHtml(hostileSession(), BERLIN);
    const dom = new DOMParser().parseFromString(html, 'text/html');
    expect(dom.querySelectorAll('script, img, b')).toHaveLength(0);
    expect([...dom.querySelectorAll('*')].every((el) => el.attributes.length === 0)).toBe(true);
    expect(dom.querySelector('h1')?.textContent).toBe('<script>alert(1)</script>');
    const items = [...dom.querySelectorAll('li')].map((li) => li.textContent);
    for (const hostile of HOSTILE)
      expect(items).toContain(`${hostile} — "><img src=x onerror=alert(1)>`);
    expect(html).toContain('&amp;amp; &amp;lt;b&amp;gt;');
    expect(html).not.toContain('<script>');
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});
