import { ZONE_PROMPT_MAX_LENGTH, ZONE_TITLE_MAX_LENGTH, type Zone } from '@dartboard/board';
import { type FormEvent, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useBoardContext } from '../ui/boardContext';
import { retitleZone } from '../ui/zoneActions';

/** The narrowest the editor gets on screen, however far the board is zoomed out. */
const MIN_WIDTH = 280;

/**
 * The facilitator's in-place editor for a zone's title and prompt, laid over the zone's header
 * (double-click it). Enter or leaving the form saves; Escape leaves the zone as it was.
 */
export function ZoneEditor({ zone }: { zone: Zone }) {
  const ctx = useBoardContext();
  const viewport = useStore(ctx.ui, (s) => s.viewport);
  const form = useRef<HTMLFormElement>(null);
  const title = useRef<HTMLInputElement>(null);
  const prompt = useRef<HTMLInputElement>(null);
  const closed = useRef(false);

  useLayoutEffect(() => {
    title.current?.focus();
    title.current?.select();
  }, []);

  const close = (save: boolean) => {
    if (closed.current) return;
    closed.current = true;
    if (save && title.current && prompt.current) {
      const text = { title: title.current.value, prompt: prompt.current.value };
      if (text.title !== zone.title || text.prompt !== zone.prompt) retitleZone(ctx, zone.id, text);
    }
    ctx.ui.setState({ editingZoneId: undefined });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    close(true);
  };

  return (
    <form
      ref={form}
      className="zone-editor"
      aria-label={`Edit zone ${zone.title || 'Untitled zone'}`}
      style={{
        left: zone.x * viewport.scale + viewport.x,
        top: zone.y * viewport.scale + viewport.y,
        width: Math.max(MIN_WIDTH, zone.width * viewport.scale),
      }}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close(false);
        }
        event.stopPropagation();
      }}
      onBlur={(event) => {
        if (!form.current?.contains(event.relatedTarget as Node | null)) close(true);
      }}
    >
      <input
        ref={title}
        className="zone-editor-title"
        aria-label="Zone title"
        defaultValue={zone.title}
        maxLength={ZONE_TITLE_MAX_LENGTH}
      />
      <input
        ref={prompt}
        className="zone-editor-prompt"
        aria-label="Zone prompt"
        defaultValue={zone.prompt}
        maxLength={ZONE_PROMPT_MAX_LENGTH}
      />
      <button type="submit" className="visually-hidden">
        Save zone
      </button>
    </form>
  );
}
