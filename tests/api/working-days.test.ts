import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  formatVietnameseDate,
  HOLIDAYS,
  isWorkingDay,
} from '../../api/dossiers/working-days.js';

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2025-06-06', 1)).toBe('2025-06-09'); // Friday → Monday
    expect(addWorkingDays('2025-06-07', 1)).toBe('2025-06-09'); // received Saturday
    expect(addWorkingDays('2025-06-09', 5)).toBe('2025-06-16');
  });

  it('skips public holidays and their compensatory days', () => {
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-05'); // 30/4, 1/5, 2/5 off, then a weekend
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-02-03'); // Tết Ất Tỵ
    expect(addWorkingDays('2025-08-29', 1)).toBe('2025-09-03'); // Quốc khánh 1–2/9
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28'); // Giỗ Tổ on Sunday → Monday 27/4 off
  });

  it('counts 0 days as the same working day', () => {
    expect(addWorkingDays('2025-06-09', 0)).toBe('2025-06-09');
    expect(addWorkingDays('2025-06-08', 0)).toBe('2025-06-09');
  });

  it('lists only weekdays as holidays, inside 2025–2027', () => {
    for (const day of HOLIDAYS) {
      expect(day >= '2025-01-01' && day <= '2027-12-31').toBe(true);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      expect(weekday === 0 || weekday === 6, day).toBe(false);
      expect(isWorkingDay(day)).toBe(false);
    }
  });

  it('formats dates the Vietnamese way', () => {
    expect(formatVietnameseDate('2025-05-05')).toBe('05/05/2025');
  });
});
