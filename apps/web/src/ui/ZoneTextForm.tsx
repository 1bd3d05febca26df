import { ZONE_PROMPT_MAX_LENGTH, ZONE_TITLE_MAX_LENGTH, type Zone } from '@dartboard/board';
import { useId, useState } from 'react';
import type { BoardContextValue } from './boardContext';
import { retitleZone } from './zoneActions';

/**
 * The facilitator's fields for a zone's title and prompt, in the outline. Enter saves, Escape
 * or Cancel leaves the zone as it was; `onDone` then gives focus back.
 */
export function ZoneTextForm({
  ctx,
  zone,
  onDone,
}: {
  ctx: BoardContextValue;
  zone: Zone;
  onDone: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(zone.title);
  const [prompt, setPrompt] = useState(zone.prompt);
  return (
    <form
      className="zone-form"
      onSubmit={(event) => {
        event.preventDefault();
        retitleZone(ctx, zone.id, { title, prompt });
        onDone();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onDone();
      }}
    >
      <label htmlFor={`${id}-title`}>Zone title</label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={ZONE_TITLE_MAX_LENGTH}
        // biome-ignore lint/a11y/noAutofocus: opened on purpose by the Edit zone button
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
      />
      <label htmlFor={`${id}-prompt`}>Zone prompt</label>
      <input
        id={`${id}-prompt`}
        value={prompt}
        maxLength={ZONE_PROMPT_MAX_LENGTH}
        onChange={(event) => setPrompt(event.target.value)}
      />
      <div className="row">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
