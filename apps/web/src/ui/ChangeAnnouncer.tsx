import { useEffect, useState } from 'react';
import { watchRemoteNoteChanges } from '../sync/remoteChanges';
import { describeChanges } from './announcements';
import { useBoardContext } from './boardContext';

let said = 0;

/**
 * Reads out, politely and without showing anything, what other people do to the notes ("Sam
 * added a note to Access"), so that someone who does not watch the canvas still follows along.
 */
export function ChangeAnnouncer() {
  const { doc, connection } = useBoardContext();
  const [message, setMessage] = useState<{ text: string; id: number }>();
  useEffect(() => {
    const { provider } = connection;
    return watchRemoteNoteChanges({
      doc,
      awareness: provider.awareness,
      // Live changes from the server; the board arriving with the first sync (or a resync after
      // a reconnection) is applied while the provider is not synced yet, and is no news.
      isRemote: (transaction) => transaction.origin === provider && provider.synced,
      onChanges: (changes) => {
        said += 1;
        setMessage({ text: describeChanges(changes), id: said });
      },
    });
  }, [doc, connection]);
  // A new element for every message, so that the same sentence twice is read twice.
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {message && <p key={message.id}>{message.text}</p>}
    </div>
  );
}
