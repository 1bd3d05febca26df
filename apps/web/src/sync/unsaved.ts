import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

// Message types of the y-websocket protocol as the server speaks it (docs/api.md).
const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
/**
 * Dartboard's "saved" message, sent to a connection opened with `acks=1`: once per write
 * message (sync step 2 or update) of that connection, in order, after the server has stored it
 * or refused it. Format: [8, sync type].
 */
export const MESSAGE_SAVED = 8;

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface UnsavedOptions {
  provider: WebsocketProvider;
  doc: Y.Doc;
  /** Whether an update with this transaction origin is this person's own change. */
  isLocal(origin: unknown): boolean;
  /** Where the count survives a reload, and under which key (nothing kept when absent). */
  storage?: KeyValue;
  key: string;
  onChange(): void;
}

export interface UnsavedCounter {
  /** Local changes the server has not confirmed yet. */
  count(): number;
  /** Stops keeping the count across reloads and drops the kept one (the copy is gone). */
  forget(): void;
  destroy(): void;
}

function readKept(storage: KeyValue | undefined, key: string): number {
  try {
    const kept = Number(storage?.getItem(key) ?? 0);
    return Number.isSafeInteger(kept) && kept > 0 ? kept : 0;
  } catch {
    return 0;
  }
}

/**
 * Counts this person's changes that have not reached the server's storage yet, from the server's
 * acknowledgements. Each write message sent on the socket is remembered with the number of local
 * changes it carries; the ack for it (they come in order) takes it off. Changes made while the
 * socket is down are not sent at all: the next connection's sync step 2 carries them, as it
 * carries whatever an earlier socket sent without an ack before it closed.
 *
 * The provider must be connecting with `acks=1` in its params, or nothing is ever acknowledged.
 */
export function countUnsaved(options: UnsavedOptions): UnsavedCounter {
  const { provider, doc, isLocal, key, onChange } = options;
  let storage = options.storage;
  /** Local changes not sent yet: they go in the next sync step 2. */
  let unsent = readKept(storage, key);
  /** Per write message sent on the current socket and not acknowledged: its local changes. */
  let inFlight: number[] = [];

  const count = () => inFlight.reduce((sum, n) => sum + n, unsent);
  let kept = count();
  const changed = () => {
    const now = count();
    if (now === kept) return;
    kept = now;
    try {
      if (now > 0) storage?.setItem(key, String(now));
      else storage?.removeItem(key);
    } catch {
      // Storage full or disabled: the count is only lost across a reload.
    }
    onChange();
  };

  // Mirrors the provider's own update handler, which runs first: it sends every update that does
  // not come from the provider, when the socket is open.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    const local = isLocal(origin) ? 1 : 0;
    const ws = provider.ws;
    if (provider.wsconnected && ws && ws.readyState === ws.OPEN) inFlight.push(local);
    else unsent += local;
    changed();
  };
  doc.on('update', onUpdate);

  // The server's sync step 1 (on joining, or when it lacks something) is answered at once with a
  // step 2 holding everything it lacks: every change not sent yet goes with it.
  const syncHandler = provider.messageHandlers[MESSAGE_SYNC];
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
    const answersWithStep2 = decoding.peekVarUint(decoder) === SYNC_STEP1;
    syncHandler?.(encoder, decoder, p, emitSynced, type);
    if (!answersWithStep2) return;
    inFlight.push(unsent);
    unsent = 0;
    changed();
  };
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    decoding.readVarUint(decoder); // the sync type; acks come in the order of the writes
    // 1: not taken yet; the server asks for it again (sync step 1), so it goes with that step 2.
    const notTaken = decoding.hasContent(decoder) && decoding.readVarUint(decoder) === 1;
    const changes = inFlight.shift() ?? 0;
    if (notTaken) unsent += changes;
    changed();
  };

  // A write that was not acknowledged before its socket closed may never have been stored.
  const onClose = () => {
    unsent = count();
    inFlight = [];
    changed();
  };
  provider.on('connection-close', onClose);

  return {
    count,
    forget() {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing kept then.
      }
      storage = undefined;
    },
    destroy() {
      doc.off('update', onUpdate);
      provider.off('connection-close', onClose);
    },
  };
}
