import type { Platform } from './types';

/** localStorage, tolerant of private modes where it throws. */
export const webStorage: Platform['storage'] = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Storage full or disabled: the draft lives for this visit only.
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // ignore
    }
  },
};
