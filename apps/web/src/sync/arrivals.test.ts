import { describe, expect, it } from 'vitest';
import { createArrivals } from './arrivals';
import type { Peer } from './presence';

const GRACE = 2000;

function peer(clientId: number, name: string, color = '#2563eb'): Peer {
  return { clientId, user: { name, color, role: 'edit' }, cursor: null, view: null, summon: null };
}

describe('createArrivals', () => {
  it('does not say that the people already here joined', () => {
    const arrivals = createArrivals(GRACE);
    expect(arrivals.see([peer(1, 'Sam'), peer(2, 'Cara')], 0)).toEqual([]);
  });

  it('says who joins, and who left once they have been gone for the grace time', () => {
    const arrivals = createArrivals(GRACE);
    arrivals.see([peer(1, 'Sam')], 0);
    expect(arrivals.see([peer(1, 'Sam'), peer(2, 'Cara', '#db2777')], 100)).toEqual([
      { kind: 'joined', name: 'Cara', color: '#db2777' },
    ]);
    expect(arrivals.see([peer(2, 'Cara', '#db2777')], 1000)).toEqual([]);
    expect(arrivals.left(2999)).toEqual([]);
    expect(arrivals.left(3000)).toEqual([{ kind: 'left', name: 'Sam', color: '#2563eb' }]);
    expect(arrivals.left(9000)).toEqual([]);
  });

  it('says nothing when someone reloads or reconnects within the grace time', () => {
    const arrivals = createArrivals(GRACE);
    arrivals.see([peer(1, 'Sam')], 0);
    arrivals.see([], 100);
    // A reload: a new client id, the same name and colour.
    expect(arrivals.see([peer(7, 'Sam')], 1500)).toEqual([]);
    // A dropped connection: the same client id back.
    arrivals.see([], 2000);
    expect(arrivals.see([peer(7, 'Sam')], 2500)).toEqual([]);
    expect(arrivals.left(10_000)).toEqual([]);
  });

  it('tells apart two people of the same name by their colour', () => {
    const arrivals = createArrivals(GRACE);
    arrivals.see([peer(1, 'Sam', '#2563eb')], 0);
    arrivals.see([], 10);
    expect(arrivals.see([peer(2, 'Sam', '#059669')], 20)).toEqual([
      { kind: 'joined', name: 'Sam', color: '#059669' },
    ]);
    expect(arrivals.left(2010)).toEqual([{ kind: 'left', name: 'Sam', color: '#2563eb' }]);
  });

  it('says a late return as left, then joined', () => {
    const arrivals = createArrivals(GRACE);
    arrivals.see([peer(1, 'Sam')], 0);
    arrivals.see([], 0);
    expect(arrivals.left(5000)).toHaveLength(1);
    expect(arrivals.see([peer(3, 'Sam')], 6000)).toEqual([
      { kind: 'joined', name: 'Sam', color: '#2563eb' },
    ]);
  });
});
