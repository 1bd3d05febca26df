import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useBoardContext } from './boardContext';

const SHOWN_MS = 5000;

/**
 * The short message of the moment (a refused change, a locked note), read out politely by
 * screen readers and gone after a few seconds or when dismissed.
 */
export function Notice() {
  const { ui } = useBoardContext();
  const notice = useStore(ui, (state) => state.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (ui.getState().notice?.id === notice.id) ui.setState({ notice: undefined });
    }, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [ui, notice]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <p className="notice">
          <span>{notice.text}</span>
          <button
            type="button"
            aria-label="Dismiss message"
            onClick={() => ui.setState({ notice: undefined })}
          >
            ×
          </button>
        </p>
      )}
    </div>
  );
}
