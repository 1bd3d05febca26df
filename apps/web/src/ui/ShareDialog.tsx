import { useEffect, useRef, useState } from 'react';
import { type BoardLinks, replaceLink } from '../api';

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
  onReplace,
}: {
  id: string;
  label: string;
  hint: string;
  link: string;
  /** Given to the facilitator: replaces the link; resolves when done, rejects on failure. */
  onReplace?: () => Promise<void>;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="link-field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
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
      {onReplace && <ReplaceLink label={label} onReplace={onReplace} />}
    </div>
  );
}

/** "Replace link", asking first: the current link stops working for everyone who has it. */
function ReplaceLink({ label, onReplace }: { label: string; onReplace: () => Promise<void> }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy' | 'done' | 'failed'>('idle');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirm.current?.focus();
  }, [step]);
  const replace = async () => {
    setStep('busy');
    try {
      await onReplace();
      setStep('done');
    } catch {
      setStep('failed');
    }
  };
  if (step === 'confirm' || step === 'busy') {
    return (
      <div className="replace-confirm" role="alert">
        <p>
          Replace the {label.toLowerCase()}? Everyone using the current one is disconnected and
          needs the new link from you.
        </p>
        <p className="row">
          <button
            ref={confirm}
            type="button"
            className="danger"
            disabled={step === 'busy'}
            onClick={replace}
          >
            Replace
          </button>
          <button type="button" disabled={step === 'busy'} onClick={() => setStep('idle')}>
            Cancel
          </button>
        </p>
      </div>
    );
  }
  return (
    <p className="row replace-row">
      <button type="button" className="quiet" onClick={() => setStep('confirm')}>
        Replace link
      </button>
      <span className="muted small" aria-live="polite">
        {step === 'done' ? 'Replaced: the old link no longer works.' : ''}
        {step === 'failed' ? 'Could not replace the link. Check the connection and try again.' : ''}
      </span>
    </p>
  );
}

/**
 * The links this role may hand out, each with a copy button; the facilitator can also replace
 * the customer and view-only links (`replace` given).
 */
export function ShareDialog({
  links,
  onClose,
  replace,
}: {
  links: BoardLinks;
  onClose: () => void;
  replace?: { boardId: string; token: string; onReplaced: (links: BoardLinks) => void };
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const replacer = (role: 'edit' | 'view') =>
    replace
      ? async () => replace.onReplaced(await replaceLink(replace.boardId, replace.token, role))
      : undefined;
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
          onReplace={replacer('edit')}
        />
      )}
      {links.view && (
        <LinkField
          id="share-view"
          label="View-only link"
          hint="Follows the board live but cannot change it."
          link={links.view}
          onReplace={replacer('view')}
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
