// The wire formats the load generator speaks. Dartboard and y-websocket use the plain
// y-websocket framing ([type][payload]); Hocuspocus prefixes every message with the document's
// name ([varString name][type][payload]), answers a sync step 1 with a step 2 and its own step 1
// sent as type 4 (SyncReply), and takes nothing but an Auth message (type 2, sub-type 0 Token,
// varString token) until it has answered it (sub-type 2 Authenticated, or 1 PermissionDenied).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type Protocol = 'y-websocket' | 'hocuspocus';

export const SYNC = 0;
export const AWARENESS = 1;
const AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;

export const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;

/** What the generator needs to know of a frame from the server. */
export type Incoming =
  | { kind: 'sync'; step: number; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'denied'; reason: string }
  | { kind: 'other' };

export class Wire {
  constructor(
    readonly protocol: Protocol,
    readonly docName: string,
  ) {}

  private frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    if (this.protocol === 'hocuspocus') encoding.writeVarString(encoder, this.docName);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  /** Frames to send as soon as the socket is open, before anything else. */
  hello(): Uint8Array[] {
    if (this.protocol !== 'hocuspocus') return [];
    // Hocuspocus wants a token even when the server checks none.
    return [
      this.frame((e) => {
        encoding.writeVarUint(e, AUTH);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, 'bench');
      }),
    ];
  }

  sync(step: number, payload: Uint8Array): Uint8Array {
    return this.frame((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, payload);
    });
  }

  awareness(update: Uint8Array): Uint8Array {
    return this.frame((e) => {
      encoding.writeVarUint(e, AWARENESS);
      encoding.writeVarUint8Array(e, update);
    });
  }

  read(frame: Uint8Array): Incoming {
    const decoder = decoding.createDecoder(frame);
    if (this.protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC || (this.protocol === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) {
      const step = decoding.readVarUint(decoder);
      return { kind: 'sync', step, payload: decoding.readVarUint8Array(decoder) };
    }
    if (type === AWARENESS)
      return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) };
    if (type === AUTH) {
      const sub = decoding.readVarUint(decoder);
      // Dartboard: 0 = permission denied; Hocuspocus: 1 = permission denied, 2 = authenticated.
      const denied = this.protocol === 'hocuspocus' ? sub === 1 : sub === 0;
      if (denied) return { kind: 'denied', reason: decoding.readVarString(decoder) };
    }
    return { kind: 'other' };
  }
}

/** One presence entry as y-protocols' awareness encodes it (a list of one). */
export function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

/** Calls `seen(clientId, clock)` for each entry of an awareness update, without the JSON. */
export function readAwareness(
  update: Uint8Array,
  seen: (clientId: number, clock: number) => void,
): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
    seen(clientId, clock);
  }
}
