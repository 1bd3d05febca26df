import { ANSWER_LINK, type Note, rectCenter } from '@dartboard/board';
import { useMemo } from 'react';
import { Group, Line } from 'react-konva';
import type { Preview } from '../state/ui';

/** Most connectors drawn: a board of thousands of answers still draws in a frame. */
const MAX_LINKS = 500;

/**
 * From the centre of each answer card to the centre of its question, both as shown (a drag in
 * progress included), as [x1, y1, x2, y2] by answer id. Answers whose question is gone have none.
 */
export function answerLinks(
  notes: readonly Note[],
  preview: Preview | undefined,
): { id: string; points: number[] }[] {
  const shown = (note: Note) => ({ ...note, ...preview?.get(note.id) });
  const byId = new Map(notes.map((note) => [note.id, note]));
  const links: { id: string; points: number[] }[] = [];
  for (const note of notes) {
    if (links.length >= MAX_LINKS) break;
    if (note.card.kind !== 'answer' || note.card.answerTo === null) continue;
    const question = byId.get(note.card.answerTo);
    if (question?.card.kind !== 'question') continue;
    const from = rectCenter(shown(note));
    const to = rectCenter(shown(question));
    links.push({ id: note.id, points: [from.x, from.y, to.x, to.y] });
  }
  return links;
}

/**
 * A thin line from each answer card to its question, drawn under the notes: between two cards
 * side by side it shows as a short link across the gap, and it follows either card when moved.
 */
export function AnswerLinks({
  notes,
  preview,
}: {
  notes: readonly Note[];
  preview: Preview | undefined;
}) {
  const links = useMemo(() => answerLinks(notes, preview), [notes, preview]);
  return (
    <Group listening={false}>
      {links.map(({ id, points }) => (
        <Line
          key={id}
          points={points}
          stroke={ANSWER_LINK.color}
          strokeWidth={ANSWER_LINK.width}
          lineCap="round"
          perfectDrawEnabled={false}
        />
      ))}
    </Group>
  );
}
