import { renderHook } from '@testing-library/react';
import type { BoardConnection, ConnectionStatus } from './connection';
import { useConnectionStatus } from './hooks';

/** Renders useConnectionStatus for tests and records every distinct status it shows, in order. */
export function renderStatus(connection: BoardConnection) {
  const seen: ConnectionStatus[] = [];
  const hook = renderHook(() => {
    const status = useConnectionStatus(connection);
    if (seen[seen.length - 1] !== status) seen.push(status);
    return status;
  });
  return { hook, seen };
}
