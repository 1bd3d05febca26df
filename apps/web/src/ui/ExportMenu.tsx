import { useState } from 'react';
import { useBoardContext } from './boardContext';
import { EXPORT_CHOICES, EXPORT_FORMAT_LABELS, type ExportFormatName } from './exportFormats';
import { useMenuButton } from './menuKeys';
import { exportAs } from './sessionActions';

export type ExportState =
  | { step: 'idle' }
  | { step: 'busy'; format: ExportFormatName }
  | { step: 'failed'; format: ExportFormatName; message: string };

/** Downloading an export: which one is on its way, and what went wrong with the last one. */
export function useExport() {
  const ctx = useBoardContext();
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  const run = async (format: ExportFormatName) => {
    setState({ step: 'busy', format });
    try {
      await exportAs(ctx, format);
      setState({ step: 'idle' });
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : '';
      setState({ step: 'failed', format, message });
    }
  };
  return { state, run };
}

/** What the top bar says about an export on its way or failed; nothing otherwise. */
export function ExportStatus({ state }: { state: ExportState }) {
  if (state.step === 'busy') {
    return (
      <span className="topbar-status" role="status">
        Preparing {EXPORT_FORMAT_LABELS[state.format]}…
      </span>
    );
  }
  if (state.step === 'failed') {
    return (
      <span className="field-error" role="alert">
        Export as {EXPORT_FORMAT_LABELS[state.format]} failed
        {state.message ? `: ${state.message.replace(/\.?$/, '.')}` : '.'} Check the connection and
        try again.
      </span>
    );
  }
  return null;
}

/**
 * The facilitator's "Export" menu button (the ARIA menu pattern, as "More"): one item per format
 * the server has, each downloading the session in that form, and "Copy summary…", which opens
 * the preview to copy from.
 */
export function ExportMenu({
  state,
  onExport,
  onCopy,
}: {
  state: ExportState;
  onExport: (format: ExportFormatName) => void;
  onCopy: () => void;
}) {
  const { open, close, buttonProps, menuProps } = useMenuButton();
  const busy = state.step === 'busy';
  return (
    <div className="menu-anchor">
      <button {...buttonProps} type="button" className="primary" aria-busy={busy || undefined}>
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div {...menuProps} role="menu" className="menu" aria-label="Export">
          {EXPORT_CHOICES.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={busy}
              onClick={() => {
                close();
                onExport(format);
              }}
            >
              {label}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              close();
              onCopy();
            }}
          >
            Copy summary…
          </button>
        </div>
      )}
    </div>
  );
}
