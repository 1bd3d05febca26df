import type { Zone } from '@dartboard/board';
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { Preview } from '../state/ui';
import { FONT_FAMILY } from './fitText';
import { ZONE_FALLBACK, ZONE_THEME } from './theme';

const ZoneShape = memo(function ZoneShape({
  zone,
  arrangeable,
}: {
  zone: Zone;
  arrangeable: boolean;
}) {
  const theme = ZONE_THEME[zone.kind] ?? ZONE_FALLBACK;
  return (
    <Group x={zone.x} y={zone.y}>
      <Rect
        width={zone.width}
        height={zone.height}
        fill={theme.fill}
        stroke={theme.stroke}
        strokeWidth={2}
        cornerRadius={16}
        perfectDrawEnabled={false}
      />
      <Text
        x={24}
        y={16}
        width={Math.max(0, zone.width - 48)}
        text={zone.title}
        fontFamily={FONT_FAMILY}
        fontSize={28}
        fontStyle="bold"
        fill={theme.title}
        wrap="none"
        ellipsis
      />
      <Text
        x={24}
        y={54}
        width={Math.max(0, zone.width - 48)}
        text={zone.prompt}
        fontFamily={FONT_FAMILY}
        fontSize={17}
        fill={theme.title}
        opacity={0.75}
        wrap="none"
        ellipsis
      />
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
}: {
  zones: readonly Zone[];
  preview: Preview | undefined;
  arrangeable: boolean;
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
          />
        );
      })}
    </>
  );
}
