import {
  askedDeckIds,
  newId,
  PREP_QUESTION_MAX_LENGTH,
  PREP_QUESTIONS_MAX,
  type PrepQuestion,
  SPIN_LABELS,
  SPIN_TYPES,
  type SpinType,
} from '@dartboard/board';
import { useMemo, useRef } from 'react';
import type { PrepController } from '../state/prep';
import { useBoardSnapshot } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { askQuestion, QUESTION_DRAG_TYPE } from './prepActions';

function QuestionItem({
  question,
  index,
  asked,
  prep,
}: {
  question: PrepQuestion;
  index: number;
  asked: boolean;
  prep: PrepController;
}) {
  const ctx = useBoardContext();
  const label = `${SPIN_LABELS[question.type]} question ${index + 1}`;
  const textId = `prep-question-${question.id}`;
  const describedBy = `${textId}-words`;
  const update = (text: string) =>
    prep.edit((p) => ({
      ...p,
      questions: p.questions.map((q) => (q.id === question.id ? { ...q, text } : q)),
    }));
  const empty = question.text.trim() === '';
  return (
    <li className={asked ? 'prep-question asked' : 'prep-question'}>
      {/* Only the grip drags: a draggable item would take over selecting text in its field. */}
      <span
        className="prep-grip"
        aria-hidden="true"
        title="Drag onto the board"
        draggable={!empty}
        onDragStart={(event) => {
          event.dataTransfer.setData(QUESTION_DRAG_TYPE, question.id);
          event.dataTransfer.setData('text/plain', question.text);
          event.dataTransfer.effectAllowed = 'copy';
          const item = event.currentTarget.parentElement;
          if (item) event.dataTransfer.setDragImage(item, 12, 12);
        }}
      >
        ⠿
      </span>
      <textarea
        id={textId}
        aria-label={label}
        rows={2}
        maxLength={PREP_QUESTION_MAX_LENGTH}
        value={question.text}
        onChange={(event) => update(event.target.value)}
      />
      <span id={describedBy} className="visually-hidden">
        {question.text}
      </span>
      <div className="prep-question-actions">
        <button
          type="button"
          className="primary small"
          aria-describedby={describedBy}
          disabled={empty}
          onClick={() => askQuestion(ctx, question)}
        >
          Ask
        </button>
        {asked && (
          <span className="prep-asked">
            <span aria-hidden="true">✓ </span>Asked
          </span>
        )}
        <button
          type="button"
          className="quiet small"
          aria-label={`Remove ${label.toLowerCase()}`}
          onClick={() =>
            prep.edit((p) => ({
              ...p,
              questions: p.questions.filter((q) => q.id !== question.id),
            }))
          }
        >
          Remove
        </button>
      </div>
    </li>
  );
}

function TypeGroup({
  type,
  questions,
  asked,
  prep,
  full,
}: {
  type: SpinType;
  questions: readonly PrepQuestion[];
  asked: ReadonlySet<string>;
  prep: PrepController;
  full: boolean;
}) {
  const list = useRef<HTMLUListElement>(null);
  const headingId = `prep-deck-${type}`;
  const askedCount = questions.filter((q) => asked.has(q.id)).length;
  return (
    <section aria-labelledby={headingId} className="prep-deck-group">
      <h4 id={headingId}>
        {SPIN_LABELS[type]}{' '}
        <span className="count">
          ({askedCount} of {questions.length} asked)
        </span>
      </h4>
      {questions.length > 0 && (
        <ul ref={list}>
          {questions.map((question, index) => (
            <QuestionItem
              key={question.id}
              question={question}
              index={index}
              asked={asked.has(question.id)}
              prep={prep}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="quiet small"
        disabled={full}
        onClick={() => {
          prep.edit((p) => ({
            ...p,
            questions: [...p.questions, { id: newId(), type, text: '' }],
          }));
          // The new question's field, once it is rendered.
          requestAnimationFrame(() => {
            const fields = list.current?.querySelectorAll('textarea');
            fields?.[fields.length - 1]?.focus();
          });
        }}
      >
        Add {SPIN_LABELS[type].toLowerCase()} question
      </button>
    </section>
  );
}

/**
 * The question deck, by SPIN type: each question editable in place, asked with "Ask" or by
 * dragging it onto the board. A question counts as asked while a card on the board was made
 * from it, whoever moved or changed the card since.
 */
export function PrepDeck({
  prep,
  questions,
}: {
  prep: PrepController;
  questions: readonly PrepQuestion[];
}) {
  const ctx = useBoardContext();
  const { notes } = useBoardSnapshot(ctx.board);
  const asked = useMemo(() => askedDeckIds(notes), [notes]);
  const full = questions.length >= PREP_QUESTIONS_MAX;
  return (
    <>
      <p className="muted small">
        Press Ask, or drag a question onto the board: everyone sees it as a question card.
      </p>
      {SPIN_TYPES.map((type) => (
        <TypeGroup
          key={type}
          type={type}
          questions={questions.filter((q) => q.type === type)}
          asked={asked}
          prep={prep}
          full={full}
        />
      ))}
    </>
  );
}
