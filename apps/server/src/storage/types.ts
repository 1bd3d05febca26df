import type { Role } from '@dartboard/board';

export type { Role };

/** A board's row: what is known about it without loading its document. */
export interface BoardRecord {
  id: string;
  /** The title the board was created with; the live title is in the document's meta map. */
  title: string;
  template: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** A link token as stored: never the token itself, only its SHA-256 hash. */
export interface TokenRecord {
  role: Role;
  hash: Uint8Array;
}

/** A board's lower link token sealed under a key derived from a higher one (see links.ts). */
export interface SealRecord {
  /** The role whose token opens the seal. */
  holder: Role;
  /** The role of the sealed token. */
  role: Role;
  sealed: Uint8Array;
}

/**
 * Someone who was on a board, as its presence showed them: never a token or a writer key. One
 * record per visitor and board, kept across their connections.
 */
export interface VisitRecord {
  /**
   * Who this is on the board: `person:<person id>` for a connection with a writer key (the id is
   * public, it is in the board's people records), else `<role>:<name>`.
   */
  visitor: string;
  /** The display name their presence last carried. */
  name: string;
  /** The role of the link they last came with. */
  role: Role;
  /** When they were first there (ms since the epoch). */
  firstSeen: number;
  /** When they were last known to be there (ms since the epoch). */
  lastSeen: number;
}

export interface StoredDocument {
  /** The document's updates in the order they were stored; applying all of them restores it. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update, 0 when there is none. */
  lastSeq: number;
}

/** One stored update with its sequence number. */
export interface SeqUpdate {
  seq: number;
  update: Uint8Array;
}

/**
 * Where boards live. Every method may be asynchronous so that a networked database can
 * implement it; the relay awaits each write before anyone else sees the change.
 */
export interface Storage {
  /**
   * Stores a new board with its link tokens, their seals and the document's first update, all
   * or nothing.
   */
  createBoard(
    board: BoardRecord,
    tokens: TokenRecord[],
    initialUpdate: Uint8Array,
    seals?: SealRecord[],
  ): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | undefined>;
  /** Every board, oldest first (then by id). For exports of all boards. */
  listBoards(): Promise<BoardRecord[]>;
  /** The role a token hash grants on a board, or undefined when it grants none. */
  findRole(boardId: string, tokenHash: Uint8Array): Promise<Role | undefined>;
  /** The seals a holder's token opens; empty for boards made before seals existed. */
  listSeals(boardId: string, holder: Role): Promise<SealRecord[]>;
  /**
   * Replaces the token of `role` (every token hash of that role is removed) and all the
   * board's seals, in one transaction.
   */
  replaceLink(
    boardId: string,
    role: Role,
    tokenHash: Uint8Array,
    seals: SealRecord[],
  ): Promise<void>;
  loadDocument(boardId: string): Promise<StoredDocument>;
  /**
   * The stored updates numbered after `seq`, in order. With what was stored up to `seq`, they
   * make the whole document up to the last of them: an update compacted away meanwhile is in
   * the merged update, which is numbered after it.
   */
  loadUpdatesSince(boardId: string, seq: number): Promise<SeqUpdate[]>;
  /**
   * Appends one document update durably and returns its sequence number. Appends of one board
   * are numbered in the order they are called, also when a caller does not wait for one before
   * making the next.
   */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>;
  /**
   * Replaces every update up to and including `throughSeq` with `merged`, which must contain
   * all of them, in one transaction. Updates stored after `throughSeq` are kept. Returns the
   * sequence number of the merged update.
   */
  compact(boardId: string, merged: Uint8Array, throughSeq: number): Promise<number>;
  /**
   * The facilitator's preparation for a board (JSON text, see packages/board prep.ts) with its
   * revision, or undefined when none was saved. It lives apart from the board document.
   */
  loadPrep(boardId: string): Promise<{ revision: number; data: string } | undefined>;
  /**
   * Saves the preparation if the stored revision is still `expectedRevision` (0: none stored
   * yet), and returns the new revision; returns undefined, changing nothing, when someone saved
   * in the meantime.
   */
  savePrep(boardId: string, data: string, expectedRevision: number): Promise<number | undefined>;
  /**
   * Records that a visitor was on a board: creates their record, or updates its name and role
   * and widens its span (the earliest first sighting, the latest last one).
   */
  recordVisit(boardId: string, visit: VisitRecord): Promise<void>;
  /** Everyone recorded on a board, in the order they first came (then by visitor). */
  listVisits(boardId: string): Promise<VisitRecord[]>;
  /** Resolves when storage answers a trivial query; rejects when it cannot. For /healthz. */
  check(): Promise<void>;
  close(): Promise<void>;
}
