// @vitest-environment jsdom
import { addNote, applyTemplate, moveNotes, setNoteText } from '@dartboard/board';
import { act, renderHook, waitFor } from '@testing-library/react';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createBoardStore } from './boardStore';
import { type BoardConnection, connectBoard } from './connection';
import { useBoardSnapshot, usePeers } from './hooks';
import { renderStatus } from './renderStatus.testing';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('useBoardSnapshot', () => {
  function setup() {
    const doc = new Y.Doc();
    applyTemplate(doc, { template: 'dart', title: 'Demo', createdAt: 1 });
    const store = createBoardStore(doc);
    cleanups.push(() => store.destroy());
    let renders = 0;
    const hook = renderHook(() => {
      renders++;
      return useBoardSnapshot(store);
    });
    return { doc, store, hook, renders: () => renders };
  }

  it('renders the current board and re-renders with local and remote edits', () => {
    const { doc, hook } = setup();
    expect(hook.result.current.meta.title).toBe('Demo');
    expect(hook.result.current.zones).toHaveLength(4);
    let id = '';
    act(() => {
      id = addNote(doc, { text: 'mine', x: 0, y: 0, author: 'Ann', createdAt: 1 });
    });
    expect(hook.result.current.notes.map((n) => n.text)).toEqual(['mine']);

    const remote = new Y.Doc();
    sync(doc, remote);
    setNoteText(remote, id, 'edited by Bob');
    act(() => sync(remote, doc));
    expect(hook.result.current.byId.get(id)?.text).toBe('edited by Bob');
  });

  it('renders once per transaction and not at all when nothing changed', () => {
    const { doc, hook, renders } = setup();
    const ids: string[] = [];
    act(() => {
      for (let i = 0; i < 3; i++) {
        ids.push(addNote(doc, { text: `n${i}`, x: 0, y: 0, author: 'Ann', createdAt: i }));
      }
    });
    const afterAdd = renders();
    act(() =>
      moveNotes(
        doc,
        ids.map((id) => ({ id, x: 500, y: 500 })),
      ),
    );
    expect(renders()).toBe(afterAdd + 1);
    const snapshot = hook.result.current;
    hook.rerender();
    expect(hook.result.current).toBe(snapshot);
  });

  it('follows a different store when given one', () => {
    const other = new Y.Doc();
    applyTemplate(other, { template: 'blank', title: 'Other board', createdAt: 2 });
    const otherStore = createBoardStore(other);
    const switched = renderHook(({ store }) => useBoardSnapshot(store), {
      initialProps: { store: createBoardStore(new Y.Doc()) },
    });
    switched.rerender({ store: otherStore });
    expect(switched.result.current.meta.title).toBe('Other board');
    expect(switched.result.current.zones).toEqual([]);
  });
});

describe('usePeers', () => {
  function awarenessFor(): Awareness {
    const awareness = new Awareness(new Y.Doc());
    cleanups.push(() => awareness.destroy());
    return awareness;
  }

  /** Delivers `from`'s own presence (or its departure) to `to`, as the relay would. */
  function deliver(from: Awareness, to: Awareness): void {
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote');
  }

  const presence = (name: string, cursor: { x: number; y: number } | null = null) => ({
    user: { name, color: '#059669', role: 'edit' },
    cursor,
  });

  it('starts with the peers already present and never lists this browser', () => {
    const local = awarenessFor();
    local.setLocalState(presence('Me'));
    const bob = awarenessFor();
    bob.setLocalState(presence('Bob'));
    deliver(bob, local);
    const { result } = renderHook(() => usePeers(local));
    expect(result.current.map((p) => p.user.name)).toEqual(['Bob']);
  });

  it('shows peers as they join, move their cursor and leave', () => {
    const local = awarenessFor();
    const { result } = renderHook(() => usePeers(local));
    expect(result.current).toEqual([]);

    const bob = awarenessFor();
    bob.setLocalState(presence('Bob'));
    act(() => deliver(bob, local));
    expect(result.current).toEqual([
      { clientId: bob.clientID, ...presence('Bob'), view: null, summon: null },
    ]);

    const ann = awarenessFor();
    ann.setLocalState(presence('Ann'));
    act(() => deliver(ann, local));
    expect(result.current.map((p) => p.user.name)).toEqual(['Ann', 'Bob']);

    bob.setLocalStateField('cursor', { x: 120, y: -40 });
    act(() => deliver(bob, local));
    expect(result.current.find((p) => p.clientId === bob.clientID)?.cursor).toEqual({
      x: 120,
      y: -40,
    });

    bob.setLocalState(null);
    act(() => deliver(bob, local));
    expect(result.current.map((p) => p.user.name)).toEqual(['Ann']);
  });

  it('ignores a peer whose presence is malformed, and drops one that turns malformed', () => {
    const local = awarenessFor();
    const { result } = renderHook(() => usePeers(local));

    const mallory = awarenessFor();
    mallory.setLocalState({ user: { name: { toString: 'x' }, color: 'javascript:alert(1)' } });
    act(() => deliver(mallory, local));
    expect(result.current).toEqual([]);

    const bob = awarenessFor();
    bob.setLocalState(presence('Bob'));
    act(() => deliver(bob, local));
    expect(result.current.map((p) => p.user.name)).toEqual(['Bob']);

    bob.setLocalState({ user: 'Bob' });
    act(() => deliver(bob, local));
    expect(result.current).toEqual([]);
  });

  it('stops listening after unmount and follows a new awareness when it changes', () => {
    const first = awarenessFor();
    const second = awarenessFor();
    const carol = awarenessFor();
    carol.setLocalState(presence('Carol'));
    deliver(carol, second);

    const hook = renderHook(({ awareness }) => usePeers(awareness), {
      initialProps: { awareness: first },
    });
    expect(hook.result.current).toEqual([]);
    hook.rerender({ awareness: second });
    expect(hook.result.current.map((p) => p.user.name)).toEqual(['Carol']);

    // The first awareness no longer drives the hook.
    const dave = awarenessFor();
    dave.setLocalState(presence('Dave'));
    act(() => deliver(dave, first));
    expect(hook.result.current.map((p) => p.user.name)).toEqual(['Carol']);

    hook.unmount();
    expect(() => deliver(dave, second)).not.toThrow();
  });
});

// The relay runs in this Node process on the `ws` package. It is imported by a computed name,
// with the little of its API used here typed below, so that Node's type definitions (which
// `ws`'s types pull in) stay out of the browser app's typecheck.
interface RelaySocket {
  on(event: 'message', listener: (data: Uint8Array) => void): void;
  send(data: Uint8Array): void;
  terminate(): void;
}
interface RelayServer {
  clients: Set<RelaySocket>;
  address(): { port: number };
  on(event: 'connection', listener: (socket: RelaySocket) => void): void;
  once(event: 'listening', listener: () => void): void;
  close(callback: () => void): void;
}
interface WsModule {
  WebSocketServer: new (options: { host: string; port: number }) => RelayServer;
  WebSocket: unknown;
}
const WS_MODULE = 'ws';
const loadWs = () => import(/* @vite-ignore */ WS_MODULE) as Promise<WsModule>;

/**
 * A minimal y-websocket relay: answers sync step 1 with step 2, which is what makes the client
 * count as synced. With `holdSync`, answers wait until `release()`, like a server still loading a large board.
 */
async function startRelay({ holdSync = false } = {}) {
  const { WebSocketServer } = await loadWs();
  const doc = new Y.Doc();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  let held: (() => void)[] | undefined = holdSync ? [] : undefined;
  let messages = 0;
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      messages++;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return; // only sync messages
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.readSyncMessage(decoder, encoder, doc, null);
      if (encoding.length(encoder) <= 1) return;
      const answer = () => socket.send(encoding.toUint8Array(encoder));
      if (held) held.push(answer);
      else answer();
    });
  });
  const relay = {
    url: `ws://127.0.0.1:${wss.address().port}`,
    /** How many messages clients have sent so far. */
    messages: () => messages,
    release() {
      const answers = held ?? [];
      held = undefined;
      for (const answer of answers) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
  cleanups.push(relay.close);
  return relay;
}

// The ordinary cases (live, server down and restarted, offline, a refused link) run against the
// real server in connection.server.test.ts. This one needs a relay that can hold
// back its answer, which the real server does only while it loads a large board.
describe('useConnectionStatus (real connection to a local relay)', () => {
  // jsdom's WebSocket does not work under Vitest (its events come from another realm), so the
  // provider gets the `ws` client, the WebSocket that y-websocket itself supports in Node.
  beforeAll(async () => {
    vi.stubGlobal('WebSocket', (await loadWs()).WebSocket);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  function connect(serverUrl: string): BoardConnection {
    const connection = connectBoard({
      serverUrl,
      boardId: 'board1',
      token: 'secret-token-123456',
      name: 'Ann',
      role: 'edit',
    });
    cleanups.push(() => connection.destroy());
    return connection;
  }

  it('is not live while the socket is open but the board has not arrived yet', async () => {
    const relay = await startRelay({ holdSync: true });
    const { hook, seen } = renderStatus(connect(relay.url));
    // The client has connected and asked for the board (sync step 1, then its presence).
    await waitFor(() => expect(relay.messages()).toBeGreaterThanOrEqual(2));
    // Loading, not "reconnecting": the board has never been live yet.
    expect(hook.result.current).toBe('connecting');
    act(() => relay.release());
    await waitFor(() => expect(hook.result.current).toBe('live'));
    expect(seen).toEqual(['connecting', 'live']);
  });
});
