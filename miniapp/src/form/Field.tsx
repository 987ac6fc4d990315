import type { FieldView } from '../lib/types';
import { DateInput } from './DateInput';

export interface FieldProps {
  field: FieldView;
  /** Path of the value (`name`, or `table.0.column`): also the id and the error key. */
  path: string;
  value: unknown;
  errors: Record<string, string>;
  onChange: (path: string, value: unknown) => void;
  /**
   * Check the field. Selects and radios check on change and pass the new `value`: the draft the parent
   * holds is only updated on the next render, so reading it would find the previous answer.
   */
  onBlur: (path: string, field: FieldView, value?: unknown) => void;
}

const INPUT_MODES: Partial<Record<FieldView['kind'], 'numeric' | 'tel' | 'email'>> = {
  cccd: 'numeric',
  phone: 'tel',
  email: 'email',
  number: 'numeric',
};

/** One form field with its label, hint and its Vietnamese error right below it. */
export function Field({ field, path, value, errors, onChange, onBlur }: FieldProps) {
  const id = `f-${path.replace(/\./g, '-')}`;
  const error = errors[path];
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';

  if (field.kind === 'table') {
    const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
    const columns = field.columns ?? [];
    const setRows = (next: Record<string, unknown>[]) => onChange(path, next);
    return (
      <fieldset className="field table-field" id={id}>
        <legend>
          {field.label}
          {field.required ? <span className="required"> *</span> : null}
        </legend>
        {field.hint ? <p className="hint">{field.hint}</p> : null}
        {rows.map((row, i) => (
          <div className="table-row" key={i}>
            <p className="row-title">
              {i + 1}.{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                Xóa dòng
              </button>
            </p>
            {columns.map((c) => (
              <Field
                key={c.name}
                field={c}
                path={`${path}.${i}.${c.name}`}
                value={row[c.name]}
                errors={errors}
                onChange={(p, v) => {
                  const key = p.split('.').pop() as string;
                  setRows(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
                }}
                onBlur={onBlur}
              />
            ))}
          </div>
        ))}
        {rows.length < (field.maxRows ?? 20) ? (
          <button type="button" className="secondary-button" onClick={() => setRows([...rows, {}])}>
            + Thêm dòng
          </button>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  }

  let control;
  switch (field.kind) {
    case 'textarea':
      control = (
        <textarea
          id={id}
          value={text}
          rows={3}
          maxLength={field.maxLength ?? 1000}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => onChange(path, e.target.value)}
          onBlur={() => onBlur(path, field)}
        />
      );
      break;
    case 'date':
      control = (
        <DateInput
          id={id}
          value={text}
          invalid={Boolean(error)}
          {...(describedBy ? { describedBy } : {})}
          onChange={(v) => onChange(path, v)}
          onBlur={() => onBlur(path, field)}
        />
      );
      break;
    case 'select':
      control = (
        <select
          id={id}
          value={text}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => {
            onChange(path, e.target.value);
            onBlur(path, field, e.target.value);
          }}
        >
          <option value="">— Chọn —</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'radio':
      control = (
        <div className="radios" role="radiogroup" aria-labelledby={`${id}-label`} id={id}>
          {(field.options ?? []).map((o) => (
            <label key={o} className="radio">
              <input
                type="radio"
                name={id}
                value={o}
                checked={text === o}
                onChange={() => {
                  onChange(path, o);
                  onBlur(path, field, o);
                }}
              />
              {o}
            </label>
          ))}
        </div>
      );
      break;
    case 'checkbox':
      return (
        <div className="field">
          <label className="checkbox">
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              onChange={(e) => onChange(path, e.target.checked)}
            />
            {field.label}
          </label>
          {error ? (
            <p className="field-error" id={errorId} role="alert">
              {error}
            </p>
          ) : null}
        </div>
      );
    default:
      control = (
        <input
          id={id}
          type={field.kind === 'email' ? 'email' : 'text'}
          inputMode={INPUT_MODES[field.kind]}
          autoComplete="off"
          value={text}
          placeholder={field.placeholder}
          maxLength={field.kind === 'cccd' ? 14 : (field.maxLength ?? 200)}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(e) => onChange(path, e.target.value)}
          onBlur={() => onBlur(path, field)}
        />
      );
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} id={`${id}-label`}>
        {field.label}
        {field.required ? <span className="required"> *</span> : null}
      </label>
      {control}
      {field.hint ? (
        <p className="hint" id={hintId}>
          {field.hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
