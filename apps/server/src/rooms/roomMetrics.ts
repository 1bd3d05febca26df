// What the relay counts for operators (docs/operations.md, "Metrics"). The rooms and routes
// call these; metrics.ts implements them with prom-client when metrics are on, and the no-op
// below stands in when they are off. Every label comes from the fixed sets here: never a board
// id, a token, a name or content.

/** Why a write was refused (its writer is sent the undoing and a permission-denied message). */
export type RefusedWrite =
  /** The role may not make the change (a view link writing, an edit link doing a facilitator's). */
  | 'permission'
  /** The change breaks the board's rules (note limit, a locked board, ...). */
  | 'rules'
  /** The board's stored document reached its byte limit. */
  | 'board_full'
  /** The update does not fit the board's schema. */
  | 'invalid';

/** Why a write was held back, not refused: the writer is asked again later. */
export type HeldBackWrite = 'missing_dependencies' | 'client_id_in_use';

/** Which limit a client ran into. */
export type LimitHit =
  /** Closed (4429): more messages per second than its allowance. */
  | 'message_rate'
  /** Closed (4429): more bytes per second than its allowance. */
  | 'byte_rate'
  /** Presence updates past the allowance, dropped. */
  | 'presence_rate'
  /** Closed (4429): too many refused writes per minute. */
  | 'refusal_flood'
  /** Turned away (4503): the board has as many connections as it takes. */
  | 'board_connections'
  /** Turned away (4529): the address has as many connections as it may open. */
  | 'address_connections'
  /** Closed (1013): too much data sent before the board was loaded. */
  | 'early_data'
  /** An HTTP request answered 429 by a route's rate limit. */
  | 'http_rate_limit';

export interface RoomMetrics {
  /** An update appended to storage, and how long the append took. */
  updateStored(seconds: number): void;
  refused(kind: RefusedWrite): void;
  heldBack(kind: HeldBackWrite): void;
  limitHit(kind: LimitHit): void;
  /** A presence message received from a client. */
  presenceReceived(): void;
  /** Presence frames sent to clients. */
  presenceRelayed(frames: number): void;
}

export const NO_METRICS: RoomMetrics = {
  updateStored() {},
  refused() {},
  heldBack() {},
  limitHit() {},
  presenceReceived() {},
  presenceRelayed() {},
};
