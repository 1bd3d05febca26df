import type { Vote } from '@dartboard/board';
import { useEffect, useRef, useState } from 'react';
import { useBoardSnapshot } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { voteNews } from './voteNews';

let said = 0;

/**
 * Reads out, politely, when the facilitator starts, reveals or clears a vote, for whoever does
 * not watch the vote bar appear. Always on the page, so the region exists before its news.
 */
export function VoteAnnouncer() {
  const ctx = useBoardContext();
  const { session, zones } = useBoardSnapshot(ctx.board);
  const { vote } = session;
  const previous = useRef<Vote | null | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; id: number }>();
  useEffect(() => {
    const before = previous.current;
    previous.current = vote;
    // The vote as the board opened with it is no news.
    if (before === undefined) return;
    const zone = zones.find((z) => z.id === vote?.zoneId);
    const text = voteNews(before, vote, zone?.title);
    if (!text) return;
    said += 1;
    setMessage({ text, id: said });
  }, [vote, zones]);
  // A region of its own, apart from ChangeAnnouncer's, so that neither cuts the other short.
  return (
    <div className="visually-hidden">
      <div aria-live="polite" aria-atomic="true" data-vote-news="">
        {message && <p key={message.id}>{message.text}</p>}
      </div>
    </div>
  );
}
