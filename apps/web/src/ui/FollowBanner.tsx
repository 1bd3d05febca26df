import { useStore } from 'zustand';
import { usePeers } from '../sync/hooks';
import { useBoardContext } from './boardContext';

/** "Following Sam — Stop": says whose view this page shows, and lets the person leave it. */
export function FollowBanner() {
  const ctx = useBoardContext();
  const peers = usePeers(ctx.connection.provider.awareness);
  const following = useStore(ctx.ui, (s) => s.following);
  const leader = following && peers.find((p) => p.clientId === following.clientId);
  if (!leader) return null;
  return (
    <div className="follow-banner" role="status" style={{ borderColor: leader.user.color }}>
      <span>Following {leader.user.name}</span>
      <span aria-hidden="true">—</span>
      <button
        type="button"
        aria-label="Stop following"
        onClick={() => ctx.ui.setState({ following: undefined })}
      >
        Stop
      </button>
    </div>
  );
}
