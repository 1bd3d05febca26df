import { type RefObject, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { BoardInfo } from '../api';
import { useBoardSnapshot, useConnectionStatus } from '../sync/hooks';
import { useBoardContext } from './boardContext';
import { ConnectionBadge } from './ConnectionBadge';
import { ExportMenu, ExportStatus, useExport } from './ExportMenu';
import { EXPORT_CHOICES } from './exportFormats';
import { setSummons, summoning } from './follow';
import { type MenuAction, MoreMenu } from './MoreMenu';
import { PeopleList } from './PeopleList';
import { EndSessionDialog, StartTimerDialog } from './SessionDialogs';
import { SessionTitle } from './SessionTitle';
import { ShareDialog } from './ShareDialog';
import { StartVoteDialog } from './StartVoteDialog';
import { SummaryPreview } from './SummaryPreview';
import { reopen, runsSession, stageActions } from './sessionActions';
import { NARROW_QUERY, PHONE_QUERY, useMediaQuery } from './useMediaQuery';

type Dialog = 'timer' | 'end' | 'summary' | 'vote';

/**
 * The facilitator's session tools, at the end of "More": timer, vote (while none is open),
 * stages, the summary preview, ending the session.
 */
function useSessionMenu(openDialog: (dialog: Dialog) => void): MenuAction[] {
  const ctx = useBoardContext();
  const { session } = useBoardSnapshot(ctx.board);
  if (!runsSession(ctx)) return [];
  const { stages, end, vote } = session;
  const voteOpen = vote !== null && vote.revealedAt === null;
  return [
    { label: 'Start timer', onSelect: () => openDialog('timer') },
    ...(voteOpen ? [] : [{ label: 'Start vote', onSelect: () => openDialog('vote') }]),
    stages.enabled
      ? { label: 'Hide stages', onSelect: () => stageActions.show(ctx, false) }
      : { label: 'Show stages', onSelect: () => stageActions.show(ctx, true) },
    { label: 'Preview summary', onSelect: () => openDialog('summary') },
    end.endedAt === null
      ? { label: 'End session', onSelect: () => openDialog('end') }
      : { label: 'Reopen session', onSelect: () => reopen(ctx) },
  ];
}

/** The facilitator's "Bring everyone here", which becomes "Release everyone" while on. */
function useSummonAction(): MenuAction {
  const { awareness } = useBoardContext().connection.provider;
  const on = useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => summoning(awareness),
  );
  return on
    ? { label: 'Release everyone', onSelect: () => setSummons(awareness, false) }
    : { label: 'Bring everyone here', onSelect: () => setSummons(awareness, true) };
}

/** The facilitator's "Prepare" button and whether the preparation panel is open. */
export interface PrepToggle {
  open: boolean;
  onToggle: () => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

export function TopBar({
  info,
  outlineOpen,
  onToggleOutline,
  prep,
}: {
  info: BoardInfo;
  outlineOpen: boolean;
  onToggleOutline: () => void;
  /** Only on the facilitator's page. */
  prep: PrepToggle | undefined;
}) {
  const ctx = useBoardContext();
  const status = useConnectionStatus(ctx.connection);
  const [sharing, setSharing] = useState(false);
  // The links as they are now: the facilitator may replace some while the page is open.
  const [links, setLinks] = useState(info.links);
  const exporting = useExport();
  const [dialog, setDialog] = useState<Dialog>();
  const rulesOpen = useStore(ctx.ui, (s) => s.groundRulesOpen);
  const toggleRules = () => ctx.ui.setState({ groundRulesOpen: !rulesOpen });
  const sessionMenu = useSessionMenu(setDialog);
  const summonAction = useSummonAction();
  // What does not fit beside the title goes into "More": the exports below 1000 px, share on
  // phones.
  const phone = useMediaQuery(PHONE_QUERY);
  const narrow = useMediaQuery(NARROW_QUERY);
  const canShare = Boolean(links.edit || links.view);
  const canExport = ctx.role === 'facilitator';

  const more: MenuAction[] = [];
  if (canShare && phone) more.push({ label: 'Share', onSelect: () => setSharing(true) });
  // "Copy summary…" is left out here: "Preview summary", further down, opens the same dialog.
  if (canExport && narrow) {
    for (const { format, label } of EXPORT_CHOICES) {
      more.push({
        label: `Export ${label}`,
        onSelect: () => void exporting.run(format),
        disabled: exporting.state.step === 'busy',
      });
    }
  }
  if (narrow) more.push({ label: 'Ground rules', onSelect: toggleRules });
  if (prep && phone) more.push({ label: 'Prepare', onSelect: prep.onToggle });
  if (ctx.role === 'facilitator') more.push(summonAction);
  more.push(...sessionMenu);

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
      {!narrow && (
        <button
          type="button"
          aria-expanded={rulesOpen}
          data-ground-rules-control=""
          onClick={toggleRules}
        >
          Ground rules
        </button>
      )}
      {prep && !phone && (
        <button
          ref={prep.buttonRef}
          type="button"
          aria-pressed={prep.open}
          onClick={prep.onToggle}
          title="Your preparation for this session: only you see it"
        >
          Prepare
        </button>
      )}
      {canShare && !phone && (
        <button type="button" onClick={() => setSharing(true)}>
          Share
        </button>
      )}
      {canExport && !narrow && (
        <ExportMenu
          state={exporting.state}
          onExport={(format) => void exporting.run(format)}
          onCopy={() => setDialog('summary')}
        />
      )}
      <MoreMenu actions={more} />
      <ExportStatus state={exporting.state} />
      {dialog === 'timer' && <StartTimerDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'end' && (
        <EndSessionDialog
          onClose={() => setDialog(undefined)}
          onEnded={() => setDialog('summary')}
        />
      )}
      {dialog === 'summary' && <SummaryPreview onClose={() => setDialog(undefined)} />}
      {dialog === 'vote' && <StartVoteDialog onClose={() => setDialog(undefined)} />}
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
