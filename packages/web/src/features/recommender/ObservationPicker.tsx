import { Button, ComboBox, Label, type ComboBoxRef } from '@trussworks/react-uswds';
import { useRef } from 'react';
import { useObservationCodes } from './catalog';

/**
 * Chooses CDSi observations (risk conditions, contraindications, evidence of immunity) by code or by words of
 * their title; each choice is listed with a button to take it off again.
 */
export function ObservationPicker({ id, value, onChange }: { id: string; value: string[]; onChange(codes: string[]): void }) {
  const q = useObservationCodes();
  const box = useRef<ComboBoxRef>(null);
  const all = q.data?.observations ?? [];
  const titleOf = (code: string) => all.find((o) => o.code === code)?.title ?? '';
  const options = all.filter((o) => !value.includes(o.code)).map((o) => ({ value: o.code, label: `${o.code} ${o.title}` }));
  return (
    <>
      <Label htmlFor={id} hint=" (optional)">
        Risk conditions, contraindications and evidence of immunity
      </Label>
      <ComboBox
        key={value.join(',')}
        ref={box}
        id={id}
        name={id}
        options={options}
        disabled={q.isPending}
        noResults="No CDSi observation matches"
        onChange={(code) => {
          if (code && !value.includes(code)) onChange([...value, code]);
          box.current?.clearSelection();
        }}
      />
      {value.length > 0 && (
        <ul className="usa-list usa-list--unstyled margin-top-1" aria-label="Chosen observations">
          {value.map((code) => (
            <li key={code} className="margin-bottom-05">
              {code} {titleOf(code)}{' '}
              <Button
                type="button"
                unstyled
                aria-label={`Remove ${code} ${titleOf(code)}`}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
