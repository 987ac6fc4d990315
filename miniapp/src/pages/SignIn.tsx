import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../components';
import { useServices } from '../context';
import { ApiError, messageOf } from '../lib/api';

/**
 * Trial sign-in outside Zalo (development servers only: the API refuses it when Zalo credentials are
 * configured or in production). Clearly labelled: dossiers filed this way are marked as trial.
 */
export function SignIn() {
  const { session } = useServices();
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.trialSignIn(fullName.trim(), phone.trim());
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="trial-sign-in" onSubmit={submit}>
      <div className="trial-banner" role="note">
        <b>ĐĂNG NHẬP DÙNG THỬ</b> — bạn đang mở ứng dụng ngoài Zalo. Hồ sơ nộp theo cách này được
        đánh dấu <b>dùng thử</b>. Khi dùng thật, hãy mở Trợ lý Một cửa trong Zalo.
      </div>
      <div className={`field${errors.fullName ? ' has-error' : ''}`}>
        <label htmlFor="trial-name">Họ và tên</label>
        <input
          id="trial-name"
          value={fullName}
          autoComplete="name"
          onChange={(e) => setFullName(e.target.value)}
        />
        {errors.fullName ? <p className="field-error">{errors.fullName}</p> : null}
      </div>
      <div className={`field${errors.phone ? ' has-error' : ''}`}>
        <label htmlFor="trial-phone">Số điện thoại di động</label>
        <input
          id="trial-phone"
          inputMode="tel"
          value={phone}
          autoComplete="tel"
          onChange={(e) => setPhone(e.target.value)}
        />
        {errors.phone ? <p className="field-error">{errors.phone}</p> : null}
      </div>
      {error ? <ErrorBox message={error} /> : null}
      <button type="submit" className="primary-button wide" disabled={busy}>
        {busy ? 'Đang vào…' : 'Dùng thử'}
      </button>
    </form>
  );
}
