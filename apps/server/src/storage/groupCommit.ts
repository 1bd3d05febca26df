// What the two adapters' group commits (sqlite.ts, postgresAppends.ts) share.

/** An update waiting for its group commit, and how to tell its caller the outcome. */
export interface PendingAppend {
  boardId: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/** The bytes as a Buffer over the same memory, as the database drivers take binary values. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
