import {
  DART_ZONES,
  JOURNEY_ZONES,
  type NewZone,
  SPIN_ZONES,
  type TemplateName,
} from '@dartboard/board';
import { ZONE_FALLBACK, ZONE_THEME } from '../canvas/theme';

interface Choice {
  template: TemplateName;
  /** The radio button's accessible name. */
  name: string;
  description: string;
  zones: readonly NewZone[];
}

const CHOICES: readonly Choice[] = [
  {
    template: 'dart',
    name: 'DART',
    description: 'Dialogue, Access, Risk assessment, Transparency',
    zones: DART_ZONES,
  },
  {
    template: 'spin',
    name: 'SPIN',
    description: 'Situation, Problem, Implication and Need-payoff questions',
    zones: SPIN_ZONES,
  },
  {
    template: 'journey',
    name: 'Journey',
    description: 'Objective, Options, Ideation, Prototype, Test, Launch',
    zones: JOURNEY_ZONES,
  },
  { template: 'blank', name: 'Blank', description: 'No zones: add your own', zones: [] },
];

/** The template's layout, drawn small from the zones the board will get. */
function Preview({ zones }: { zones: readonly NewZone[] }) {
  const width = Math.max(1, ...zones.map((z) => z.x + z.width));
  const height = Math.max(1, ...zones.map((z) => z.y + z.height));
  // A blank board: an empty sheet of the DART board's proportions.
  const viewBox = zones.length ? `0 0 ${width} ${height}` : '0 0 1840 1440';
  return (
    <svg className="template-preview" viewBox={viewBox} aria-hidden="true" focusable="false">
      {zones.map((zone) => {
        const theme = ZONE_THEME[zone.kind] ?? ZONE_FALLBACK;
        return (
          <g key={zone.kind}>
            <rect
              x={zone.x}
              y={zone.y}
              width={zone.width}
              height={zone.height}
              rx={48}
              fill={theme.fill}
              stroke={theme.stroke}
              strokeWidth={24}
            />
            <rect
              x={zone.x + 60}
              y={zone.y + 60}
              width={Math.min(zone.width - 120, 90 * zone.title.length)}
              height={80}
              rx={20}
              fill={theme.title}
              opacity={0.7}
            />
          </g>
        );
      })}
    </svg>
  );
}

/** The landing page's choice of template, as radio buttons each with a preview of its layout. */
export function TemplatePicker({
  value,
  onChange,
}: {
  value: TemplateName;
  onChange: (template: TemplateName) => void;
}) {
  return (
    <fieldset className="template-picker">
      <legend>Template</legend>
      {CHOICES.map((choice) => (
        <div key={choice.template} className="template-choice">
          {/* The description is outside the label: the radio's name is the template's alone. */}
          <label>
            <input
              type="radio"
              name="template"
              value={choice.template}
              checked={value === choice.template}
              onChange={() => onChange(choice.template)}
              aria-describedby={`template-${choice.template}-description`}
            />
            <Preview zones={choice.zones} />
            <span className="template-name">{choice.name}</span>
          </label>
          <span id={`template-${choice.template}-description`} className="template-description">
            {choice.description}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
