/**
 * Statutory holidays and 调休 make-up working days, 2019–2026, as published in
 * the yearly 《国务院办公厅关于{year}年部分节假日安排的通知》 (plus the 2019
 * 劳动节 adjustment and the 2020 春节 extension to 2月2日).
 *
 * `HOLIDAYS` are the days off of each holiday block (weekends inside a block
 * included); `MAKE_UP_WORKDAYS` are the weekend days that are working days (调休上班).
 * Entries are `MM-DD` or `MM-DD..MM-DD` (inclusive). A block that starts in
 * December belongs to the year of its December days (2023 元旦 starts 2022-12-31).
 *
 * Cross-checked against the `chinese-days` package in tests/node/calendar.test.ts.
 */
export interface YearArrangement {
  holidays: string[];
  workdays: string[];
}

/** 调休上班: the weekend days that are working days, by year, each a single `MM-DD` (what the receipt's explanation needs alone). */
export const MAKE_UP_WORKDAYS: Record<number, string[]> = {
  2019: ['02-02', '02-03', '04-28', '05-05', '09-29', '10-12'],
  2020: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
  2021: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  2022: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  2023: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};

/** The days off of each holiday block, by year. */
export const HOLIDAYS: Record<number, string[]> = {
  // 元旦 1/1 · 春节 2/4–2/10 · 清明 4/5–4/7 · 劳动节 5/1–5/4 · 端午 6/7–6/9 · 中秋 9/13–9/15 · 国庆 10/1–10/7
  2019: ['01-01', '02-04..02-10', '04-05..04-07', '05-01..05-04', '06-07..06-09', '09-13..09-15', '10-01..10-07'],
  // 春节 extended to 2/2 by 国务院办公厅 (2020-01-27), which cancelled the 2/1 make-up day
  2020: ['01-01', '01-24..02-02', '04-04..04-06', '05-01..05-05', '06-25..06-27', '10-01..10-08'],
  2021: ['01-01..01-03', '02-11..02-17', '04-03..04-05', '05-01..05-05', '06-12..06-14', '09-19..09-21', '10-01..10-07'],
  2022: ['01-01..01-03', '01-31..02-06', '04-03..04-05', '04-30..05-04', '06-03..06-05', '09-10..09-12', '10-01..10-07', '12-31'],
  2023: ['01-01..01-02', '01-21..01-27', '04-05', '04-29..05-03', '06-22..06-24', '09-29..10-06'],
  2024: ['01-01', '02-10..02-17', '04-04..04-06', '05-01..05-05', '06-10', '09-15..09-17', '10-01..10-07'],
  2025: ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08'],
  2026: ['01-01..01-03', '02-15..02-23', '04-04..04-06', '05-01..05-05', '06-19..06-21', '09-25..09-27', '10-01..10-07'],
};

/** Both, by year (a pure call: a bundle that does not read it leaves it out). */
export const HOLIDAY_ARRANGEMENTS: Record<number, YearArrangement> = /* @__PURE__ */ byYear();

function byYear(): Record<number, YearArrangement> {
  return Object.fromEntries(
    Object.entries(HOLIDAYS).map(([year, holidays]) => [year, { holidays, workdays: MAKE_UP_WORKDAYS[+year] ?? [] }]),
  );
}
