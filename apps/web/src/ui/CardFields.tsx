import {
  CARD_KINDS,
  CARD_LABELS,
  type CardKind,
  FEASIBILITIES,
  FEASIBILITY_LABELS,
  type Feasibility,
  type Note,
  OWNER_MAX_LENGTH,
  SIDE_LABELS,
  SIDES,
  type Side,
  SPIN_LABELS,
  SPIN_TYPES,
  type SpinType,
  WEIGHT_LABELS,
  WEIGHTS,
  type Weight,
} from '@dartboard/board';
import { type ReactNode, useState } from 'react';
import type { BoardContextValue } from './boardContext';
import { answerQuestion, changeCardKind, setCardDetails } from './cardActions';
import './cards.css';

/** The value of a select's "Not set" option. */
const UNSET = '';

interface Option<T extends string | number> {
  value: T;
  label: string;
}

function options<T extends string | number>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): Option<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/**
 * One labelled control: a visible label in the outline, an accessible name only in the toolbar
 * (`compact`), where space is short and the control's value says what it is.
 */
function Field({
  id,
  label,
  compact,
  children,
}: {
  id: string;
  label: string;
  compact: boolean;
  children: ReactNode;
}) {
  return compact ? (
    children
  ) : (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}

/** A select of one card detail, with "Not set" first. */
function DetailSelect<T extends string | number>({
  id,
  label,
  compact,
  value,
  choices,
  onChange,
  unset = true,
}: {
  id: string;
  label: string;
  compact: boolean;
  value: T | null;
  choices: readonly Option<T>[];
  onChange: (value: T | null) => void;
  /** Offers "Not set" (every detail but the kind itself). */
  unset?: boolean;
}) {
  return (
    <Field id={id} label={label} compact={compact}>
      <select
        id={id}
        aria-label={compact ? label : undefined}
        title={label}
        value={value === null ? UNSET : String(value)}
        onChange={(event) =>
          onChange(choices.find((c) => String(c.value) === event.target.value)?.value ?? null)
        }
      >
        {unset && <option value={UNSET}>{compact ? `${label}: not set` : 'Not set'}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={String(choice.value)}>
            {choice.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The action's owner, written as typed. The model trims a name (a trailing space goes), so the
 * field keeps what is being typed until it is left, and shows the stored name otherwise.
 */
function OwnerField({
  ctx,
  note,
  id,
  compact,
  owner,
}: {
  ctx: BoardContextValue;
  note: Note;
  id: string;
  compact: boolean;
  owner: string;
}) {
  const [draft, setDraft] = useState<string>();
  return (
    <Field id={id} label="Owner" compact={compact}>
      <input
        id={id}
        type="text"
        className="card-owner"
        aria-label={compact ? 'Owner' : undefined}
        placeholder={compact ? 'Owner' : undefined}
        maxLength={OWNER_MAX_LENGTH}
        autoComplete="off"
        value={draft ?? owner}
        onChange={(event) => {
          setDraft(event.target.value);
          setCardDetails(ctx, note, { owner: event.target.value });
        }}
        onBlur={() => setDraft(undefined)}
      />
    </Field>
  );
}

/**
 * A card's kind and the details of its kind, for the one selected card: "Card kind" turns it
 * into another kind; a question's "Question type", a risk's or benefit's "Weight", an idea's
 * "Feasibility", an action's "Owner" and "Due date", a commitment's "Side". Shown only to whoever
 * may edit the note; the canvas and the outline show the same details as text to everyone.
 */
export function CardFields({
  ctx,
  note,
  compact = false,
}: {
  ctx: BoardContextValue;
  note: Note;
  /** In the toolbar: no visible labels (each control still has its accessible name). */
  compact?: boolean;
}) {
  const { card } = note;
  const id = (name: string) => `card-${name}-${compact ? 'tool' : 'outline'}-${note.id}`;
  const set = (details: Parameters<typeof setCardDetails>[2]) => setCardDetails(ctx, note, details);
  return (
    <>
      <DetailSelect<CardKind>
        id={id('kind')}
        label="Card kind"
        compact={compact}
        value={card.kind}
        choices={options(CARD_KINDS, CARD_LABELS)}
        unset={false}
        onChange={(kind) => changeCardKind(ctx, note, kind ?? 'note')}
      />
      {card.kind === 'question' && (
        <DetailSelect<SpinType>
          id={id('spin')}
          label="Question type"
          compact={compact}
          value={card.spin}
          choices={options(SPIN_TYPES, SPIN_LABELS)}
          onChange={(spin) => set({ spin })}
        />
      )}
      {(card.kind === 'risk' || card.kind === 'benefit') && (
        <DetailSelect<Weight>
          id={id('weight')}
          label="Weight"
          compact={compact}
          value={card.weight}
          choices={options(WEIGHTS, WEIGHT_LABELS)}
          onChange={(weight) => set({ weight })}
        />
      )}
      {card.kind === 'idea' && (
        <DetailSelect<Feasibility>
          id={id('feasibility')}
          label="Feasibility"
          compact={compact}
          value={card.feasibility}
          choices={options(FEASIBILITIES, FEASIBILITY_LABELS)}
          onChange={(feasibility) => set({ feasibility })}
        />
      )}
      {card.kind === 'action' && (
        <>
          <OwnerField ctx={ctx} note={note} id={id('owner')} compact={compact} owner={card.owner} />
          <Field id={id('due')} label="Due date" compact={compact}>
            <input
              id={id('due')}
              type="date"
              aria-label={compact ? 'Due date' : undefined}
              title="Due date"
              value={card.due}
              onChange={(event) => set({ due: event.target.value })}
            />
          </Field>
        </>
      )}
      {card.kind === 'commitment' && (
        <DetailSelect<Side>
          id={id('side')}
          label="Side"
          compact={compact}
          value={card.side}
          choices={options(SIDES, SIDE_LABELS)}
          onChange={(side) => set({ side })}
        />
      )}
    </>
  );
}

/** "Answer" on a question card: a linked answer card beside it, open for typing. */
export function AnswerButton({
  ctx,
  note,
  className,
}: {
  ctx: BoardContextValue;
  note: Note;
  className?: string;
}) {
  if (note.card.kind !== 'question') return null;
  return (
    <button
      type="button"
      className={className}
      title="Add an answer beside this question"
      onClick={() => answerQuestion(ctx, note)}
    >
      Answer
    </button>
  );
}
