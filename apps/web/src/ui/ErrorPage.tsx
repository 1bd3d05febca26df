import type { OpenFailure } from '../api';

/** Why a board page shows this page: its link could not be opened, or the server ended it. */
export type PageProblem = OpenFailure | 'link_replaced' | 'too_many_changes' | 'connection_closed';

const MESSAGES: Record<PageProblem, { title: string; body: string }> = {
  no_token: {
    title: 'This link is incomplete',
    body: 'The link is missing its access code (the part after “#token=”). Copy the whole link again, or ask the person who shared it to send it again.',
  },
  unauthorized: {
    title: 'This link doesn’t work',
    body: 'The board exists, but this link is not valid for it: it may have been mistyped, cut short or replaced. Ask the person who shared it for a new link.',
  },
  not_found: {
    title: 'Board not found',
    body: 'There is no board at this address. It may have been deleted, or the link is mistyped.',
  },
  unreachable: {
    title: 'Can’t reach Dartboard',
    body: 'The server did not answer. Check your connection and try again.',
  },
  server: {
    title: 'Something went wrong on our side',
    body: 'The server could not open this board just now. Try again in a moment.',
  },
  link_replaced: {
    title: 'This link was replaced',
    body: 'The facilitator replaced the link you used, so it no longer opens this board. Ask the facilitator for the new link.',
  },
  too_many_changes: {
    title: 'The connection was closed',
    body: 'This page sent too many changes in a short time, so the server closed its connection. Reload the page to connect again.',
  },
  connection_closed: {
    title: 'The connection was closed',
    body: 'The server closed this page’s connection. Reload the page to connect again.',
  },
};

const RETRY_LABEL: Partial<Record<PageProblem, string>> = {
  unreachable: 'Try again',
  server: 'Try again',
  too_many_changes: 'Reload',
  connection_closed: 'Reload',
};

/** A clear page for a link that cannot be opened: never a blank canvas or an endless spinner. */
export function ErrorPage({ reason, onRetry }: { reason: PageProblem; onRetry?: () => void }) {
  const message = MESSAGES[reason];
  const retryLabel = RETRY_LABEL[reason];
  const retryable = retryLabel !== undefined && onRetry !== undefined;
  return (
    <main className="page center">
      <section className="card" aria-labelledby="error-title">
        <h1 id="error-title">{message.title}</h1>
        <p>{message.body}</p>
        <p className="actions">
          {retryable && (
            <button type="button" className="primary" onClick={onRetry}>
              {retryLabel}
            </button>
          )}
          <a href="/" className={retryable ? 'button' : 'button primary'}>
            Go to Dartboard
          </a>
        </p>
      </section>
    </main>
  );
}
