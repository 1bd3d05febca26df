// The building blocks of the summary preview: notes as text (never markup), sections, lists.
import { ANONYMOUS_AUTHOR, cardTag, type SummaryNote } from '@dartboard/board';
import { Fragment, type ReactNode } from 'react';

/** A note's text, its lines kept apart; blank lines dropped. */
export function NoteText({ text }: { text: string }) {
  const lines = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return <em className="summary-muted">(empty note)</em>;
  return (
    <>
      {lines.map((line, i) => (
        // Lines have no identity of their own: their place is their key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

export function Author({ name }: { name: string }) {
  return <span className="summary-author"> — {name.trim() || ANONYMOUS_AUTHOR}</span>;
}

/** One note as a list item: its kind when it is a card, its text and its author. */
export function NoteItem({
  note,
  tag = cardTag(note.card),
  children,
}: {
  note: SummaryNote;
  tag?: string | null;
  children?: ReactNode;
}) {
  return (
    <li>
      {tag && <span className="summary-tag">{tag}: </span>}
      <NoteText text={note.text} />
      <Author name={note.author} />
      {children}
    </li>
  );
}

/** Notes as a list, each marked with its kind unless `plain` (a list of one kind). */
export function NoteList({
  notes,
  empty,
  plain = false,
}: {
  notes: SummaryNote[];
  empty: string;
  plain?: boolean;
}) {
  if (notes.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul>
      {notes.map((note) =>
        plain ? (
          <NoteItem key={note.id} note={note} tag={null} />
        ) : (
          <NoteItem key={note.id} note={note} />
        ),
      )}
    </ul>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="summary-muted">{children}</p>;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="summary-section" aria-label={title}>
      <h4>{title}</h4>
      {children}
    </section>
  );
}
