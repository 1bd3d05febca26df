import type { ConnectionStatus } from '../sync/connection';

const TEXT: Record<ConnectionStatus, { label: string; detail: string }> = {
  connecting: { label: 'Connecting…', detail: 'Opening the live connection.' },
  live: { label: 'Live', detail: 'Changes are shared as they happen.' },
  reconnecting: {
    label: 'Reconnecting…',
    detail: 'The connection dropped. Keep working: your changes are kept and sent when it is back.',
  },
  offline: {
    label: 'Offline',
    detail: 'This device is offline. Your changes are kept and sent when it is back online.',
  },
};

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const text = TEXT[status];
  return (
    <span
      className={`badge badge-${status}`}
      role="status"
      title={text.detail}
      aria-label={`Connection: ${text.label}`}
    >
      <span className="dot" aria-hidden="true" />
      {text.label}
    </span>
  );
}
