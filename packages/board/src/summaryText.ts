// "Copy summary" as plain text, for a CRM field or a plain e-mail: the blocks of summaryBlocks.ts
// with no markup at all (no Markdown escapes, no `#`, `*` or `|`), lists as bullets and numbers,
// each table row as one line.
import type { SessionSummary } from './summary.js';
import { type Block, type BlockOptions, type ListItem, summaryBlocks } from './summaryBlocks.js';

function listLines(items: ListItem[], ordered: boolean, indent: string): string[] {
  return items.flatMap((item, i) => {
    const marker = ordered ? `${i + 1}. ` : '• ';
    // The lines of a note continue under the item's text.
    const [first = '', ...rest] = item.text.split('\n');
    const pad = `${indent}${' '.repeat(marker.length)}`;
    return [
      `${indent}${marker}${first}`,
      ...rest.map((line) => `${pad}${line}`),
      ...(item.children ? listLines(item.children, false, pad) : []),
    ];
  });
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.level === 3 ? `${block.text}:` : block.text;
    case 'paragraph':
      return block.text;
    case 'list':
      return listLines(block.items, block.ordered, '').join('\n');
    case 'table': {
      // A row as one line: its first cell, then the others named by their column.
      const others = block.head.slice(1);
      return block.rows
        .map((row) => {
          const rest = others.map((head, i) => `${head}: ${row[i + 1] ?? ''}`);
          return `• ${[row[0] ?? '', ...rest].join(' · ')}`;
        })
        .join('\n');
    }
  }
}

/**
 * The summary as readable plain text: sections separated by blank lines, times in the
 * facilitator's time zone, notes without text left out.
 */
export function summaryToText(summary: SessionSummary, options: BlockOptions = {}): string {
  let text = '';
  let previous: Block | undefined;
  for (const block of summaryBlocks(summary, options)) {
    // A level-3 heading sits right above its list; other blocks are set apart by a blank line.
    const subheading = previous?.type === 'heading' && previous.level === 3;
    if (previous) text += subheading ? '\n' : '\n\n';
    text += blockText(block);
    previous = block;
  }
  return `${text}\n`;
}
