import { useState } from 'react';
import { type BoardInfo, fetchSummary } from '../api';
import { useConnectionStatus } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { ConnectionBadge } from './ConnectionBadge';
import { PeopleList } from './PeopleList';
import { SessionTitle } from './SessionTitle';
import { ShareDialog } from './ShareDialog';

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function TopBar({
  info,
  outlineOpen,
  onToggleOutline,
}: {
  info: BoardInfo;
  outlineOpen: boolean;
  onToggleOutline: () => void;
}) {
  const ctx = useBoardContext();
  const status = useConnectionStatus(ctx.connection);
  const [sharing, setSharing] = useState(false);
  // The links as they are now: the facilitator may replace some while the page is open.
  const [links, setLinks] = useState(info.links);
  const [exportState, setExportState] = useState<'idle' | 'busy' | 'failed'>('idle');

  const exportSummary = async () => {
    setExportState('busy');
    try {
      const { markdown, filename } = await fetchSummary(ctx.boardId, ctx.token);
      download(filename, markdown);
      setExportState('idle');
    } catch {
      setExportState('failed');
    }
  };

  return (
    <header className="topbar">
      <a href="/" className="brand" aria-label="Dartboard home">
        Dartboard
      </a>
      <SessionTitle fallback={info.title} />
      {ctx.role === 'view' && <span className="tag">View only</span>}
      <div className="spacer" />
      <ConnectionBadge status={status} />
      <PeopleList role={ctx.role} />
      <button type="button" aria-pressed={outlineOpen} onClick={onToggleOutline}>
        Outline
      </button>
      {(links.edit || links.view) && (
        <button type="button" onClick={() => setSharing(true)}>
          Share
        </button>
      )}
      {ctx.role === 'facilitator' && (
        <button
          type="button"
          className="primary"
          onClick={exportSummary}
          disabled={exportState === 'busy'}
        >
          Export summary
        </button>
      )}
      {exportState === 'failed' && (
        <span className="field-error" role="alert">
          Export failed. Check the connection and try again.
        </span>
      )}
      {sharing && (
        <ShareDialog
          links={links}
          onClose={() => setSharing(false)}
          replace={
            ctx.role === 'facilitator'
              ? { boardId: ctx.boardId, token: ctx.token, onReplaced: setLinks }
              : undefined
          }
        />
      )}
    </header>
  );
}
