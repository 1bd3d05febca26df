import type Konva from 'konva';

/**
 * A copy of the board's painted layers, shown in place of the Konva stage while its picture is
 * moved (boardPicture.ts). A canvas that was drawn into is copied again for the compositor at
 * every frame that moves it, at least in Chromium without a GPU: on a CPU four times slower,
 * about 7 ms a frame for a 1,900 × 1,400 px picture (docs/benchmarks.md). A canvas showing an
 * ImageBitmap (the `bitmaprenderer` context) hands the compositor that bitmap as it is, so a
 * frame that only moves the picture costs a transform again. The layers are copied once after
 * each time they are drawn.
 */
export class PictureCopy {
  private readonly layers: Konva.Layer[] = [];
  /** Where the layers are drawn together before the result is handed to `element`. */
  private scratch: OffscreenCanvas | undefined;
  private shown = false;
  /** Whether `element` holds a bitmap. */
  private holding = false;
  private copyQueued = false;
  /**
   * Time spent copying so far, in ms: not part of a repaint's cost when choosing whether to
   * repaint every frame, which then needs no copy.
   */
  spentMs = 0;

  /** Shows the copy: a canvas nobody draws into otherwise. */
  element: HTMLCanvasElement | undefined;
  /** Holds the layers' canvases: hidden while the copy is shown. */
  private stage: HTMLElement | undefined;

  attach(element: HTMLCanvasElement, stage: HTMLElement): () => void {
    this.element = element;
    this.stage = stage;
    element.hidden = true;
    this.copySoon();
    return () => {
      this.showStage();
      this.element = undefined;
      this.stage = undefined;
    };
  }

  /** Copies `layer` along with the others, each over those below it in the stage. */
  track(layer: Konva.Layer): () => void {
    this.layers.push(layer);
    const drawn = () => this.copySoon();
    layer.on('draw.pictureCopy', drawn);
    this.copySoon();
    return () => {
      layer.off('draw.pictureCopy', drawn);
      this.layers.splice(this.layers.indexOf(layer), 1);
      this.copySoon();
    };
  }

  /** Shows the copy instead of the stage (from its next copy on), or the stage again. */
  show(on: boolean): void {
    if (on === this.shown) return;
    this.shown = on;
    if (on) this.copySoon();
    else this.showStage();
  }

  /** Shows the stage again and frees the copy: the stage shows the board now. */
  private showStage(): void {
    if (this.stage) this.stage.style.display = '';
    if (this.element) this.element.hidden = true;
    if (this.holding) this.renderer()?.transferFromImageBitmap(null);
    this.holding = false;
    this.scratch = undefined;
  }

  /**
   * Copies once every layer drawn in this task has been: Konva draws all layers that asked for
   * a redraw in one animation frame callback, and a microtask runs after it.
   */
  private copySoon(): void {
    if (!this.shown || this.copyQueued) return;
    this.copyQueued = true;
    queueMicrotask(() => {
      this.copyQueued = false;
      if (this.shown) this.copy();
    });
  }

  private copy(): void {
    const started = performance.now();
    const { element, stage } = this;
    const layers = this.layers.sort((a, b) => a.getZIndex() - b.getZIndex());
    const first = layers[0]?.getCanvas()._canvas;
    if (!element || !stage || !first || first.width === 0 || first.height === 0) return;
    const { width, height } = first;
    if (this.scratch?.width !== width || this.scratch.height !== height) {
      this.scratch = new OffscreenCanvas(width, height);
    }
    const scratch = this.scratch;
    const context = scratch.getContext('2d', { alpha: false });
    if (!context) return;
    for (const layer of layers) context.drawImage(layer.getCanvas()._canvas, 0, 0);
    if (element.width !== width) element.width = width;
    if (element.height !== height) element.height = height;
    element.style.width = first.style.width;
    element.style.height = first.style.height;
    // Handed over, not copied; the scratch canvas starts blank again.
    this.renderer()?.transferFromImageBitmap(scratch.transferToImageBitmap());
    this.holding = true;
    element.hidden = false;
    // Not drawn at all (not merely invisible), so that its canvases are not composited either.
    stage.style.display = 'none';
    this.spentMs += performance.now() - started;
  }

  private renderer(): ImageBitmapRenderingContext | null {
    return this.element?.getContext('bitmaprenderer', { alpha: false }) ?? null;
  }
}
