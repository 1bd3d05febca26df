import { useEffect, useState } from 'react';
import { type Arrival, createArrivals } from '../sync/arrivals';
import { readPeers } from '../sync/presence';
import { useBoardContext } from './boardContext';
import { initials } from './initials';
import './people.css';

/** A reload or a short drop of someone's connection shorter than this says nothing. */
const GRACE_MS = 2000;
const SHOWN_MS = 5000;
const MAX_SHOWN = 3;

interface Shown extends Arrival {
  id: number;
}

let shownCount = 0;

/** "Sam joined", "Cara left": short messages in the corner of the board, read out politely. */
export function Arrivals() {
  const { connection } = useBoardContext();
  const [shown, setShown] = useState<readonly Shown[]>([]);

  useEffect(() => {
    const { awareness } = connection.provider;
    const arrivals = createArrivals(GRACE_MS);
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const show = (list: Arrival[]) => {
      for (const arrival of list) {
        shownCount += 1;
        const item = { ...arrival, id: shownCount };
        setShown((current) => [...current, item].slice(-MAX_SHOWN));
        const timer = setTimeout(() => {
          timers.delete(timer);
          setShown((current) => current.filter((other) => other.id !== item.id));
        }, SHOWN_MS);
        timers.add(timer);
      }
    };
    // Only a live connection knows who is here: while it is down, the provider has dropped
    // everyone else's presence, and their return is no news.
    const look = () => {
      if (connection.status() === 'live') show(arrivals.see(readPeers(awareness), Date.now()));
    };
    const onAwareness = ({ added, removed }: { added: number[]; removed: number[] }) => {
      if (added.length > 0 || removed.length > 0) look();
    };
    const poll = setInterval(() => show(arrivals.left(Date.now())), 500);
    awareness.on('change', onAwareness);
    const stopWatching = connection.onChange(look);
    look();
    return () => {
      awareness.off('change', onAwareness);
      stopWatching();
      clearInterval(poll);
      for (const timer of timers) clearTimeout(timer);
    };
  }, [connection]);

  return (
    <div className="arrivals" role="status">
      {shown.map((arrival) => (
        <p key={arrival.id} className="arrival">
          <span className="avatar" style={{ background: arrival.color }} aria-hidden="true">
            {initials(arrival.name)}
          </span>
          <span className="arrival-text">{`${arrival.name} ${arrival.kind}`}</span>
        </p>
      ))}
    </div>
  );
}
