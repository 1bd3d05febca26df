import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { colorFor, PEER_COLORS, readPeers, readSummon, readView } from './presence';

const created: Awareness[] = [];

function awarenessFor(clientId?: number): Awareness {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const awareness = new Awareness(doc);
  created.push(awareness);
  return awareness;
}

/** Another browser sets `state` as its presence, and its update reaches `local`. */
function remote(local: Awareness, state: unknown, clientId?: number): number {
  const peer = awarenessFor(clientId);
  peer.setLocalState(state as Record<string, unknown>);
  applyAwarenessUpdate(local, encodeAwarenessUpdate(peer, [peer.clientID]), 'remote');
  return peer.clientID;
}

const valid = (name: string, extra: Record<string, unknown> = {}) => ({
  user: { name, color: '#2563eb', role: 'edit' },
  cursor: { x: 10, y: 20 },
  ...extra,
});

afterEach(() => {
  for (const awareness of created.splice(0)) awareness.destroy();
});

describe('readPeers', () => {
  it('lists the other participants but never this browser itself', () => {
    const local = awarenessFor();
    local.setLocalState(valid('Me'));
    const id = remote(local, valid('Bob'));
    expect(readPeers(local)).toEqual([
      {
        clientId: id,
        user: { name: 'Bob', color: '#2563eb', role: 'edit' },
        cursor: { x: 10, y: 20 },
        view: null,
        summon: null,
      },
    ]);
  });

  it('sorts peers by name, then by client id for equal names', () => {
    const local = awarenessFor();
    remote(local, valid('zoë'), 30);
    remote(local, valid('Ann'), 20);
    remote(local, valid('Bob'), 12);
    remote(local, valid('Bob'), 11);
    expect(readPeers(local).map((p) => [p.user.name, p.clientId])).toEqual([
      ['Ann', 20],
      ['Bob', 11],
      ['Bob', 12],
      ['zoë', 30],
    ]);
  });

  it('ignores presence that is not well formed', () => {
    const hostile: [string, unknown][] = [
      ['a string', 'hello'],
      ['a number', 42],
      ['an array', [1, 2]],
      ['no user', { cursor: { x: 1, y: 1 } }],
      ['a null user', { user: null }],
      ['a string user', { user: 'Bob' }],
      ['a numeric name', { user: { name: 7, color: '#2563eb' } }],
      ['a missing name', { user: { color: '#2563eb' } }],
      ['a missing colour', { user: { name: 'Bob' } }],
      ['a named colour', { user: { name: 'Bob', color: 'red' } }],
      ['a short hex colour', { user: { name: 'Bob', color: '#abc' } }],
      ['CSS in the colour', { user: { name: 'Bob', color: '#000000; background: url(x)' } }],
    ];
    const local = awarenessFor();
    const labels = new Map<number, string>();
    for (const [label, state] of hostile) labels.set(remote(local, state), label);
    labels.set(remote(local, valid('Good')), 'valid');
    expect(readPeers(local).map((p) => labels.get(p.clientId))).toEqual(['valid']);
  });

  it('cuts huge names to 80 characters', () => {
    const local = awarenessFor();
    remote(local, valid('x'.repeat(100_000)));
    const [peer] = readPeers(local);
    expect(peer?.user.name).toBe('x'.repeat(80));
  });

  it('keeps markup in names as the literal text', () => {
    const local = awarenessFor();
    const name = '<img src=x onerror="alert(1)"><b>Bob</b>';
    remote(local, valid(name));
    expect(readPeers(local)[0]?.user.name).toBe(name);
  });

  it('reads a missing or non-string role as edit', () => {
    const local = awarenessFor();
    remote(local, { user: { name: 'A', color: '#2563eb' }, cursor: null }, 1);
    remote(local, { user: { name: 'B', color: '#2563eb', role: { admin: true } } }, 2);
    remote(local, { user: { name: 'C', color: '#2563eb', role: 'view' } }, 3);
    expect(readPeers(local).map((p) => p.user.role)).toEqual(['edit', 'edit', 'view']);
  });

  it('reads an unknown role, such as a built-in property name, as edit', () => {
    const local = awarenessFor();
    remote(local, { user: { name: 'A', color: '#2563eb', role: 'constructor' } }, 1);
    remote(local, { user: { name: 'B', color: '#2563eb', role: 'admin' } }, 2);
    remote(local, { user: { name: 'C', color: '#2563eb', role: 'facilitator' } }, 3);
    expect(readPeers(local).map((p) => p.user.role)).toEqual(['edit', 'edit', 'facilitator']);
  });

  it('reads a malformed cursor as no cursor, without dropping the peer', () => {
    const local = awarenessFor();
    remote(local, valid('A', { cursor: { x: '10', y: 20 } }), 1);
    remote(local, valid('B', { cursor: { x: 10 } }), 2);
    remote(local, valid('C', { cursor: 'here' }), 3);
    remote(local, valid('D', { cursor: null }), 4);
    remote(local, valid('E', { cursor: { x: -5.5, y: 1e6 } }), 5);
    expect(readPeers(local).map((p) => [p.user.name, p.cursor])).toEqual([
      ['A', null],
      ['B', null],
      ['C', null],
      ['D', null],
      ['E', { x: -5.5, y: 1e6 }],
    ]);
  });

  it('returns plain copies: a later change to the remote state does not alter them', () => {
    const local = awarenessFor();
    const peer = awarenessFor();
    peer.setLocalState(valid('Bob'));
    applyAwarenessUpdate(local, encodeAwarenessUpdate(peer, [peer.clientID]), 'remote');
    const [before] = readPeers(local);
    peer.setLocalStateField('cursor', { x: 99, y: 99 });
    applyAwarenessUpdate(local, encodeAwarenessUpdate(peer, [peer.clientID]), 'remote');
    expect(before?.cursor).toEqual({ x: 10, y: 20 });
    expect(readPeers(local)[0]?.cursor).toEqual({ x: 99, y: 99 });
  });
});

describe('view and summons in presence', () => {
  it('reads a view rectangle and ignores malformed ones', () => {
    expect(readView({ x: -10, y: 5, width: 800, height: 600 })).toEqual({
      x: -10,
      y: 5,
      width: 800,
      height: 600,
    });
    for (const bad of [
      null,
      'view',
      [1, 2, 3, 4],
      { x: 0, y: 0, width: 0, height: 600 },
      { x: 0, y: 0, width: -5, height: 600 },
      { x: '0', y: 0, width: 10, height: 10 },
      { x: 0, y: 0, width: 10 },
      { x: 1e12, y: 0, width: 10, height: 10 },
      { x: 0, y: 0, width: Number.NaN, height: 10 },
    ]) {
      expect(readView(bad)).toBeNull();
    }
  });

  it('obeys a summons only from the facilitator, and only a well-formed active one', () => {
    const summon = { id: 'a1b2', active: true };
    expect(readSummon(summon, 'facilitator')).toBe('a1b2');
    expect(readSummon(summon, 'edit')).toBeNull();
    expect(readSummon(summon, 'view')).toBeNull();
    for (const bad of [
      null,
      'a1b2',
      { id: 'a1b2' },
      { id: '', active: true },
      { id: 7, active: true },
      { id: 'x'.repeat(65), active: true },
      { id: 'a', active: 'yes' },
    ]) {
      expect(readSummon(bad, 'facilitator')).toBeNull();
    }
  });

  it('reaches peers: a customer claiming to be the facilitator (stamped edit) summons nobody', () => {
    const local = awarenessFor();
    const view = { x: 0, y: 0, width: 100, height: 50 };
    const summon = { id: 's1', active: true };
    const sam = remote(local, {
      user: { name: 'Sam', color: '#2563eb', role: 'facilitator' },
      cursor: null,
      view,
      summon,
    });
    // The server stamped the real role over the claimed one.
    const cara = remote(local, {
      user: { name: 'Cara', color: '#2563eb', role: 'edit' },
      cursor: null,
      summon,
      view: 'wide',
    });
    const peers = readPeers(local);
    expect(peers.find((p) => p.clientId === sam)).toMatchObject({ view, summon: 's1' });
    expect(peers.find((p) => p.clientId === cara)).toMatchObject({ view: null, summon: null });
  });
});

describe('colorFor', () => {
  const ids = Array.from({ length: 200 }, (_, i) => `person-${i}-${(i * 7919).toString(16)}`);

  it('gives the same colour for the same person every time', () => {
    for (const id of ids.slice(0, 20)) {
      expect(colorFor(id)).toBe(colorFor(id));
      expect(PEER_COLORS).toContain(colorFor(id));
    }
    expect(colorFor('0f'.repeat(16))).toBe(colorFor('0f'.repeat(16)));
  });

  it('spreads people over the whole palette', () => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(colorFor(id), (counts.get(colorFor(id)) ?? 0) + 1);
    expect(counts.size).toBe(PEER_COLORS.length);
    // No colour takes more than twice its share.
    for (const count of counts.values()) expect(count).toBeLessThan((2 * 200) / 8);
  });

  it('only hands out colours that other browsers accept as presence', () => {
    const local = awarenessFor();
    for (const [i, id] of ids.slice(0, 40).entries()) {
      remote(local, { user: { name: `P${i}`, color: colorFor(id), role: 'edit' }, cursor: null });
    }
    expect(readPeers(local)).toHaveLength(40);
  });
});
