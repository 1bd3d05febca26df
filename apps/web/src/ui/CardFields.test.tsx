// @vitest-environment jsdom
import {
  addNote,
  applyTemplate,
  listNotes,
  type Note,
  readNote,
  setNoteLocked,
} from '@dartboard/board';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../api';
import type { BoardContextValue } from './boardContext';
import { testContext } from './boardContext.testing';
import { CardFields } from './CardFields';
import { answerQuestion, setCardDetails } from './cardActions';

afterEach(cleanup);

/** A board page's context without a connection: the document, its snapshots and the UI state. */
function context(role: Role = 'edit'): BoardContextValue {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'dart', title: 'Cards', createdAt: 1 });
  return testContext(doc, { role, name: 'Cara' });
}

function note(ctx: BoardContextValue, id: string): Note {
  const found = readNote(ctx.doc, id);
  if (!found) throw new Error(`no note ${id}`);
  return found;
}

/** Renders the fields of a note as the outline shows them, drawn again after every change. */
function renderFields(ctx: BoardContextValue, id: string) {
  const view = render(<CardFields ctx={ctx} note={note(ctx, id)} />);
  ctx.doc.on('update', () => view.rerender(<CardFields ctx={ctx} note={note(ctx, id)} />));
}

describe('CardFields', () => {
  it('turns a note into a risk, weighs it, then makes it an action with an owner being typed', () => {
    const ctx = context();
    const id = addNote(ctx.doc, { x: 100, y: 200, author: 'Cara', text: 'Data may stall' });
    renderFields(ctx, id);
    act(() => {
      fireEvent.change(screen.getByLabelText('Card kind'), { target: { value: 'risk' } });
    });
    act(() => {
      fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '3' } });
    });
    expect(note(ctx, id).card).toEqual({ kind: 'risk', weight: 3 });
    expect(note(ctx, id).text).toBe('Data may stall');

    act(() => {
      fireEvent.change(screen.getByLabelText('Card kind'), { target: { value: 'action' } });
    });
    const owner = screen.getByLabelText('Owner') as HTMLInputElement;
    act(() => {
      fireEvent.change(owner, { target: { value: 'Bob ' } });
    });
    // The stored name is trimmed, the field keeps the space being typed.
    expect(note(ctx, id).card).toEqual({ kind: 'action', owner: 'Bob', due: '' });
    expect(owner.value).toBe('Bob ');
    act(() => {
      fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2026-12-01' } });
    });
    expect(note(ctx, id).card).toEqual({ kind: 'action', owner: 'Bob', due: '2026-12-01' });
  });

  it('grows a note whose text no longer fits under its new header', () => {
    const ctx = context();
    const text = 'Weekly check-in with both project leads and the sponsor';
    const id = addNote(ctx.doc, { x: 100, y: 200, author: 'Cara', text });
    const before = note(ctx, id).height;
    renderFields(ctx, id);
    act(() => {
      fireEvent.change(screen.getByLabelText('Card kind'), { target: { value: 'commitment' } });
    });
    expect(note(ctx, id).height).toBeGreaterThan(before);
  });
});

describe('card permissions and answers', () => {
  it('leaves a locked card and a viewer’s board unchanged', () => {
    const ctx = context();
    const id = addNote(ctx.doc, {
      x: 100,
      y: 200,
      author: 'Sam',
      card: { kind: 'idea', feasibility: null },
    });
    setNoteLocked(ctx.doc, id, true);
    setCardDetails(ctx, note(ctx, id), { feasibility: 'realistic' });
    expect(note(ctx, id).card).toEqual({ kind: 'idea', feasibility: null });
    expect(ctx.ui.getState().notice?.text).toBe('This note is locked by the facilitator.');

    const viewer = context('view');
    const other = addNote(viewer.doc, {
      x: 0,
      y: 0,
      author: 'Sam',
      card: { kind: 'risk', weight: null },
    });
    setCardDetails(viewer, note(viewer, other), { weight: 2 });
    expect(note(viewer, other).card).toEqual({ kind: 'risk', weight: null });
  });

  it('answers a question with a linked card beside it, selected and open for typing', () => {
    const ctx = context();
    const q = addNote(ctx.doc, {
      x: 100,
      y: 200,
      author: 'Sam',
      text: 'What slows onboarding?',
      card: { kind: 'question', spin: null, deckId: null },
    });
    const id = answerQuestion(ctx, note(ctx, q));
    const answer = id ? note(ctx, id) : undefined;
    expect(answer?.card).toEqual({ kind: 'answer', answerTo: q });
    expect(answer?.author).toBe('Cara');
    expect(answer && answer.x >= 100 + 200).toBe(true);
    expect(ctx.ui.getState()).toMatchObject({ selection: [id], editingNoteId: id });
    expect(listNotes(ctx.doc)).toHaveLength(2);
  });
});
