// A card's kind and details in words, the same on the canvas (a header strip), in the outline
// and wherever else a card is described, so a person never has to tell kinds apart by colour.
import {
  CARD_LABELS,
  type Card,
  FEASIBILITY_LABELS,
  SIDE_LABELS,
  SPIN_LABELS,
  WEIGHT_LABELS,
  type Weight,
} from './cards.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A due date ('YYYY-MM-DD') as people write it on a card: "1 Dec", with the year when it is
 * not `thisYear`. Anything else reads as ''.
 */
export function formatDue(due: string, thisYear: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (!match) return '';
  const [, year, month, day] = match;
  const name = MONTHS[Number(month) - 1];
  if (!name) return '';
  const short = `${Number(day)} ${name}`;
  return Number(year) === thisYear ? short : `${short} ${year}`;
}

/** The card's name: its kind, a question with its SPIN type ("Problem question"). */
export function cardTitle(card: Card): string {
  if (card.kind === 'question' && card.spin) return `${SPIN_LABELS[card.spin]} question`;
  return CARD_LABELS[card.kind];
}

/**
 * What a card says about itself besides its name, in order: a risk's or benefit's weight, an
 * idea's feasibility, an action's owner and due date, a commitment's side. Unset fields that
 * matter read as "… not set"; an action shows only what it has.
 */
export function cardDetails(card: Card, thisYear: number): string[] {
  switch (card.kind) {
    case 'risk':
    case 'benefit':
      return [card.weight ? WEIGHT_LABELS[card.weight] : 'weight not set'];
    case 'idea':
      return [card.feasibility ? FEASIBILITY_LABELS[card.feasibility] : 'feasibility not set'];
    case 'action': {
      const due = formatDue(card.due, thisYear);
      return [...(card.owner ? [card.owner] : []), ...(due ? [`due ${due}`] : [])];
    }
    case 'commitment':
      return [card.side ? SIDE_LABELS[card.side] : 'side not set'];
    default:
      return [];
  }
}

/** The header a card shows on the canvas: "Risk · High", "Action · Bob · due 1 Dec". */
export function cardHeading(card: Card, thisYear: number): string {
  const title = card.kind === 'action' ? 'Action' : cardTitle(card);
  return [title, ...cardDetails(card, thisYear)].join(' · ');
}

/**
 * The card as words before its text, for lists and screen readers: "Risk, high:", "Action
 * item, owner Bob, due 1 Dec:". Empty for a plain note.
 */
export function cardSentence(card: Card, thisYear: number): string {
  if (card.kind === 'note') return '';
  const details =
    card.kind === 'action'
      ? [
          ...(card.owner ? [`owner ${card.owner}`] : []),
          ...(card.due ? [`due ${formatDue(card.due, thisYear)}`] : []),
        ]
      : cardDetails(card, thisYear).map((detail) => detail.toLowerCase());
  return `${[cardTitle(card), ...details].join(', ')}:`;
}

/** A weight as filled and empty dots, for the eye: 2 is "●●○". */
export function weightDots(weight: Weight): string {
  return '●'.repeat(weight) + '○'.repeat(3 - weight);
}
