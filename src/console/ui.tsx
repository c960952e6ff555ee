// Small pieces every view uses: a problem as the API gave it, a pager, a labelled field.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from './api.js';

/** A refused call, shown as the API answered it (status, title, detail, violations by path). */
export function ProblemBox({ problem, onDismiss }: { problem: Problem | undefined; onDismiss?: () => void }) {
  if (problem === undefined) return null;
  return (
    <div class="problem" role="alert">
      <strong>
        {problem.status === 0 ? '' : `${problem.status} `}
        {problem.title}
      </strong>
      <span> {problem.detail}</span>
      {problem.type === undefined ? null : <code class="type">{problem.type}</code>}
      {problem.violations === undefined || problem.violations.length === 0 ? null : (
        <ul class="violations">
          {problem.violations.map((v, i) => (
            <li key={i}>
              <code>{v.field}</code> {v.message}
            </li>
          ))}
        </ul>
      )}
      {onDismiss === undefined ? null : (
        <button type="button" class="link" onClick={onDismiss} aria-label="Dismiss the message">
          ×
        </button>
      )}
    </div>
  );
}

export function Notice({ text }: { text: string | undefined }) {
  return (
    <p class="notice" role="status" aria-live="polite">
      {text ?? ''}
    </p>
  );
}

/**
 * Previous / next over `total` items, `limit` a page: a state of 100,000 is drawn a page at a time.
 * `offset` is the one of the page on screen (as answered), so the range never runs ahead of the rows.
 */
export function Pager({ label, offset, limit, total, onOffset }: { label: string; offset: number; limit: number; total: number; onOffset: (offset: number) => void }) {
  const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
  const shownTo = Math.min(total, offset + limit);
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(0)}>
        First
      </button>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span>
        {total === 0 ? 'none' : `${(offset + 1).toLocaleString('en-US')}–${shownTo.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
      </span>
      <button type="button" disabled={shownTo >= total} onClick={() => onOffset(offset + limit)}>
        Next
      </button>
      <button type="button" disabled={shownTo >= total} onClick={() => onOffset(last)}>
        Last
      </button>
    </nav>
  );
}

export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/**
 * A button whose action needs a second, explicit yes: the first press asks (the focus goes to the
 * yes), Cancel or Escape puts the focus back. What Load, Reset and Remove go through.
 */
export function ConfirmButton({ label, name, question, yes, disabled = false, onConfirm }: { label: string; name?: string; question: string; yes: string; disabled?: boolean; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  const yesButton = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // Layout effects: the focus moves as the buttons change, before a key press can land on the page.
  useLayoutEffect(() => {
    if (asking) yesButton.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" ref={first} aria-label={name} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={question} onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), setAsking(false))}>
      <span>{question}</span>{' '}
      <button
        type="button"
        ref={yesButton}
        onClick={() => {
          wasAsking.current = false;
          setAsking(false);
          onConfirm();
        }}
      >
        {yes}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
