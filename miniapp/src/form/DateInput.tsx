import { useEffect, useRef, useState } from 'react';
import { formatDate, parseTypedDate } from '../lib/dates';

/**
 * A date field that accepts typed dates ("12/5/1990", "12051990") and also opens the phone's date
 * picker from the calendar button. The value is ISO (`YYYY-MM-DD`); what is typed stays as typed
 * until it reads as a real date, so the resident is never fought while typing.
 */
export function DateInput(props: {
  id: string;
  value: string;
  invalid: boolean;
  describedBy?: string;
  onChange: (iso: string) => void;
  onBlur: () => void;
}) {
  const [text, setText] = useState(formatDate(props.value));
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (parseTypedDate(text) !== props.value) setText(formatDate(props.value));
    // Only an outside change of the value (prefill, picker) rewrites the text.
  }, [props.value]);
  return (
    <div className="date-input">
      <input
        id={props.id}
        inputMode="numeric"
        placeholder="ngày/tháng/năm"
        value={text}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseTypedDate(e.target.value);
          props.onChange(iso ?? (e.target.value.trim() === '' ? '' : e.target.value));
        }}
        onBlur={() => {
          const iso = parseTypedDate(text);
          if (iso) setText(formatDate(iso));
          props.onBlur();
        }}
      />
      <button
        type="button"
        className="calendar-button"
        aria-label="Chọn ngày trên lịch"
        onClick={() => {
          const el = picker.current;
          if (!el) return;
          try {
            el.showPicker();
          } catch {
            el.focus();
          }
        }}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <rect
            x="3"
            y="5"
            width="18"
            height="16"
            rx="2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
          <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="native-date"
        tabIndex={-1}
        aria-hidden="true"
        value={/^\d{4}-\d{2}-\d{2}$/.test(props.value) ? props.value : ''}
        onChange={(e) => {
          if (e.target.value) {
            props.onChange(e.target.value);
            setText(formatDate(e.target.value));
          }
        }}
      />
    </div>
  );
}
