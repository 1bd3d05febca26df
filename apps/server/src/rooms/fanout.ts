import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// How relay instances that serve the same boards tell each other what they stored and who is
// there. The database stays the truth: a message lost here is read back from storage (see
// room.ts), so a fan-out only has to be fast, not reliable.

/** What a room is told by the other instances. */
export interface BoardListener {
  /** Another instance stored `update` of this board under `seq`. */
  update(seq: number, update: Uint8Array): void;
  /** Another instance relayed this awareness update (roles already stamped by it). */
  presence(update: Uint8Array): void;
  /** Messages may have been lost (the connection to the fan-out was down): catch up. */
  resumed(): void;
}

/** A room's line to the other instances, while it is loaded. */
export interface BoardLink {
  publishUpdate(seq: number, update: Uint8Array): void;
  publishPresence(update: Uint8Array): void;
  /** Stops listening; the room is going. */
  leave(): void;
}

/** Close every connection to a board made with one link (it was replaced). */
export interface LinkClose {
  boardId: string;
  /** The link token's hash, hex. */
  tokenHash: string;
  code: number;
  reason: string;
}

export interface FanOut {
  /**
   * Starts listening to a board. When the promise resolves, every message published from then
   * on reaches `listener`, unless the fan-out is down (then `resumed` follows once it is back).
   */
  join(boardId: string, listener: BoardListener): Promise<BoardLink>;
  /** Asks every other instance to close a link's connections. */
  publishLinkClose(close: LinkClose): void;
  /** Called for each link close another instance publishes. */
  onLinkClose(handler: (close: LinkClose) => void): void;
  close(): Promise<void>;
}

/** An update message: the sender's instance id, the sequence number, the update. */
export function encodeUpdateMessage(instance: string, seq: number, update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, instance);
  encoding.writeVarUint(encoder, seq);
  encoding.writeVarUint8Array(encoder, update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** A presence message: the sender's instance id and the awareness update. */
export function encodePresenceMessage(instance: string, update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, instance);
  encoding.writeVarUint8Array(encoder, update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

export function decodeUpdateMessage(message: Uint8Array) {
  const decoder = decoding.createDecoder(message);
  const instance = decoding.readVarString(decoder);
  const seq = decoding.readVarUint(decoder);
  return { instance, seq, update: decoding.readVarUint8Array(decoder) };
}

export function decodePresenceMessage(message: Uint8Array) {
  const decoder = decoding.createDecoder(message);
  const instance = decoding.readVarString(decoder);
  return { instance, update: decoding.readVarUint8Array(decoder) };
}
