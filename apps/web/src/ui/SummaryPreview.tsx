import type { SessionSummary } from '@dartboard/board';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchSummary, fetchSummaryJson } from '../api';
import { useBoardContext } from './boardContext';
import { copySummary } from './copySummary';
import { SummaryDocument } from './SummaryDocument';
import { download } from './sessionActions';
import './summary.css';

type Loaded = { summary: SessionSummary; markdown: string; filename: string };
type State = { step: 'loading' } | { step: 'failed' } | ({ step: 'ready' } & Loaded);
type Copy = { step: 'idle' | 'copying' | 'copied' } | { step: 'failed'; message: string };

/**
 * "Summary preview": the summary as the server has the board now, shown as a document, with
 * its Markdown and JSON downloads and "Copy summary" (plain text and HTML on the clipboard).
 * What is downloaded or copied is what is shown: both forms are fetched together when the
 * dialog opens (or "Try again" is pressed). Escape closes it; focus goes back to where it was.
 */
export function SummaryPreview({ onClose }: { onClose: () => void }) {
  const { boardId, token } = useBoardContext();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<State>({ step: 'loading' });
  const [copy, setCopy] = useState<Copy>({ step: 'idle' });

  const load = useCallback(async () => {
    setState({ step: 'loading' });
    try {
      const [summary, { markdown, filename }] = await Promise.all([
        fetchSummaryJson(boardId, token),
        fetchSummary(boardId, token),
      ]);
      setState({ step: 'ready', summary, markdown, filename });
    } catch {
      setState({ step: 'failed' });
    }
  }, [boardId, token]);

  useEffect(() => {
    // The element that opened the dialog (or, from a menu, the menu's button) gets focus back.
    const opener = document.activeElement;
    dialog.current?.showModal();
    void load();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [load]);

  const ready = state.step === 'ready' ? state : null;
  const copyNow = async (summary: SessionSummary) => {
    setCopy({ step: 'copying' });
    try {
      await copySummary(summary);
      setCopy({ step: 'copied' });
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'unknown error';
      setCopy({ step: 'failed', message });
    }
  };
  return (
    <dialog
      ref={dialog}
      className="share summary-preview"
      aria-labelledby="summary-preview-title"
      onClose={onClose}
    >
      <div className="summary-preview-bar">
        <h2 id="summary-preview-title">Summary preview</h2>
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!ready}
            onClick={() => ready && download(ready.filename, ready.markdown)}
          >
            Download Markdown
          </button>
          <button
            type="button"
            disabled={!ready}
            onClick={() =>
              ready &&
              download(
                ready.filename.replace(/\.md$/, '.json'),
                `${JSON.stringify(ready.summary, null, 2)}\n`,
                'application/json',
              )
            }
          >
            Download JSON
          </button>
          <button
            type="button"
            disabled={!ready || copy.step === 'copying'}
            onClick={() => ready && void copyNow(ready.summary)}
          >
            Copy summary
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {copy.step === 'copied' && (
          <p className="summary-copy-state" role="status">
            Copied: paste it into an e-mail (formatted) or a CRM field (plain text).
          </p>
        )}
        {copy.step === 'failed' && (
          <p className="summary-copy-state field-error" role="alert">
            Could not copy the summary: {copy.message}
          </p>
        )}
      </div>
      <div className="summary-preview-body">
        {state.step === 'loading' && (
          <p className="summary-state" role="status">
            Preparing the summary…
          </p>
        )}
        {state.step === 'failed' && (
          <div className="summary-state" role="alert">
            <p>The summary could not be loaded. Check the connection and try again.</p>
            <button type="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        )}
        {ready && (
          <>
            {ready.summary.noteCount === 0 && (
              <p className="summary-state" role="status">
                The board has no notes yet, so the summary holds little more than its headings.
              </p>
            )}
            <SummaryDocument summary={ready.summary} />
          </>
        )}
      </div>
    </dialog>
  );
}
