import { GROUND_RULE_MAX_LENGTH, GROUND_RULES_MAX } from '@dartboard/board';
import { useEffect, useRef, useState } from 'react';
import { useBoardContext } from './boardContext';
import { defaultGroundRules, saveGroundRules } from './groundRulesActions';

interface Draft {
  key: number;
  text: string;
}

let drafted = 0;
const toDraft = (rules: readonly string[]): Draft[] =>
  rules.map((text) => {
    drafted += 1;
    return { key: drafted, text };
  });

/** The facilitator's editor of the ground rules: one field per rule, add, remove, defaults. */
export function GroundRulesEditor({
  rules,
  onDone,
}: {
  rules: readonly string[];
  onDone: () => void;
}) {
  const ctx = useBoardContext();
  const [draft, setDraft] = useState(() => toDraft(rules));
  const [focusKey, setFocusKey] = useState<number>();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusKey === undefined) return;
    list.current?.querySelector<HTMLInputElement>(`[data-rule="${focusKey}"]`)?.focus();
  }, [focusKey]);
  const change = (key: number, text: string) =>
    setDraft((all) => all.map((rule) => (rule.key === key ? { ...rule, text } : rule)));
  return (
    <form
      className="ground-rules-editor"
      onSubmit={(event) => {
        event.preventDefault();
        saveGroundRules(
          ctx,
          draft.map((rule) => rule.text),
        );
        onDone();
      }}
    >
      <ol ref={list}>
        {draft.map((rule, index) => (
          <li key={rule.key}>
            <input
              data-rule={rule.key}
              aria-label={`Rule ${index + 1}`}
              value={rule.text}
              maxLength={GROUND_RULE_MAX_LENGTH}
              onChange={(event) => change(rule.key, event.target.value)}
            />
            <button
              type="button"
              className="quiet"
              aria-label={`Remove rule ${index + 1}`}
              title="Remove rule"
              onClick={() => {
                const next = draft[index + 1] ?? draft[index - 1];
                setDraft((all) => all.filter((r) => r.key !== rule.key));
                setFocusKey(next?.key);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <p className="row">
        <button
          type="button"
          disabled={draft.length >= GROUND_RULES_MAX}
          onClick={() => {
            const [added] = toDraft(['']);
            if (!added) return;
            setDraft((all) => [...all, added]);
            setFocusKey(added.key);
          }}
        >
          Add rule
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => setDraft(toDraft(defaultGroundRules()))}
        >
          Reset to defaults
        </button>
      </p>
      <p className="row dialog-buttons">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save rules
        </button>
      </p>
    </form>
  );
}
