// The facilitator's preparation while the page has it open: loaded from the server on first use,
// edited here, saved back a moment after the typing stops. It is the server's data, not the
// board's: it never enters the Y.Doc, which every participant syncs.
import { defaultPrep, type Prep, parsePrep } from '@dartboard/board';
import { createStore } from 'zustand/vanilla';
import type { PrepSaveOutcome, PrepVersion } from '../api';

/** How long after the last change the preparation is saved. */
export const PREP_SAVE_DELAY_MS = 600;

export type PrepSave =
  /** Everything is on the server. */
  | { kind: 'saved' }
  /** Changed here; saved once the typing pauses. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Not saved; Retry tries again. */
  | { kind: 'failed'; reason: string }
  /** Someone saved another version first; it replaced the one shown here. */
  | { kind: 'conflict' };

export interface PrepState {
  load: { kind: 'idle' | 'loading' | 'ready' } | { kind: 'failed'; reason: string };
  prep: Prep;
  /** The server's revision the next save builds on. */
  revision: number;
  save: PrepSave;
}

/** The two calls the preparation needs, bound to a board and the facilitator's token. */
export interface PrepServer {
  load(): Promise<PrepVersion>;
  save(version: PrepVersion): Promise<PrepSaveOutcome>;
}

export type PrepController = ReturnType<typeof createPrepController>;

function reasonOf(error: unknown): string {
  if (error instanceof TypeError) return 'the server cannot be reached';
  return error instanceof Error ? error.message : String(error);
}

/** Why the preparation cannot be saved as it is, in words for the facilitator; or undefined. */
export function prepProblem(prep: Prep): string | undefined {
  const result = parsePrep(prep);
  if (result.ok) return undefined;
  if (/^prep\.questions\[\d+\]\.text must not be empty/.test(result.error)) {
    return 'a question is empty: write it or remove it';
  }
  return result.error;
}

/** The preparation's store and what changes it: load, edit (saved after a pause), retry. */
export function createPrepController(server: PrepServer, delayMs = PREP_SAVE_DELAY_MS) {
  const store = createStore<PrepState>()(() => ({
    load: { kind: 'idle' },
    prep: defaultPrep(),
    revision: 0,
    save: { kind: 'saved' },
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  // Changed since the last save was sent.
  let dirty = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delayMs);
  };

  async function load(): Promise<void> {
    const { kind } = store.getState().load;
    if (kind === 'loading' || kind === 'ready') return;
    store.setState({ load: { kind: 'loading' } });
    try {
      const { revision, prep } = await server.load();
      store.setState({ load: { kind: 'ready' }, revision, prep, save: { kind: 'saved' } });
    } catch (error) {
      store.setState({ load: { kind: 'failed', reason: reasonOf(error) } });
    }
  }

  /** Changes the preparation here at once; the server gets it once the changes pause. */
  function edit(change: (prep: Prep) => Prep): void {
    if (store.getState().load.kind !== 'ready') return;
    dirty = true;
    store.setState((state) => ({ prep: change(state.prep), save: { kind: 'pending' } }));
    schedule();
  }

  /** Sends the changes now (Retry, closing the panel); one save travels at a time. */
  async function save(): Promise<void> {
    clearTimeout(timer);
    if (inFlight) {
      await inFlight;
      return save();
    }
    if (!dirty) return;
    const { prep, revision } = store.getState();
    const problem = prepProblem(prep);
    if (problem) {
      store.setState({ save: { kind: 'failed', reason: problem } });
      return;
    }
    dirty = false;
    store.setState({ save: { kind: 'saving' } });
    inFlight = (async () => {
      try {
        const outcome = await server.save({ revision, prep });
        if (outcome.ok) {
          store.setState({
            revision: outcome.version.revision,
            save: { kind: dirty ? 'pending' : 'saved' },
          });
        } else {
          // Their version wins; what was typed here meanwhile is dropped with it.
          dirty = false;
          clearTimeout(timer);
          store.setState({ ...outcome.conflict, save: { kind: 'conflict' } });
        }
      } catch (error) {
        dirty = true;
        store.setState({ save: { kind: 'failed', reason: reasonOf(error) } });
      }
    })();
    await inFlight;
    inFlight = undefined;
  }

  return {
    store,
    load,
    edit,
    save,
    /** Whether some change has not reached the server yet. */
    unsaved: () => dirty || inFlight !== undefined,
    dispose: () => clearTimeout(timer),
  };
}
