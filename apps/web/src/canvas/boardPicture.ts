import type Konva from 'konva';
import type { Viewport } from '../state/ui';
import {
  MARGIN,
  PictureMode,
  type Placement,
  paintAhead,
  placementCss,
  placePicture,
  REST_MS,
} from './movedPicture';
import { PictureCopy } from './pictureCopy';
import type { Size } from './viewport';

/**
 * Shows the viewport on the board's Konva stage: repainted on every change, or, on a device too
 * slow for that, as a picture with a margin moved on the compositor between repaints
 * (movedPicture.ts). Outside React: a frame of a pan is at most one redraw of the layer.
 */
export class BoardPicture {
  private stage: Konva.Stage | undefined;
  private layer: Konva.Layer | undefined;
  /** What a person sees while the picture is moved: it is this that moves. */
  private readonly copy = new PictureCopy();
  private readonly mode = new PictureMode();
  private margin = 0;
  private screen: Size = { width: 1, height: 1 };
  private current: Viewport = { x: 0, y: 0, scale: 1 };
  /** The viewport the layer was last painted at. */
  private painted: Viewport | undefined;
  private placement: Placement | undefined;
  /** A redraw the board asked for while a moved picture was moving, done at its next repaint. */
  private pending = false;
  private changedAt = Number.NEGATIVE_INFINITY;
  /** When the last frame the watcher saw began, and the one before it. */
  private frameStart = Number.NEGATIVE_INFINITY;
  private previousFrameStart = Number.NEGATIVE_INFINITY;
  /** When the layer was last drawn (the last few times). */
  private readonly drawnAt: number[] = [];
  /** The frame the watcher saw last, until the next one begins. */
  private lastFrame: Frame | undefined;
  private watching = false;
  private disposed = false;
  /** Posted to at the start of a frame, heard once the frame is rendered. */
  private readonly frameEnd: MessagePort;

  /** `onMargin` is told the margin to give the stage: MARGIN while the picture is moved, else 0. */
  constructor(private readonly onMargin: (margin: number) => void) {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<number>) => {
      if (this.lastFrame?.start === event.data) this.lastFrame.rendered = performance.now();
    };
    this.frameEnd = channel.port2;
  }

  /**
   * `layer` is the board's layer, whose repaints are watched; `copy`, a canvas beside the stage
   * that shows the picture while it is moved.
   */
  attach(stage: Konva.Stage, layer: Konva.Layer, copy: HTMLCanvasElement): () => void {
    this.stage = stage;
    this.layer = layer;
    const detachCopy = this.copy.attach(copy, stage.container());
    this.disposed = false;
    const drawn = () => {
      this.drawnAt.push(performance.now());
      if (this.drawnAt.length > 4) this.drawnAt.shift();
    };
    layer.on('draw', drawn);
    const untrack = this.copy.track(layer);
    return () => {
      untrack();
      detachCopy();
      layer.off('draw', drawn);
      this.disposed = true;
    };
  }

  /** Another layer of the stage (drawn over the board's), shown in the moved picture too. */
  track(layer: Konva.Layer): () => void {
    return this.copy.track(layer);
  }

  /** The stage's size and margin changed (React sized it): repaint at the current view. */
  resize(screen: Size, margin: number): void {
    this.screen = screen;
    this.margin = margin;
    this.copy.show(margin > 0);
    this.paint(this.current);
  }

  show(viewport: Viewport): void {
    const previous = this.current;
    this.current = viewport;
    this.changedAt = performance.now();
    this.watchFrames();
    const placement =
      this.margin > 0 && this.painted
        ? placePicture(this.painted, viewport, this.screen, this.margin, devicePixelRatio)
        : undefined;
    if (placement) this.place(placement);
    // Without a margin, paintAhead is the viewport itself.
    else this.paint(paintAhead(previous, viewport, this.screen, this.margin));
  }

  /**
   * Whether a moved picture is moving: its repaints are then stretched on screen anyway, so
   * shapes may keep the images they have rather than ask for new ones at every zoom.
   */
  get moving(): boolean {
    return this.margin > 0 && !this.resting();
  }

  /**
   * Whether the view has been still for REST_MS and for a whole frame: on a device that slow,
   * one frame may take longer than REST_MS.
   */
  private resting(): boolean {
    return performance.now() - this.changedAt > REST_MS && this.changedAt < this.previousFrameStart;
  }

  /** Asks for a redraw of the layer (new content): deferred while a moved picture moves. */
  readonly redraw = (): void => {
    if (this.moving) this.pending = true;
    else this.layer?.batchDraw();
  };

  private paint(viewport: Viewport): void {
    const stage = this.stage;
    if (!stage) return;
    this.painted = viewport;
    // Painted ahead of a zoom, the picture is placed to show the current view meanwhile.
    this.place(
      viewport === this.current
        ? undefined
        : placePicture(viewport, this.current, this.screen, this.margin, devicePixelRatio),
    );
    const { x, y, scale } = viewport;
    // A change of the stage's attributes makes Konva redraw its layers in the next frame.
    stage.setAttrs({ x: x + this.margin, y: y + this.margin, scaleX: scale, scaleY: scale });
    if (this.pending) this.layer?.batchDraw();
    this.pending = false;
  }

  private place(placement: Placement | undefined): void {
    if (placement === this.placement) return;
    this.placement = placement;
    const element = this.copy.element;
    if (element) element.style.transform = placement ? placementCss(placement) : '';
  }

  /**
   * Measures the frames of a moving view that were repainted, to choose the mode, and repaints
   * a moved picture where the view came to rest. A frame's cost is the main thread's work from
   * its start to the end of its rendering (a message posted in the frame's callback runs after
   * it), or to the next frame's start if that comes first (without a frame-rate cap, frames
   * follow each other with no task in between), not the time between frames, which a display's
   * refresh rate caps.
   */
  private watchFrames(): void {
    if (this.watching) return;
    this.watching = true;
    const frame = (start: number) => {
      if (this.disposed) {
        this.watching = false;
        return;
      }
      if (this.lastFrame) this.frameDone(this.lastFrame, start);
      this.previousFrameStart = this.frameStart;
      this.frameStart = start;
      // A change since the previous frame began is drawn in this one.
      this.lastFrame = {
        start,
        moved: this.changedAt >= this.previousFrameStart,
        copiedBefore: this.copy.spentMs,
      };
      this.frameEnd.postMessage(start);
      if (this.resting()) {
        this.watching = false;
        this.lastFrame = undefined;
        if (this.placement || this.pending) this.paint(this.current);
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  /** Records a frame's work if it repainted the board for a move. */
  private frameDone(frame: Frame, next: number): void {
    const end = Math.min(frame.rendered ?? next, next);
    if (!frame.moved || !this.drawnAt.some((at) => at >= frame.start && at < end)) return;
    // Without the copy of a moved picture: repainting every frame would need none.
    const copying = this.copy.spentMs - frame.copiedBefore;
    if (this.mode.record(end - frame.start - copying)) this.onMargin(this.mode.moved ? MARGIN : 0);
  }
}

interface Frame {
  /** Its start (the animation frame's time). */
  start: number;
  /** Whether the view changed since the frame before began: this frame draws the change. */
  moved: boolean;
  /** PictureCopy's spentMs when it began. */
  copiedBefore: number;
  /** When its rendering was over, if that was before the next frame began. */
  rendered?: number;
}
