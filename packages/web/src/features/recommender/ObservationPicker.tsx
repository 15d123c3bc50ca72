import { Button, ComboBox, Label } from '@trussworks/react-uswds';
import { useObservationCodes } from './catalog';

/**
 * Chooses CDSi observations (risk conditions, contraindications, evidence of immunity) by code or by words of
 * their title; each choice is listed with a button to take it off again.
 */
export function ObservationPicker({ id, value, onChange }: { id: string; value: string[]; onChange(codes: string[]): void }) {
  const q = useObservationCodes();
  const all = q.data?.observations ?? [];
  const titleOf = (code: string) => all.find((o) => o.code === code)?.title ?? '';
  const options = all.filter((o) => !value.includes(o.code)).map((o) => ({ value: o.code, label: `${o.code} ${o.title}` }));
  return (
    <>
      <Label htmlFor={id} hint=" (optional)">
        Risk conditions, contraindications and evidence of immunity
      </Label>
      <ComboBox
        // A new choice remounts the box: it is empty again and no longer offers what was chosen.
        key={`${q.isPending}:${value.join(',')}`}
        id={id}
        name={id}
        options={options}
        disabled={q.isPending}
        noResults="No CDSi observation matches"
        onChange={(code) => {
          if (code) onChange([...value, code]);
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
