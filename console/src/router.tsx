/**
 * A small router over the History API under the console's base path (/officer/): a path like
 * `/ho-so/KX7PM3TA` matches a registered pattern `/ho-so/:reference`. The server answers every path
 * under /officer/ with the app, so reloads and shared links work.
 */
import { useEffect, useState } from 'react';

const BASE = '/officer';

function currentPath(): string {
  const path = window.location.pathname.startsWith(BASE)
    ? window.location.pathname.slice(BASE.length)
    : window.location.pathname;
  return (path || '/') + window.location.search;
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** Goes to a console path (e.g. `/ho-so/KX7PM3TA`); `replace` for redirects. */
export function navigate(path: string, options: { replace?: boolean } = {}) {
  const url = BASE + path;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [value, setValue] = useState(currentPath);
  useEffect(() => {
    const update = () => setValue(currentPath());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  const [path, search = ''] = value.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

/** Params of `pattern` (`/ho-so/:reference`) in `path`, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = decodeURIComponent(got[i]!);
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== g) return null;
  }
  return params;
}

/** A link that navigates inside the console (keeps ctrl/middle-click opening a new tab). */
export function Link(props: {
  to: string;
  children: React.ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
}) {
  return (
    <a
      href={BASE + props.to}
      className={props.className}
      aria-current={props['aria-current']}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
