import { useState } from 'react';
import { type BoardInfo, fetchSummary } from '../api';
import { useConnectionStatus } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { ConnectionBadge } from './ConnectionBadge';
import { type MenuAction, MoreMenu } from './MoreMenu';
import { PeopleList } from './PeopleList';
import { SessionTitle } from './SessionTitle';
import { ShareDialog } from './ShareDialog';
import { NARROW_QUERY, PHONE_QUERY, useMediaQuery } from './useMediaQuery';

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
  // What does not fit beside the title goes into "More": export below 1000 px, share on phones.
  const phone = useMediaQuery(PHONE_QUERY);
  const narrow = useMediaQuery(NARROW_QUERY);
  const canShare = Boolean(links.edit || links.view);
  const canExport = ctx.role === 'facilitator';

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

  const more: MenuAction[] = [];
  if (canShare && phone) more.push({ label: 'Share', onSelect: () => setSharing(true) });
  if (canExport && narrow) {
    more.push({
      label: 'Export summary',
      onSelect: exportSummary,
      disabled: exportState === 'busy',
    });
  }

  return (
    <header className="topbar">
      <a href="/" className="brand" aria-label="Dartboard home">
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <circle cx="16" cy="16" r="15" fill="#2563eb" />
          <circle cx="16" cy="16" r="10" fill="#fff" />
          <circle cx="16" cy="16" r="5" fill="#2563eb" />
        </svg>
        <span className="brand-name">Dartboard</span>
      </a>
      <SessionTitle fallback={info.title} />
      {ctx.role === 'view' && <span className="tag">View only</span>}
      <ConnectionBadge status={status} />
      <PeopleList role={ctx.role} />
      <button type="button" aria-pressed={outlineOpen} onClick={onToggleOutline}>
        Outline
      </button>
      {canShare && !phone && (
        <button type="button" onClick={() => setSharing(true)}>
          Share
        </button>
      )}
      {canExport && !narrow && (
        <button
          type="button"
          className="primary"
          onClick={exportSummary}
          disabled={exportState === 'busy'}
        >
          Export summary
        </button>
      )}
      <MoreMenu actions={more} />
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
