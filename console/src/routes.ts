/**
 * The console's page registry. Each page is one entry: its path pattern, the title announced to
 * screen readers, an optional menu entry, who may open it, and its component loaded on demand (so the
 * first load stays small). To add a page (e.g. the notices to village groups), add an entry here and
 * a component under pages/ that takes {@link PageProps}.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Officer } from './types.js';

export interface PageProps {
  /** Params from the path pattern (e.g. `reference`). */
  params: Record<string, string>;
  query: URLSearchParams;
  officer: Officer;
}

export interface ConsolePage {
  /** Path under /officer, with `:name` params, e.g. `/ho-so/:reference`. */
  path: string;
  /** Document title (also announced on navigation). */
  title: string;
  /** Shown in the top menu when present; lower `order` first. */
  nav?: { label: string; order: number };
  /** Only admins (lãnh đạo) may open it. */
  adminOnly?: boolean;
  /** Printable page: no menu, A4 layout. */
  print?: boolean;
  component: LazyExoticComponent<ComponentType<PageProps>>;
}

export const PAGES: ConsolePage[] = [
  {
    path: '/',
    title: 'Hồ sơ cần xử lý',
    nav: { label: 'Hồ sơ', order: 10 },
    component: lazy(() => import('./pages/InboxPage.js')),
  },
  {
    path: '/ho-so/:reference',
    title: 'Chi tiết hồ sơ',
    component: lazy(() => import('./pages/DossierPage.js')),
  },
  {
    path: '/in/:document/:reference',
    title: 'In giấy tờ',
    print: true,
    component: lazy(() => import('./pages/PrintPage.js')),
  },
  {
    path: '/thong-bao',
    title: 'Thông báo đến nhóm thôn',
    nav: { label: 'Thông báo', order: 30 },
    component: lazy(() => import('./pages/NoticesPage.js')),
  },
  {
    // Before `/thong-bao/:id`: the first matching pattern wins.
    path: '/thong-bao/soan',
    title: 'Soạn thông báo',
    component: lazy(() => import('./pages/ComposePage.js')),
  },
  {
    path: '/thong-bao/:id',
    title: 'Sổ gửi thông báo',
    component: lazy(() => import('./pages/NoticeLedgerPage.js')),
  },
  {
    path: '/nhom-thon',
    title: 'Nhóm thôn nhận thông báo',
    nav: { label: 'Nhóm thôn', order: 35 },
    component: lazy(() => import('./pages/GroupsPage.js')),
  },
  {
    path: '/bao-cao',
    title: 'Báo cáo',
    nav: { label: 'Báo cáo', order: 50 },
    component: lazy(() => import('./pages/ReportsPage.js')),
  },
  {
    path: '/tai-khoan',
    title: 'Tài khoản cán bộ',
    nav: { label: 'Tài khoản', order: 80 },
    adminOnly: true,
    component: lazy(() => import('./pages/AccountsPage.js')),
  },
];

/** Adds a page (for modules that register their own pages). */
export function registerPage(page: ConsolePage) {
  PAGES.push(page);
}
