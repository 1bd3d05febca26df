// The session summary as the page shows it before it is downloaded: the same sections in the
// same order as the Markdown (packages/board summaryMarkdown.ts), drawn from the JSON form with
// React, so every text written by people stays text and nothing is parsed as markup.
import {
  DEFAULT_TITLE,
  formatDuration,
  formatMinute,
  OUTSIDE_SECTION_TITLE,
  participantDetail,
  type SessionSummary,
  type SummarySection,
  type SummaryStage,
} from '@dartboard/board';
import { NoteItem, NoteList, Section } from './SummaryParts';
import {
  Actions,
  Commitments,
  GroundRules,
  Ideas,
  Questions,
  RisksAndBenefits,
  Votes,
} from './SummarySections';

function Header({ summary }: { summary: SessionSummary }) {
  const { session, participants } = summary;
  const customer = [session.customer, session.company].filter((part) => part !== null);
  return (
    <header className="summary-header">
      <h3>{summary.title.trim() || DEFAULT_TITLE}</h3>
      <p className="summary-muted">
        {summary.date && `Session date: ${summary.date} · `}
        {summary.noteCount} {summary.noteCount === 1 ? 'note' : 'notes'} · exported{' '}
        {formatMinute(summary.generatedAt)}
        {summary.endedAt && (
          <>
            <br />
            Session ended {formatMinute(summary.endedAt)}
            {summary.durationMs !== null && ` · lasted ${formatDuration(summary.durationMs)}`}
          </>
        )}
      </p>
      <dl className="summary-facts">
        {participants.length > 0 && (
          <>
            <dt>Participants</dt>
            <dd>
              {participants
                .map((participant) => {
                  const detail = participantDetail(participant, summary.date);
                  return detail ? `${participant.name} (${detail})` : participant.name;
                })
                .join(', ')}
            </dd>
          </>
        )}
        {session.goal && (
          <>
            <dt>Goal</dt>
            <dd>{session.goal}</dd>
          </>
        )}
        {customer.length > 0 && (
          <>
            <dt>Customer</dt>
            <dd>{customer.length === 2 ? `${customer[0]} (${customer[1]})` : customer[0]}</dd>
          </>
        )}
      </dl>
    </header>
  );
}

function Stages({ stages }: { stages: SummaryStage[] }) {
  return (
    <Section title="Stages">
      <ul>
        {stages.map((stage) => (
          <li key={stage.stage}>
            <strong>{stage.label}</strong> —{' '}
            {stage.startedAt ? `began ${formatMinute(stage.startedAt)}` : 'not reached'}
            {stage.current && ' (current)'}
            {stage.notes.length > 0 && (
              <ul>
                {stage.notes.map((note) => (
                  <NoteItem key={note.id} note={note} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Zone({ zone, title }: { zone: SummarySection; title: string }) {
  return (
    <Section title={title}>
      {zone.prompt.trim() !== '' && <p className="summary-prompt">{zone.prompt}</p>}
      <NoteList notes={zone.notes} empty="No notes." />
    </Section>
  );
}

/** The whole summary, as a document. */
export function SummaryDocument({ summary }: { summary: SessionSummary }) {
  const underStages = new Set(summary.stages?.flatMap((stage) => stage.zoneIds) ?? []);
  const zones = summary.zones.filter((zone) => !zone.zoneId || !underStages.has(zone.zoneId));
  return (
    <article className="summary-doc" aria-label="Session summary">
      <Header summary={summary} />
      <GroundRules rules={summary.groundRules} />
      {summary.stages && <Stages stages={summary.stages} />}
      {zones.map((zone) => (
        <Zone key={zone.zoneId} zone={zone} title={zone.title.trim() || 'Untitled zone'} />
      ))}
      <Zone zone={summary.outside} title={OUTSIDE_SECTION_TITLE} />
      <Questions questions={summary.questions} />
      <RisksAndBenefits cards={summary.risksAndBenefits} />
      {summary.ideas.length > 0 && <Ideas ideas={summary.ideas} />}
      <Votes votes={summary.votes} />
      {summary.metrics.length > 0 && (
        <Section title="Test metrics">
          <ul>
            {summary.metrics.map((metric, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: metrics are a list without ids.
              <li key={i}>
                {metric.kind === 'success' ? 'Success' : 'Improvement'}:{' '}
                {metric.metric.trim() || '(unnamed metric)'}
                {metric.target.trim() && ` — target: ${metric.target}`}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Actions actions={summary.actions} />
      <Commitments commitments={summary.commitments} />
    </article>
  );
}
