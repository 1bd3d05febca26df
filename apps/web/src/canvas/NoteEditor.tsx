import { NOTE_TEXT_MAX_LENGTH, type Note, noteText } from '@dartboard/board';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { stopEditing } from '../state/ui';
import { writeNoteText } from '../ui/actions';
import { useBoardContext } from '../ui/boardContext';
import { headerHeight } from './cardHeader';
import { transformIndex } from './caret';
import { FONT_FAMILY, fitFontSize, LINE_HEIGHT, NOTE_FOOTER, NOTE_PADDING } from './fitText';
import { grownHeight } from './noteGrowth';

/**
 * A textarea laid exactly over the note being edited. Each keystroke becomes the smallest
 * Y.Text change (so peers see the text as it is typed); a peer's change to the same note moves
 * the local caret with the text instead of throwing it to the end.
 */
export function NoteEditor({ note }: { note: Note }) {
  const ctx = useBoardContext();
  const viewport = useStore(ctx.ui, (s) => s.viewport);
  const ref = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.value = noteText(ctx.doc, note.id)?.toString() ?? '';
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, [ctx.doc, note.id]);

  useEffect(() => {
    const text = noteText(ctx.doc, note.id);
    if (!text) return;
    const onChange = (event: Y.YTextEvent) => {
      const textarea = ref.current;
      if (!textarea || event.transaction.local) return;
      const start = transformIndex(textarea.selectionStart, event.delta);
      const end = transformIndex(textarea.selectionEnd, event.delta);
      textarea.value = text.toString();
      textarea.setSelectionRange(start, end);
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [ctx.doc, note.id]);

  // A card's header stays in view above the text being typed.
  const header = headerHeight(note.card, note.width);
  const fontSize = fitFontSize(note.text, note.width, note.height - header) * viewport.scale;
  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label="Note text"
      maxLength={NOTE_TEXT_MAX_LENGTH}
      spellCheck
      style={{
        left: note.x * viewport.scale + viewport.x,
        top: (note.y + header) * viewport.scale + viewport.y,
        width: note.width * viewport.scale,
        height: (note.height - header - NOTE_FOOTER) * viewport.scale,
        padding: `${NOTE_PADDING * viewport.scale}px`,
        fontSize,
        lineHeight: LINE_HEIGHT,
        fontFamily: FONT_FAMILY,
        // A note that shows "…more" holds more than fits: here it scrolls. Long words break
        // much as the canvas breaks them (fitText.ts), at a hyphen.
        overflowY: 'auto',
        hyphens: 'auto',
        overflowWrap: 'break-word',
      }}
      onInput={(event) => {
        const text = event.currentTarget.value;
        writeNoteText(ctx, note.id, text, grownHeight(note, text, ctx.board.getSnapshot().notes));
      }}
      onBlur={() => stopEditing(ctx.ui)}
      onKeyDown={(event) => {
        // Escape or Ctrl/Cmd+Enter finish editing; the note stays selected.
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          stopEditing(ctx.ui);
        }
        event.stopPropagation();
      }}
    />
  );
}
