import { test } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import {
  addWorkingDays,
  CalendarRangeError,
  calendarYears,
  extendCalendar,
  isWorkingDay,
  replyDueDate,
  todayInChina,
  workingDaysBetween,
} from '../../src/core/calendar/index.js';

const offDays = (...dates: string[]) => dates.forEach((d) => assert.equal(isWorkingDay(d), false, `${d} should be a day off`));
const workDays = (...dates: string[]) => dates.forEach((d) => assert.equal(isWorkingDay(d), true, `${d} should be a working day`));

test('plain weekdays work and plain weekends do not', () => {
  workDays('2024-03-05', '2025-06-18');
  offDays('2024-03-09', '2024-03-10');
});

test('春节 with its 调休 make-up days, several years', () => {
  // 2019: 2/4–2/10 off, Sat 2/2 and Sun 2/3 worked
  offDays('2019-02-04', '2019-02-08', '2019-02-10');
  workDays('2019-02-02', '2019-02-03', '2019-02-11');
  // 2020: extended to 2/2 (Sunday); the 2/1 make-up Saturday was cancelled; Sun 1/19 worked
  offDays('2020-01-24', '2020-01-31', '2020-02-01', '2020-02-02');
  workDays('2020-01-19', '2020-02-03');
  // 2024: 2/10–2/17 off, Sun 2/4 and Sun 2/18 worked, 除夕 2/9 (Fri) was a working day
  offDays('2024-02-10', '2024-02-12', '2024-02-16', '2024-02-17');
  workDays('2024-02-04', '2024-02-09', '2024-02-18');
  // 2025: 1/28–2/4 off, Sun 1/26 and Sat 2/8 worked
  offDays('2025-01-28', '2025-02-03', '2025-02-04');
  workDays('2025-01-26', '2025-02-05', '2025-02-08');
  // 2026: 2/15–2/23 off, Sat 2/14 and Sat 2/28 worked
  offDays('2026-02-16', '2026-02-23');
  workDays('2026-02-14', '2026-02-24', '2026-02-28');
});

test('国庆 with its make-up days, several years', () => {
  offDays('2019-10-01', '2019-10-07');
  workDays('2019-09-29', '2019-10-12');
  offDays('2023-09-29', '2023-10-06'); // 中秋 and 国庆 joined
  workDays('2023-10-07', '2023-10-08');
  offDays('2024-10-01', '2024-10-04', '2024-10-07');
  workDays('2024-09-29', '2024-10-08', '2024-10-12');
  offDays('2025-10-01', '2025-10-06', '2025-10-08');
  workDays('2025-09-28', '2025-10-09', '2025-10-11');
});

test('the table agrees with the chinese-days package on every day of 2019–2026', () => {
  const disagreements: string[] = [];
  for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (isWorkingDay(date) !== chineseDays.isWorkday(date)) disagreements.push(date);
  }
  assert.deepEqual(disagreements, []);
});

test('addWorkingDays counts from the day after, skipping holidays and counting make-up days', () => {
  assert.equal(addWorkingDays('2024-02-08', 1), '2024-02-09');
  assert.equal(addWorkingDays('2024-02-09', 1), '2024-02-18'); // a Sunday make-up day
  assert.equal(addWorkingDays('2024-02-09', 2), '2024-02-19');
  assert.equal(addWorkingDays('2024-02-19', 0), '2024-02-19');
  assert.equal(addWorkingDays('2024-02-19', -2), '2024-02-09');
});

test('reply deadline: 20 working days across 春节 and across 国庆', () => {
  // Mon 2024-02-05: 2/6–2/9 (4), Sun 2/18 (5), 2/19–2/23 (10), 2/26–3/1 (15), 3/4–3/8 (20)
  assert.equal(replyDueDate('2024-02-05'), '2024-03-08');
  // Fri 2025-09-26: Sun 9/28 (1), 9/29–9/30 (3), 10/9–10/10 (5), Sat 10/11 (6), 10/13–10/17 (11), 10/20–10/24 (16), 10/27–10/30 (20)
  assert.equal(replyDueDate('2025-09-26'), '2025-10-30');
  // received (confirmed) during a holiday: counting starts at the next working day
  assert.equal(replyDueDate('2024-10-03'), '2024-11-01');
});

test('an extension adds 20 more working days after the first 20', () => {
  // from 2024-03-08: 3/11–3/29 (15), 4/1–4/3 (18), 清明 4/4–4/6 off, Sun 4/7 make-up (19), 4/8 (20)
  assert.equal(replyDueDate('2024-02-05', { extended: true }), '2024-04-08');
  assert.equal(replyDueDate('2024-02-05', { extended: true }), addWorkingDays(replyDueDate('2024-02-05'), 20));
});

test('a 补正 restarts the clock from the day the supplement arrived', () => {
  const received = '2024-02-05';
  const supplementArrived = '2024-02-26';
  assert.equal(replyDueDate(supplementArrived), '2024-03-25');
  assert.equal(workingDaysBetween(supplementArrived, replyDueDate(supplementArrived)), 20);
  assert.notEqual(replyDueDate(supplementArrived), replyDueDate(received));
});

test('workingDaysBetween: days left, 0 on the due date, negative when overdue', () => {
  assert.equal(workingDaysBetween('2024-02-08', '2024-02-19'), 3); // 2/9, Sun 2/18, 2/19
  assert.equal(workingDaysBetween('2024-02-19', '2024-02-08'), -3);
  assert.equal(workingDaysBetween('2024-03-08', '2024-03-08'), 0);
  assert.equal(workingDaysBetween('2024-03-11', '2024-03-08'), -1); // Monday after a Friday deadline
  for (const [date, n] of [
    ['2019-09-27', 7],
    ['2023-01-20', 12],
    ['2025-04-30', 25],
  ] as const) {
    assert.equal(workingDaysBetween(date, addWorkingDays(date, n)), n, `${date} + ${n}`);
  }
});

test('a year without a known calendar is an explicit error, never a guess', () => {
  assert.deepEqual(calendarYears().slice(0, 8), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  assert.throws(() => isWorkingDay('2018-12-31'), CalendarRangeError);
  assert.throws(() => isWorkingDay('2027-01-04'), CalendarRangeError);
  assert.throws(() => replyDueDate('2026-12-20'), CalendarRangeError);
  assert.throws(() => workingDaysBetween('2026-12-01', '2027-01-05'), CalendarRangeError);
  assert.throws(() => isWorkingDay('2024-02-30'), TypeError);
  assert.throws(() => isWorkingDay('2024-2-3'), TypeError);
});

test('extendCalendar adds a later year from its notice', () => {
  // A made-up arrangement: only the shape of a notice matters here.
  extendCalendar({ year: 2027, holidays: ['2027-01-01', '2027-02-08', '2027-02-09'], workdays: ['2027-02-06'] });
  offDays('2027-01-01', '2027-02-08', '2027-02-09');
  workDays('2027-01-04', '2027-02-06');
  assert.equal(replyDueDate('2026-12-20'), '2027-01-18'); // 12/21–12/31 (9), 1/1 off, 1/4–1/8 (14), 1/11–1/15 (19), 1/18 (20)
  assert.throws(() => extendCalendar({ year: 2029, holidays: ['2028-12-31'], workdays: [] }), CalendarRangeError);
  assert.throws(() => extendCalendar({ year: 2027, holidays: ['2027-03-01'], workdays: ['2027-03-01'] }), TypeError);
  assert.throws(() => isWorkingDay('2028-01-03'), CalendarRangeError);
});

test('todayInChina is the Asia/Shanghai date', () => {
  assert.equal(todayInChina(new Date('2024-12-31T15:59:59Z')), '2024-12-31');
  assert.equal(todayInChina(new Date('2024-12-31T16:00:00Z')), '2025-01-01');
  assert.equal(todayInChina(new Date('2025-01-01T00:30:00+08:00')), '2025-01-01');
});

test('a deadline running into a year without published holidays is an explicit, flagged estimate', async () => {
  const { provisionalReplyDueDate, provisionalWorkingDaysBetween, replyDueDate, calendarYears, CalendarRangeError } =
    await import('../../src/core/calendar/index.js');
  const lastKnown = calendarYears().at(-1)!;
  // Inside the known years it equals replyDueDate and is not provisional.
  assert.deepEqual(provisionalReplyDueDate(`${lastKnown}-06-01`), { value: replyDueDate(`${lastKnown}-06-01`), provisional: false });
  // From mid-December the 20 working days reach into the next year: counted Monday–Friday, flagged.
  const receivedOn = `${lastKnown}-12-15`;
  assert.throws(() => replyDueDate(receivedOn), CalendarRangeError);
  const estimate = provisionalReplyDueDate(receivedOn);
  assert.equal(estimate.provisional, true);
  assert.ok(estimate.value.startsWith(`${lastKnown + 1}-01`), estimate.value);
  assert.deepEqual(provisionalWorkingDaysBetween(receivedOn, estimate.value), { value: 20, provisional: true });
  assert.deepEqual(provisionalWorkingDaysBetween(`${lastKnown}-06-01`, `${lastKnown}-06-30`).provisional, false);
});
