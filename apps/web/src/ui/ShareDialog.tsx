import { useEffect, useRef, useState } from 'react';
import type { BoardLinks } from '../api';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function LinkField({
  id,
  label,
  hint,
  link,
}: {
  id: string;
  label: string;
  hint: string;
  link: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="link-field">
      <label htmlFor={id}>{label}</label>
      <p className="muted" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="row">
        <input
          id={id}
          ref={input}
          readOnly
          value={link}
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={async () => {
            const ok = await copyText(link);
            if (!ok) input.current?.select();
            setState(ok ? 'copied' : 'failed');
          }}
        >
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="muted small" aria-live="polite">
        {state === 'failed'
          ? 'Copying was blocked by the browser: the link is selected, press Ctrl+C.'
          : ''}
      </p>
    </div>
  );
}

/** The links this role may hand out, each with a copy button. */
export function ShareDialog({ links, onClose }: { links: BoardLinks; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="share" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">Share this board</h2>
      {links.edit && (
        <LinkField
          id="share-edit"
          label="Customer link"
          hint="Anyone with this link can add and edit notes. No account needed."
          link={links.edit}
        />
      )}
      {links.view && (
        <LinkField
          id="share-view"
          label="View-only link"
          hint="Follows the board live but cannot change it."
          link={links.view}
        />
      )}
      <form method="dialog">
        <button type="submit" className="primary">
          Done
        </button>
      </form>
    </dialog>
  );
}
