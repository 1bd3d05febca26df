import { type TemplateName, TITLE_MAX_LENGTH } from '@dartboard/board';
import { type FormEvent, useState } from 'react';
import { ApiError, createBoard } from '../api';
import { forgetSession, loadRecent, type RecentSession, rememberSession } from '../state/prefs';
import { TemplatePicker } from './TemplatePicker';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Start a new session, or go back to one this browser facilitated. */
export function Landing({ navigate }: { navigate: (url: string) => void }) {
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateName>('dart');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [recent, setRecent] = useState<RecentSession[]>(() => loadRecent());

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const board = await createBoard(title.trim() || undefined, template);
      rememberSession({
        id: board.id,
        title: board.title,
        link: board.links.facilitator,
        openedAt: Date.now(),
      });
      navigate(board.links.facilitator);
    } catch (caught) {
      setBusy(false);
      setError(
        caught instanceof ApiError
          ? caught.message
          : 'Could not reach the server to create the session. Check your connection and try again.',
      );
    }
  };

  return (
    <main className="page landing">
      <header className="landing-header">
        <p className="brand">Dartboard</p>
        <h1>Shape the offer together with your customer</h1>
        <p className="lede">
          A live whiteboard for co-creation sessions. Zones (the four of DART, the SPIN questions or
          the six steps of a co-creation journey) fill with sticky notes as you talk; your customer
          joins with a link and a name, and you export the summary afterwards.
        </p>
      </header>
      <form className="card start" onSubmit={start}>
        <label htmlFor="session-title">Session title (optional)</label>
        <div className="row">
          <input
            id="session-title"
            placeholder="e.g. Acme renewal workshop"
            maxLength={TITLE_MAX_LENGTH}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'New session'}
          </button>
        </div>
        <TemplatePicker value={template} onChange={setTemplate} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <section className="card recent" aria-labelledby="recent-title">
        <h2 id="recent-title">Your recent sessions</h2>
        {recent.length === 0 ? (
          <p className="muted">
            No sessions yet. Start one above and share its link with your customer.
          </p>
        ) : (
          <ul>
            {recent.map((session) => (
              <li key={session.id}>
                <a href={session.link}>{session.title}</a>
                <span className="muted">{dateFormat.format(session.openedAt)}</span>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Remove ${session.title} from this list`}
                  onClick={() => {
                    forgetSession(session.id);
                    setRecent(loadRecent());
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
