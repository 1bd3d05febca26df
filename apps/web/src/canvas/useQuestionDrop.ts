import { type RefObject, useEffect } from 'react';
import type { BoardContextValue } from '../ui/boardContext';
import { askQuestionAt, QUESTION_DRAG_TYPE } from '../ui/prepActions';

/**
 * A question dragged from the facilitator's deck and dropped on the board becomes a question
 * card where it was dropped. Anything else dragged over the board is left to the browser.
 */
export function useQuestionDrop(
  ctx: BoardContextValue,
  container: RefObject<HTMLDivElement | null>,
): void {
  useEffect(() => {
    const element = container.current;
    const prep = ctx.prep;
    if (!element || !prep) return;
    const carriesQuestion = (event: DragEvent) =>
      event.dataTransfer?.types.includes(QUESTION_DRAG_TYPE) ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!carriesQuestion(event) || !event.dataTransfer) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesQuestion(event)) return;
      event.preventDefault();
      const id = event.dataTransfer?.getData(QUESTION_DRAG_TYPE);
      const question = prep.store.getState().prep.questions.find((q) => q.id === id);
      if (!question || question.text.trim() === '') return;
      const frame = element.getBoundingClientRect();
      askQuestionAt(ctx, question, event.clientX - frame.left, event.clientY - frame.top);
    };
    element.addEventListener('dragover', onDragOver);
    element.addEventListener('drop', onDrop);
    return () => {
      element.removeEventListener('dragover', onDragOver);
      element.removeEventListener('drop', onDrop);
    };
  }, [ctx, container]);
}
