import { useStore } from 'zustand';
import { usePeers } from '../sync/hooks';
import { useBoardContext } from '../ui/boardContext';

/** The view of the person this page follows, as a frame in their colour over the canvas. */
export function ViewFrame() {
  const ctx = useBoardContext();
  const peers = usePeers(ctx.connection.provider.awareness);
  const viewport = useStore(ctx.ui, (s) => s.viewport);
  const following = useStore(ctx.ui, (s) => s.following?.clientId);
  const view = peers.find((p) => p.clientId === following);
  if (!view?.view) return null;
  const { x, y, width, height } = view.view;
  return (
    <div
      className="view-frame"
      aria-hidden="true"
      data-follows={view.user.name}
      style={{
        borderColor: view.user.color,
        transform: `translate(${x * viewport.scale + viewport.x}px, ${y * viewport.scale + viewport.y}px)`,
        width: width * viewport.scale,
        height: height * viewport.scale,
      }}
    />
  );
}
