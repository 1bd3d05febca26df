import { useEffect, useState } from 'react';
import type { ConnectionProblem, ConnectionStatus } from '../sync/connection';
import { useConnectionProblem, useUnsavedChanges } from '../sync/hooks';
import { useBoardContext } from './boardContext';

interface BadgeText {
  label: string;
  detail: string;
}

const TEXT: Record<ConnectionStatus, BadgeText> = {
  connecting: { label: 'Connecting…', detail: 'Opening the live connection.' },
  live: { label: 'Live', detail: 'Changes are shared as they happen.' },
  reconnecting: {
    label: 'Reconnecting… your edits are kept and will be sent',
    detail: 'The connection dropped. Keep working: your changes are kept and sent when it is back.',
  },
  offline: {
    label: 'Offline',
    detail: 'This device is offline. Your changes are kept and sent when it is back online.',
  },
};

/** A view-only link has no edits to keep: it only waits for the board to come back. */
const VIEWER_RECONNECTING: BadgeText = {
  label: 'Reconnecting…',
  detail: 'The connection dropped. The board updates again when it is back.',
};

/** What the server said when it turned the connection away; the page keeps trying. */
const BUSY_TEXT: Partial<Record<ConnectionProblem, BadgeText>> = {
  board_busy: {
    label: 'Too many people on this board',
    detail: 'The board holds as many people as it can just now. Still trying to get in…',
  },
  address_busy: {
    label: 'Too many connections from your network',
    detail:
      'Your network has as many connections open as the server allows. Close other board tabs; still trying…',
  },
};

/** A live page's changes normally take milliseconds: say "Saving…" only when they take longer. */
const SAVING_AFTER_MS = 400;

export function unsavedText(count: number): string {
  return count === 1 ? '1 change not saved yet' : `${count} changes not saved yet`;
}

/** True once `count` has stayed above zero for `delay` milliseconds. */
function useLasting(count: number, delay: number): boolean {
  const [lasting, setLasting] = useState(false);
  const pending = count > 0;
  useEffect(() => {
    setLasting(false);
    if (!pending) return;
    const timer = setTimeout(() => setLasting(true), delay);
    return () => clearTimeout(timer);
  }, [pending, delay]);
  return pending && lasting;
}

/**
 * The connection in a word or two, and whether this person's changes have reached the server:
 * "Saving…" while a live page waits for the server, "3 changes not saved yet" without one.
 */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { connection, canEdit } = useBoardContext();
  const unsaved = useUnsavedChanges(connection);
  const problem = useConnectionProblem(connection);
  const slow = useLasting(unsaved, SAVING_AFTER_MS);

  // Offline says more than what the server said last; live means it let us in after all.
  const busy =
    problem && status !== 'offline' && status !== 'live' ? BUSY_TEXT[problem] : undefined;
  const text = busy ?? (status === 'reconnecting' && !canEdit ? VIEWER_RECONNECTING : TEXT[status]);
  let pending: string | undefined;
  if (status !== 'live' && unsaved > 0) pending = unsavedText(unsaved);
  else if (status === 'live' && slow) pending = 'Saving…';

  return (
    <span
      className={`badge badge-${status}`}
      role="status"
      title={pending ? `${text.detail} ${pending.replace(/\w$/, '$&.')}` : text.detail}
      aria-label={`Connection: ${text.label}${pending ? `, ${pending.toLowerCase()}` : ''}`}
    >
      <span className="dot" aria-hidden="true" />
      <span className="badge-label">{text.label}</span>
      {pending && <span className="badge-pending">{pending}</span>}
    </span>
  );
}
