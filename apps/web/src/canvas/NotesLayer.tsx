import type { Note } from '@dartboard/board';
import type { Context } from 'konva/lib/Context';
import { memo } from 'react';
import { Group, Layer, Rect, Shape, Text } from 'react-konva';
import type { Preview } from '../state/ui';
import { FONT_FAMILY, fitFontSize, LINE_HEIGHT, NOTE_FOOTER, NOTE_PADDING } from './fitText';

const NoteShape = memo(function NoteShape({ note, editing }: { note: Note; editing: boolean }) {
  const fontSize = fitFontSize(note.text, note.width, note.height);
  return (
    <Group x={note.x} y={note.y}>
      {/* A flat offset shadow: real blurred shadows cost a full extra pass per note. */}
      <Rect
        x={2}
        y={3}
        width={note.width}
        height={note.height}
        fill="rgba(28,25,23,0.12)"
        cornerRadius={6}
        perfectDrawEnabled={false}
      />
      <Rect
        width={note.width}
        height={note.height}
        fill={note.color}
        cornerRadius={6}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={note.width - NOTE_PADDING * 2}
          height={note.height - NOTE_PADDING * 2 - NOTE_FOOTER}
          text={note.text}
          fontFamily={FONT_FAMILY}
          fontSize={fontSize}
          lineHeight={LINE_HEIGHT}
          fill="#1c1917"
          wrap="word"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
      <Text
        x={NOTE_PADDING}
        y={note.height - NOTE_PADDING - 14}
        width={note.width - NOTE_PADDING * 2}
        text={note.author}
        fontFamily={FONT_FAMILY}
        fontSize={12}
        fill="#57534e"
        wrap="none"
        ellipsis
        perfectDrawEnabled={false}
      />
    </Group>
  );
});

/** Zoomed far out: every note as a plain block, all painted by one node in one pass. */
function NoteBlocks({ notes }: { notes: readonly Note[] }) {
  return (
    <Shape
      perfectDrawEnabled={false}
      sceneFunc={(context: Context) => {
        for (const note of notes) {
          context.setAttr('fillStyle', note.color);
          context.fillRect(note.x, note.y, note.width, note.height);
        }
      }}
    />
  );
}

export function NotesLayer({
  notes,
  preview,
  editingNoteId,
  detailed,
}: {
  notes: readonly Note[];
  preview: Preview | undefined;
  editingNoteId: string | undefined;
  detailed: boolean;
}) {
  const shown = preview
    ? notes.map((note) => {
        const moved = preview.get(note.id);
        return moved ? { ...note, ...moved } : note;
      })
    : notes;
  return (
    <Layer listening={false}>
      {detailed ? (
        shown.map((note) => (
          <NoteShape key={note.id} note={note} editing={note.id === editingNoteId} />
        ))
      ) : (
        <NoteBlocks notes={shown} />
      )}
    </Layer>
  );
}
