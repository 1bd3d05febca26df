import { ZONE_RADIUS, ZONE_STROKE, type Zone } from '@dartboard/board';
import type { Context } from 'konva/lib/Context';
import { memo, useCallback, useMemo } from 'react';
import { Group, Rect, Shape } from 'react-konva';
import type { Preview } from '../state/ui';
import { paintLock } from './paintNote';
import { zoneTheme } from './theme';
import { LABEL, type LabelLook, ZoneLabel } from './zoneLabel';
import type { ZoomRest } from './zoomRest';

/** The padlock in the corner of a locked zone, in board units. */
const ZONE_LOCK_SIZE = 22;

/**
 * Room kept free at the right of a zone's header for its buttons (ZoneControls: "Add note to",
 * and the facilitator's move handle), in board units: enough at the zooms text is read at.
 */
export function controlsReserve(canEdit: boolean, arranges: boolean): number {
  return arranges ? 190 : canEdit ? 110 : 0;
}

/** More room in the Risk assessment zone's header: its "Add risk" and "Add benefit" buttons. */
const RISK_BUTTONS_RESERVE = 170;

/** A zone's title and prompt, copied from a cached image (see ZoneLabel). */
function ZoneLabelShape({
  title,
  prompt,
  width,
  color,
  zoomRest,
}: LabelLook & { zoomRest: ZoomRest }) {
  const label = useMemo(() => new ZoneLabel(), []);
  const sceneFunc = useCallback(
    (konvaContext: Context) => {
      const context = konvaContext._context;
      // Board to device pixels, already moved to the label's corner.
      const { a: zoom, e: left, f: top } = context.getTransform();
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      const resolution = zoomRest.resolution(zoom);
      context.imageSmoothingEnabled = true;
      label.draw(context, { title, prompt, width, color }, { left, top, zoom, resolution });
      context.restore();
    },
    [label, zoomRest, title, prompt, width, color],
  );
  return (
    <Shape
      x={LABEL.x}
      y={LABEL.y}
      sceneFunc={sceneFunc}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}

const ZoneShape = memo(function ZoneShape({
  zone,
  arrangeable,
  reserve,
  zoomRest,
}: {
  zone: Zone;
  arrangeable: boolean;
  reserve: number;
  zoomRest: ZoomRest;
}) {
  const theme = zoneTheme(zone.kind);
  const lockX = zone.width - ZONE_LOCK_SIZE - (reserve > 0 ? reserve + 8 : 20);
  return (
    <Group x={zone.x} y={zone.y}>
      <Rect
        width={zone.width}
        height={zone.height}
        fill={theme.fill}
        stroke={theme.stroke}
        strokeWidth={ZONE_STROKE}
        cornerRadius={ZONE_RADIUS}
        perfectDrawEnabled={false}
      />
      <ZoneLabelShape
        title={zone.title}
        prompt={zone.prompt}
        width={Math.max(
          0,
          zone.width - LABEL.inset - reserve - (zone.locked ? ZONE_LOCK_SIZE + 12 : 0),
        )}
        color={theme.title}
        zoomRest={zoomRest}
      />
      {zone.locked && (
        <Shape
          x={lockX}
          y={20}
          listening={false}
          perfectDrawEnabled={false}
          sceneFunc={(context) => paintLock(context._context, 0, 0, ZONE_LOCK_SIZE, theme.title)}
        />
      )}
      {arrangeable && (
        // The corner the facilitator drags to resize the zone.
        <Rect
          x={zone.width - 22}
          y={zone.height - 22}
          width={14}
          height={14}
          cornerRadius={3}
          stroke={theme.stroke}
          strokeWidth={2}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
});

export function Zones({
  zones,
  preview,
  arrangeable,
  reserve,
  zoomRest,
}: {
  zones: readonly Zone[];
  preview: Preview | undefined;
  arrangeable: boolean;
  /** See controlsReserve. */
  reserve: number;
  zoomRest: ZoomRest;
}) {
  return (
    <>
      {zones.map((zone) => {
        const moved = preview?.get(zone.id);
        return (
          <ZoneShape
            key={zone.id}
            zone={moved ? { ...zone, ...moved } : zone}
            arrangeable={arrangeable}
            reserve={reserve > 0 && zone.kind === 'risk' ? reserve + RISK_BUTTONS_RESERVE : reserve}
            zoomRest={zoomRest}
          />
        );
      })}
    </>
  );
}
