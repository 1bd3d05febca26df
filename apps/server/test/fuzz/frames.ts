import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodePresence, type PresenceEntry } from '../../src/rooms/presence.js';
import type { Rng } from './rng.js';

// Frames of the y-websocket protocol as the fuzz sends them: encoders for sync and presence
// frames, the reading of a frame back into the write it carries, and the raw garbage (random
// bytes, lying lengths, unknown message types, text frames) that needs no document to make.

/** The largest frame the fuzzed server accepts (its maxMessageBytes). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** The link a hostile socket connected with. */
export type Role = 'edit' | 'view';

/** One hostile frame, with the kind it is counted under. */
export interface Hostile {
  kind: string;
  data: Uint8Array | string;
}

export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function syncFrame(subType: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, subType);
    encoding.writeVarUint8Array(e, payload);
  });
}

export function presenceFrame(entries: PresenceEntry[]): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodePresence(entries));
  });
}

/** The document update the server would apply for `data`, if it is a sync write at all. */
export function writeOf(data: Uint8Array | string): Uint8Array | undefined {
  if (typeof data === 'string') return undefined;
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return undefined;
    const subType = decoding.readVarUint(decoder);
    if (subType !== 1 && subType !== 2) return undefined;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return undefined;
  }
}

export function hex(data: Uint8Array | string, max = 96): string {
  if (typeof data === 'string') return `text:${JSON.stringify(data.slice(0, max))}`;
  return Buffer.from(data.subarray(0, max)).toString('hex') + (data.length > max ? '…' : '');
}

// --- Raw garbage ------------------------------------------------------------------------------

export function randomBytes(r: Rng): Uint8Array {
  const length = r.chance(0.1) ? r.int(4096) : r.int(48);
  const bytes = r.bytes(length);
  // Often a plausible start, so the parsers get past the first byte.
  if (length > 0 && r.chance(0.5)) bytes[0] = r.pick([0, 1, 3]);
  if (length > 1 && bytes[0] === 0 && r.chance(0.5)) bytes[1] = r.pick([0, 1, 2]);
  return bytes;
}

export function syncGarbage(r: Rng): Uint8Array {
  const payload = r.bytes(r.int(r.chance(0.2) ? 2000 : 40));
  if (r.chance(0.2)) {
    // A length prefix that lies about what follows.
    return frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, r.pick([0, 1, 2]));
      encoding.writeVarUint(e, payload.length + 1 + r.int(2 ** 31));
      encoding.writeUint8Array(e, payload);
    });
  }
  return syncFrame(r.pick([0, 1, 2]), payload);
}

export function otherMessage(r: Rng): Hostile {
  switch (r.int(4)) {
    case 0:
      return {
        kind: 'unknown message type',
        data: frame((e) => {
          encoding.writeVarUint(e, r.pick([2, 4, 5, 7, 8, 9, 127, 128, 2 ** 20, 2 ** 31]));
          encoding.writeUint8Array(e, r.bytes(r.int(8)));
        }),
      };
    case 1:
      return {
        kind: 'unknown sync type',
        data: frame((e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 3 + r.int(2 ** 20));
          encoding.writeUint8Array(e, r.bytes(r.int(8)));
        }),
      };
    case 2:
      return { kind: 'query presence', data: frame((e) => encoding.writeVarUint(e, 3)) };
    default: {
      // A varUint longer than any integer.
      const bytes = new Uint8Array(12 + r.int(20)).fill(0xff);
      return { kind: 'endless varUint', data: bytes };
    }
  }
}

export function textFrame(r: Rng): string {
  return r.pick(['', '{"type":"update"}', '\u0000\u0001', r.text(200), 'x'.repeat(5000)]);
}

export function stepOne(r: Rng): Uint8Array {
  const vector = frame((e) => {
    const count = r.int(4);
    encoding.writeVarUint(e, count);
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(e, r.clientId());
      encoding.writeVarUint(e, r.int(2 ** 31));
    }
  });
  return syncFrame(0, vector);
}
