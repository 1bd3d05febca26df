// The co-creation sections of the summary preview (see SummaryDocument.tsx).
import {
  countVoters,
  feasibilityLabel,
  formatMinute,
  SIDE_LABELS,
  SPIN_LABELS,
  SPIN_TYPES,
  SUMMARY_HEADINGS,
  type SummaryAction,
  type SummaryCommitments,
  type SummaryGroundRules,
  type SummaryIdea,
  type SummaryQuestion,
  type SummaryRisksAndBenefits,
  type SummaryVotes,
  type SummaryWeighted,
  weightLabel,
} from '@dartboard/board';
import { Author, Empty, NoteItem, NoteList, NoteText, Section } from './SummaryParts';

export function GroundRules({ rules }: { rules: SummaryGroundRules }) {
  const listed = rules.rules.filter((rule) => rule.trim() !== '');
  return (
    <Section title={SUMMARY_HEADINGS.groundRules}>
      {listed.length > 0 ? (
        <ol>
          {listed.map((rule, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are a list without ids.
            <li key={i}>{rule}</li>
          ))}
        </ol>
      ) : (
        <Empty>No ground rules were set.</Empty>
      )}
      {rules.agreed.length > 0 ? (
        <p>
          Agreed by{' '}
          {rules.agreed
            .map((person) =>
              person.at ? `${person.name} (${formatMinute(person.at)})` : person.name,
            )
            .join(', ')}
          .
        </p>
      ) : (
        <Empty>Nobody marked their agreement.</Empty>
      )}
    </Section>
  );
}

export function Questions({ questions }: { questions: SummaryQuestion[] }) {
  const groups = [...SPIN_TYPES, null]
    .map((spin) => ({ spin, list: questions.filter((question) => question.spin === spin) }))
    .filter((group) => group.list.length > 0);
  return (
    <Section title={SUMMARY_HEADINGS.questions}>
      {groups.length === 0 && <Empty>No questions.</Empty>}
      {groups.map(({ spin, list }) => (
        <div key={spin ?? 'other'}>
          <h5>{spin ? SPIN_LABELS[spin] : 'Other questions'}</h5>
          <ul>
            {list.map((question) => (
              <NoteItem key={question.id} note={question} tag={null}>
                <ul className="summary-answers">
                  {question.answers.map((answer) => (
                    <NoteItem key={answer.id} note={answer} tag={null} />
                  ))}
                  {question.answers.length === 0 && (
                    <li className="summary-muted">No answer recorded.</li>
                  )}
                </ul>
              </NoteItem>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

function WeightedCell({ card }: { card: SummaryWeighted | undefined }) {
  if (!card) return <td />;
  const weight = weightLabel(card.weight);
  return (
    <td>
      {weight && <strong className={`summary-weight weight-${card.weight}`}>{weight}: </strong>}
      <NoteText text={card.text} />
      <Author name={card.author} />
    </td>
  );
}

export function RisksAndBenefits({ cards }: { cards: SummaryRisksAndBenefits }) {
  const { risks, benefits } = cards;
  const rows = Math.max(risks.length, benefits.length);
  return (
    <Section title={SUMMARY_HEADINGS.risksAndBenefits}>
      {rows === 0 ? (
        <Empty>No risks or benefits.</Empty>
      ) : (
        <table className="summary-table summary-sides">
          <thead>
            <tr>
              <th scope="col">Risks</th>
              <th scope="col">Benefits</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={`${risks[i]?.id}-${benefits[i]?.id}`}>
                <WeightedCell card={risks[i]} />
                <WeightedCell card={benefits[i]} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function Ideas({ ideas }: { ideas: SummaryIdea[] }) {
  return (
    <Section title="Ideas">
      <ul>
        {ideas.map((idea) => (
          <NoteItem key={idea.id} note={idea} tag={feasibilityLabel(idea.feasibility)} />
        ))}
      </ul>
    </Section>
  );
}

export function Votes({ votes }: { votes: SummaryVotes | null }) {
  if (!votes) {
    return (
      <Section title={SUMMARY_HEADINGS.votes}>
        <Empty>No vote was held.</Empty>
      </Section>
    );
  }
  const how = [
    `${votes.dots} ${votes.dots === 1 ? 'dot' : 'dots'} each`,
    votes.zone === null
      ? 'on the whole board'
      : `on the zone “${votes.zone.trim() || 'Untitled zone'}”`,
    votes.anonymous ? 'anonymous' : null,
    votes.revealedAt ? `revealed ${formatMinute(votes.revealedAt)}` : null,
  ].filter((part) => part !== null);
  return (
    <Section title={SUMMARY_HEADINGS.votes}>
      <p className="summary-muted">{how.join(' · ')}</p>
      {votes.revealedAt === null ? (
        <Empty>The vote is still open: the result is shown once the facilitator reveals it.</Empty>
      ) : votes.ranking.length === 0 ? (
        <Empty>No dots were placed.</Empty>
      ) : (
        <ol className="summary-ranking">
          {votes.ranking.map((result) => (
            <li key={result.noteId}>
              <NoteText text={result.text} /> —{' '}
              <strong>
                {result.dots} {result.dots === 1 ? 'dot' : 'dots'}
              </strong>
              {result.voters.length > 0 &&
                ` (${countVoters(result.voters)
                  .map(({ name, dots }) => (dots > 1 ? `${name} ×${dots}` : name))
                  .join(', ')})`}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export function Actions({ actions }: { actions: SummaryAction[] }) {
  return (
    <Section title={SUMMARY_HEADINGS.actions}>
      {actions.length === 0 ? (
        <Empty>No action items.</Empty>
      ) : (
        <table className="summary-table">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.id}>
                <td>
                  <NoteText text={action.text} />
                </td>
                <td>{action.owner ?? '—'}</td>
                <td className="summary-date">{action.due ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function Commitments({ commitments }: { commitments: SummaryCommitments }) {
  const { unassigned, ...sides } = commitments;
  const none = Object.values(commitments).every((list) => list.length === 0);
  return (
    <Section title={SUMMARY_HEADINGS.commitments}>
      {none ? (
        <Empty>No commitments.</Empty>
      ) : (
        <div className="summary-sides-list">
          {(['customer', 'supplier', 'both'] as const).map((side) => (
            <div key={side}>
              <h5>{SIDE_LABELS[side]}</h5>
              <NoteList notes={sides[side]} empty="None." plain />
            </div>
          ))}
          {unassigned.length > 0 && (
            <div>
              <h5>Side not set</h5>
              <NoteList notes={unassigned} empty="None." plain />
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
