import type { OpenFailure } from '../api';

const MESSAGES: Record<OpenFailure, { title: string; body: string }> = {
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
};

/** A clear page for a link that cannot be opened: never a blank canvas or an endless spinner. */
export function ErrorPage({ reason, onRetry }: { reason: OpenFailure; onRetry?: () => void }) {
  const message = MESSAGES[reason];
  const retryable = reason === 'unreachable' || reason === 'server';
  return (
    <main className="page center">
      <section className="card" aria-labelledby="error-title">
        <h1 id="error-title">{message.title}</h1>
        <p>{message.body}</p>
        <p className="actions">
          {retryable && onRetry && (
            <button type="button" className="primary" onClick={onRetry}>
              Try again
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
