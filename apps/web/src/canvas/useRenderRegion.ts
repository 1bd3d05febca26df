import type { Rect } from '@dartboard/board';
import { useRef } from 'react';
import type { Viewport } from '../state/ui';
import { containsRect, expandRect, type Size, visibleRect } from './viewport';

/** How far beyond the screen nodes are kept, as a fraction of the screen on each side. */
const OVERSCAN = 0.25;

/**
 * The board area whose notes are in the Konva layer: the screen plus a margin. It changes only
 * when the view leaves it or the zoom changes, so a pan re-filters the notes every few hundred
 * pixels instead of every frame, and off-screen notes are not nodes at all.
 */
export function useRenderRegion(viewport: Viewport, screen: Size): Rect {
  const last = useRef<{ rect: Rect; scale: number } | undefined>(undefined);
  const view = visibleRect(viewport, screen);
  const current = last.current;
  if (current && current.scale === viewport.scale && containsRect(current.rect, view))
    return current.rect;
  const next = { rect: expandRect(view, OVERSCAN), scale: viewport.scale };
  last.current = next;
  return next.rect;
}
