import './people.css';

/** Says over the board, in words, that this link only looks: not only the pill in the top bar. */
export function ViewOnlyBanner() {
  return (
    <p className="view-only-banner" role="status">
      View only: you can look and follow along, but not change the board.
    </p>
  );
}
