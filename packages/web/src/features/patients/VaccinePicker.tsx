import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Tag } from '@trussworks/react-uswds';
import type { VaccineChoice, VaccineChoices } from '@nutmeg/api-types';
import { api, qs } from '../../api';
import { describedBy, Field } from '../accounts/form-fields';

/** The vaccine a dose is recorded under: the form sends its CVX, and the MVX and NDC when the choice tells them. */
export interface VaccinePick {
  cvx: string;
  label: string;
  mvx: string | null;
  ndc: string | null;
}

/** How long typing may pause before the search runs (a scanner types faster: Enter searches at once). */
const DEBOUNCE_MS = 200;

function pickOf(c: VaccineChoice): VaccinePick {
  return { cvx: c.cvx, label: c.label, mvx: c.mvx, ndc: c.ndc };
}

/**
 * Chooses a vaccine by name, trade name, CVX or NDC (typed, or scanned: a bar-code scanner types the digits and
 * presses Enter, which takes the product the NDC names). The server searches CDC's code sets (GET
 * /api/codes/vaccines); active products come first and inactive ones say so. An accessible combo box (WAI-ARIA
 * 1.2: input with a listbox popup, arrow keys, Enter, Escape) in USWDS combo-box style.
 */
export function VaccinePicker({
  id,
  kind,
  date,
  value,
  onChange,
  error,
}: {
  id: string;
  kind: 'administered' | 'historical';
  /** The dose date: decides whether an NDC is still distributed. */
  date: string;
  value: VaccinePick | null;
  onChange: (pick: VaccinePick | null) => void;
  error?: string | undefined;
}) {
  const [text, setText] = useState(value?.label ?? '');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** Enter was pressed before the results of the typed text arrived: take the first one when they do. */
  const pendingEnter = useRef(false);
  const listId = `${id}--list`;

  // The form chose or cleared the vaccine itself (a correction starts from the dose's; a saved dose clears it).
  const lastLabel = useRef(value?.label ?? '');
  useEffect(() => {
    setText((t) => (value ? value.label : t === lastLabel.current ? '' : t));
    lastLabel.current = value?.label ?? '';
  }, [value]);

  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);

  const results = useQuery({
    queryKey: ['codes', 'vaccines', kind, date, query],
    queryFn: () => api.get<VaccineChoices>(`/api/codes/vaccines${qs({ q: query, kind, date })}`),
    enabled: query.length > 0 && query !== value?.label,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const current = results.data && results.data.query === text.trim() ? results.data.choices : undefined;
  const choices = open ? (results.data?.choices ?? []) : [];

  function choose(c: VaccineChoice) {
    const pick = pickOf(c);
    setText(pick.label);
    setOpen(false);
    setActive(-1);
    pendingEnter.current = false;
    onChange(pick);
  }

  // Runs when the results of the typed text arrive.
  useEffect(() => {
    if (pendingEnter.current && current?.[0]) choose(current[0]);
  }, [current]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = choices.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (n ? (a + 1) % n : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (n ? (a <= 0 ? n - 1 : a - 1) : -1));
    } else if (e.key === 'Enter') {
      if (value && text === value.label) return; // chosen already: Enter submits the form
      e.preventDefault();
      const highlighted = active >= 0 ? choices[active] : undefined;
      if (highlighted) choose(highlighted);
      else if (current?.[0]) choose(current[0]);
      else if (text.trim()) {
        pendingEnter.current = true;
        setQuery(text.trim());
      }
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else if (!value) setText('');
    }
  }

  const found = results.data && open ? results.data.choices.length : undefined;
  return (
    <Field id={id} label="Vaccine" error={error} required hint="Type a name, trade name, CVX code or NDC, or scan the NDC bar code">
      <div className="usa-combo-box maxw-full" data-enhanced="true">
        <input
          id={id}
          name="vaccine"
          className={`usa-input usa-combo-box__input maxw-full${error ? ' usa-input--error' : ''}`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={choices.length > 0}
          aria-controls={choices.length > 0 ? listId : undefined}
          aria-activedescendant={active >= 0 && choices[active] ? `${id}--option-${active}` : undefined}
          aria-describedby={describedBy(id, error, true)}
          required
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            pendingEnter.current = false;
            if (value) onChange(null);
          }}
          onFocus={() => setOpen(!value)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {choices.length > 0 && (
          <ul className="usa-combo-box__list" role="listbox" id={listId} aria-label="Vaccines">
            {choices.map((c, i) => (
              <li
                key={`${c.cvx}|${c.ndc ?? ''}|${c.tradeName ?? ''}|${c.mvx ?? ''}`}
                id={`${id}--option-${i}`}
                role="option"
                aria-selected={i === active}
                className={`usa-combo-box__list-option${i === active ? ' usa-combo-box__list-option--focused' : ''}`}
                // mousedown, not click: the input keeps the focus, so its blur does not close the list first
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(c);
                }}
              >
                {c.label}
                {!c.active && <Tag className="margin-left-1 bg-base">inactive</Tag>}
                {c.conceptType === 'unspecified' && <Tag className="margin-left-1 bg-base">unspecified formulation</Tag>}
                {c.ndc && <span className="display-block font-body-3xs text-base">NDC {c.ndc}</span>}
              </li>
            ))}
          </ul>
        )}
        <div className="usa-sr-only" role="status" aria-live="polite">
          {found === undefined ? '' : found ? `${found} vaccines found` : 'No vaccine matches'}
        </div>
      </div>
      {open && results.data?.choices.length === 0 && query && (
        <p className="font-body-2xs margin-y-05" data-testid="vaccine-no-match">
          No vaccine matches “{query}”.
        </p>
      )}
      {value && (
        <p className="font-body-2xs margin-y-05" data-testid="vaccine-chosen">
          CVX {value.cvx}
          {value.mvx ? ` · MVX ${value.mvx}` : ''}
          {value.ndc ? ` · NDC ${value.ndc}` : ''}
        </p>
      )}
    </Field>
  );
}
