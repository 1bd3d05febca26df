import {
  badgeSpot,
  type Circle,
  dotSpots,
  type Note,
  rectsIntersect,
  VOTE_BADGE_FILL,
} from '@dartboard/board';
import type Konva from 'konva';
import type { Context } from 'konva/lib/Context';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Preview } from '../state/ui';
import type { VoteView } from '../ui/useVote';
import type { BoardPicture } from './boardPicture';
import { FONT_FAMILY } from './fitText';
import { BOARD_BACKGROUND } from './theme';
import { stageView } from './viewport';

const BADGE_FILL = VOTE_BADGE_FILL;

function circle(context: CanvasRenderingContext2D, { x, y, r }: Circle) {
  context.beginPath();
  context.arc(x, y, r, 0, Math.PI * 2);
}

/**
 * The vote over the cards, in a layer of its own (drawn only while there is a vote): while it
 * is open, this person's own dots in their colour and the cards out of the vote's scope
 * dimmed; once revealed, each card's count in a badge. Nobody's dots but one's own are drawn
 * before the reveal. One shape, culled against the view at draw time like the notes.
 */
export function VoteDots({
  view,
  notes,
  preview,
  color,
  picture,
}: {
  view: VoteView;
  notes: readonly Note[];
  preview: Preview | undefined;
  /** This person's colour: their dots'. */
  color: string;
  /** Shows this layer too while the board's picture is moved. */
  picture: BoardPicture;
}) {
  const layer = useRef<Konva.Layer>(null);
  useLayoutEffect(() => (layer.current ? picture.track(layer.current) : undefined), [picture]);
  const sceneFunc = useCallback(
    (konvaContext: Context, shape: Konva.Shape) => {
      const stage = shape.getStage();
      if (!stage) return;
      const { scale, view: shown } = stageView(stage);
      const context = konvaContext._context;
      const totals = new Map(view.tallies?.map((tally) => [tally.noteId, tally.dots]));
      context.save();
      for (const original of notes) {
        const card = { ...original, ...preview?.get(original.id) };
        if (!rectsIntersect(card, { ...shown, y: shown.y - 40, height: shown.height + 80 })) {
          continue;
        }
        if (view.open && !view.inScope(card)) {
          context.globalAlpha = 0.65;
          context.fillStyle = BOARD_BACKGROUND;
          context.fillRect(card.x - 1, card.y - 1, card.width + 2, card.height + 2);
          context.globalAlpha = 1;
        }
        const mine = view.open ? (view.mine[card.id] ?? 0) : 0;
        for (const dot of dotSpots(card, mine, scale)) {
          circle(context, dot);
          context.fillStyle = color;
          context.fill();
          context.lineWidth = 2.5 / scale;
          context.strokeStyle = '#ffffff';
          context.stroke();
        }
        const total = totals.get(card.id);
        if (total) {
          const badge = badgeSpot(card, scale);
          circle(context, badge);
          context.fillStyle = BADGE_FILL;
          context.fill();
          context.lineWidth = 3 / scale;
          context.strokeStyle = '#ffffff';
          context.stroke();
          context.fillStyle = '#ffffff';
          context.font = `600 ${Math.round(badge.r * 1.05)}px ${FONT_FAMILY}`;
          context.textAlign = 'center';
          context.textBaseline = 'middle';
          context.fillText(String(total), badge.x, badge.y + badge.r * 0.05);
        }
      }
      context.restore();
    },
    [view, notes, preview, color],
  );
  return (
    <Layer ref={layer} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
