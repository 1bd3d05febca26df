// The render bench's peer (e2e/bench/render.ts): Excalidraw, built by Vite at bench time, with
// a small API on window through which the bench loads the same notes and sets the view. Plain
// createElement rather than JSX: the tests' tsconfig checks this file and has no JSX setting.
import { convertToExcalidrawElements, Excalidraw, FONT_FAMILY } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { BenchNote } from '../notes.js';

/** As Dartboard's viewport: a board point (x, y) shows at screen (x * scale + vx, y * scale + vy). */
export interface PeerView {
  scale: number;
  x: number;
  y: number;
}

export interface BenchPeer {
  /** Loads the notes and returns ms from handing them over to the frame that shows them. */
  load(notes: BenchNote[], view: PeerView): Promise<number>;
  setView(view: PeerView): void;
  zoom(): number;
}

declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
    benchPeer?: BenchPeer;
  }
}

// Fonts from this page's own server: the bench has no internet.
window.EXCALIDRAW_ASSET_PATH = '/';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function appState(view: PeerView) {
  return {
    // Excalidraw's zoom type is branded; the value is a plain number.
    zoom: { value: view.scale as never },
    scrollX: view.x / view.scale,
    scrollY: view.y / view.scale,
  };
}

function start(api: ExcalidrawImperativeAPI): void {
  const staticCanvas = () =>
    document.querySelector('canvas.excalidraw__canvas.static') as HTMLCanvasElement;
  window.benchPeer = {
    async load(notes, view) {
      // The elements a collaborator or a file would deliver, prepared before the clock starts.
      const elements = convertToExcalidrawElements(
        notes.map((note) => ({
          type: 'rectangle' as const,
          x: note.x,
          y: note.y,
          width: note.width,
          height: note.height,
          backgroundColor: note.color,
          fillStyle: 'solid' as const,
          strokeColor: '#1e1e1e',
          strokeWidth: 1,
          roughness: 0,
          label: {
            text: note.text,
            fontSize: 24,
            fontFamily: FONT_FAMILY.Helvetica,
            textAlign: 'left' as const,
            verticalAlign: 'top' as const,
          },
        })),
      );
      // The note whose corner is nearest the screen's top left, for the drawn check below.
      const first = notes.reduce((best, note) =>
        note.x * view.scale + view.x >= 0 &&
        note.y * view.scale + view.y >= 0 &&
        note.x + note.y < best.x + best.y
          ? note
          : best,
      );
      const started = performance.now();
      api.updateScene({ elements, appState: appState(view) });
      // Drawn: that note's colour is on the canvas (near its corner, inside the outline).
      const canvas = staticCanvas();
      const context = canvas.getContext('2d');
      const ratio = canvas.width / canvas.clientWidth;
      const px = Math.round(((first.x + 8) * view.scale + view.x) * ratio);
      const py = Math.round(((first.y + 8) * view.scale + view.y) * ratio);
      const want = [1, 3, 5].map((i) => Number.parseInt(first.color.slice(i, i + 2), 16));
      for (;;) {
        await frame();
        const got = [...(context?.getImageData(px, py, 1, 1).data ?? [])].slice(0, 3);
        // Nearly: Excalidraw copies cached element images at fractional positions.
        if (want.every((c, i) => Math.abs(c - (got[i] ?? 0)) <= 16)) break;
        if (performance.now() - started > 60_000) throw new Error(`never drawn (${got})`);
      }
      // The frame after the draw is the one that shows it.
      await frame();
      return performance.now() - started;
    },
    setView(view) {
      api.updateScene({ appState: appState(view) });
    },
    zoom() {
      return api.getAppState().zoom.value;
    },
  };
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(createElement(Excalidraw, { excalidrawAPI: start }));
