// "Copy summary" as HTML, for an e-mail: the blocks of summaryBlocks.ts as simple semantic
// elements (headings, paragraphs, lists, a table), with no styles, scripts or attributes taken
// from the board. Every text people wrote is escaped: it is data, never markup.
import type { SessionSummary } from './summary.js';
import { type Block, type BlockOptions, type ListItem, summaryBlocks } from './summaryBlocks.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text: `&`, `<`, `>` and both quotes as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A text's lines (a note's), escaped and joined with <br>. */
function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

function list(items: ListItem[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  const body = items
    .map((item) => {
      const children = item.children ? list(item.children, false) : '';
      return `<li>${lines(item.text)}${children}</li>`;
    })
    .join('');
  return `<${tag}>${body}</${tag}>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return block.muted ? `<p><em>${lines(block.text)}</em></p>` : `<p>${lines(block.text)}</p>`;
    case 'list':
      return list(block.items, block.ordered);
    case 'table': {
      const head = block.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

/**
 * The summary as an HTML fragment: the same content as summaryToText, as headings, lists and
 * tables, times in the facilitator's time zone.
 */
export function summaryToHtml(summary: SessionSummary, options: BlockOptions = {}): string {
  return summaryBlocks(summary, options).map(blockHtml).join('\n');
}
