import type { ReactNode } from 'react';
import { Header, Page, useNavigate } from 'zmp-ui';

/** Inline back arrow: zmp-ui's icon font comes from a CDN that is not reachable offline. */
const BackIcon = () => (
  <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
    <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="2.2" />
  </svg>
);

/** A screen: fixed zmp-ui header (44 px + safe area) and padded content. */
export function Screen(props: {
  title: string;
  back?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Page className="screen">
      <Header
        title={props.title}
        showBackIcon={props.back !== false}
        backIcon={<BackIcon />}
        onBackClick={() => navigate(-1)}
      />
      <main className="content">{props.children}</main>
      {props.footer ? <div className="footer">{props.footer}</div> : null}
    </Page>
  );
}

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="link-button" onClick={onRetry}>
          Thử lại
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ text = 'Đang tải…' }: { text?: string }) {
  return (
    <p className="loading" aria-live="polite">
      {text}
    </p>
  );
}

export function TrialBanner() {
  return (
    <div className="trial-banner" role="note">
      Bản dùng thử — hồ sơ nộp từ đây được đánh dấu <b>DÙNG THỬ</b>, không phải hồ sơ thật.
    </div>
  );
}
