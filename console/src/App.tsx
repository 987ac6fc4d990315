/**
 * The console's shell: the sign-in page until an officer is signed in, then the header (commune,
 * desk, menu from the page registry, officer's name, "Đăng xuất") and the current page. On every
 * navigation the page title changes and focus moves to the main heading for screen readers.
 */
import { Suspense, useEffect, useRef } from 'react';
import { useCommune } from './commune.js';
import { LoginPage } from './LoginPage.js';
import { Link, matchPath, useLocation } from './router.js';
import { PAGES, type ConsolePage } from './routes.js';
import { useSession } from './session.js';
import type { Officer } from './types.js';

function findPage(path: string): { page: ConsolePage; params: Record<string, string> } | null {
  for (const page of PAGES) {
    const params = matchPath(page.path, path);
    if (params) return { page, params };
  }
  return null;
}

export function App() {
  const { officer } = useSession();
  if (!officer) return <LoginPage />;
  return <Shell officer={officer} />;
}

function Shell({ officer }: { officer: Officer }) {
  const { signOut } = useSession();
  const { path, query } = useLocation();
  const commune = useCommune(officer.communeCode);
  const found = findPage(path);
  const main = useRef<HTMLElement>(null);
  const desk = officer.desks.find((d) => d.code === officer.desk)?.name ?? officer.desk;

  useEffect(() => {
    document.title = `${found?.page.title ?? 'Không tìm thấy trang'} — Một cửa`;
    main.current?.focus();
  }, [path, found?.page.title]);

  const allowed = found && (!found.page.adminOnly || officer.role === 'admin');
  const nav = PAGES.filter((p) => p.nav && (!p.adminOnly || officer.role === 'admin')).sort(
    (a, b) => a.nav!.order - b.nav!.order,
  );
  const body = (
    <Suspense fallback={<p role="status">Đang tải…</p>}>
      {allowed ? (
        <found.page.component params={found.params} query={query} officer={officer} />
      ) : (
        <section>
          <h1>{found ? 'Không có quyền truy cập' : 'Không tìm thấy trang'}</h1>
          <p>
            <Link to="/">Về danh sách hồ sơ</Link>
          </p>
        </section>
      )}
    </Suspense>
  );

  if (found?.page.print) {
    return (
      <main ref={main} tabIndex={-1} className="print-shell">
        {body}
      </main>
    );
  }

  return (
    <>
      <a className="skip" href="#main">
        Bỏ qua đến nội dung chính
      </a>
      <header className="topbar">
        <div className="brand">
          <strong>{commune.name}</strong>
          <span>{officer.role === 'admin' ? 'Lãnh đạo — mọi bộ phận' : desk}</span>
        </div>
        <nav aria-label="Chức năng">
          <ul>
            {nav.map((p) => (
              <li key={p.path}>
                <Link
                  to={p.path}
                  aria-current={found?.page === p ? 'page' : undefined}
                  className="navlink"
                >
                  {p.nav!.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{officer.displayName ?? officer.username}</span>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Đăng xuất
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {body}
      </main>
    </>
  );
}
