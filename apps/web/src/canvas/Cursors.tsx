import { useStore } from 'zustand';
import { usePeers } from '../sync/hooks';
import { useBoardContext } from '../ui/boardContext';

/** Other participants' pointers with their names, drawn over the canvas in the DOM. */
export function Cursors() {
  const ctx = useBoardContext();
  const peers = usePeers(ctx.connection.provider.awareness);
  const viewport = useStore(ctx.ui, (s) => s.viewport);
  return (
    <div className="cursors" aria-hidden="true">
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const x = peer.cursor.x * viewport.scale + viewport.x;
        const y = peer.cursor.y * viewport.scale + viewport.y;
        return (
          <div
            key={peer.clientId}
            className="cursor"
            style={{ transform: `translate(${x}px, ${y}px)` }}
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path
                d="M2 2 L16 8 L9 10 L6 16 Z"
                fill={peer.user.color}
                stroke="#fff"
                strokeWidth="1.5"
              />
            </svg>
            <span className="cursor-label" style={{ background: peer.user.color }}>
              {peer.user.name}
            </span>
          </div>
        );
      })}
    </div>
  );
}
