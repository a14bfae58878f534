// Labelled form controls with their error tied to them (aria-describedby), for forms the shopper
// fills in. FieldFrame draws the label and the error; the fields put their control inside it.
type FrameProps = { id: string; label: string; error?: string; optional?: boolean; className?: string; children: React.ReactNode };

function FieldFrame({ id, label, error, optional, className, children }: FrameProps) {
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error?: string) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : undefined,
});

type Props = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id"> & {
  id: string;
  label: string;
  error?: string;
  optional?: boolean;
};

export function TextField({ id, label, error, optional, className, ...input }: Props) {
  return (
    <FieldFrame id={id} label={label} error={error} optional={optional} className={className}>
      <input id={id} className="field__input" {...describedBy(id, error)} required={!optional} {...input} />
    </FieldFrame>
  );
}

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  id: string;
  label: string;
  error?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ id, label, error, options, className, ...select }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} error={error} className={className}>
      <select id={id} className="field__input field__select" {...describedBy(id, error)} required {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
