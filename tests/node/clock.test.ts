// The legal clock (core/clock): receipt, 补正 pause and restart, consultation pause, extension,
// across holidays and 调休, with the day-by-day explanation the desk shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingDays, extendCalendar, replyDueDate } from '../../src/core/calendar/index.js';
import { computeClock, mayRequestSupplement, supplementLapsed, type ClockEvent } from '../../src/core/clock/index.js';

const clock = (events: ClockEvent[], today: string, submittedOn = events[0]?.on ?? today) => computeClock({ submittedOn, events, today });

test('received the Friday before 国庆 2025: the 调休 weekends count, the eight holidays do not', () => {
  const view = clock([{ kind: 'received', on: '2025-09-26' }], '2025-09-26');
  assert.equal(view.state, 'running');
  assert.equal(view.receivedOn, '2025-09-26');
  assert.equal(view.dueDate, '2025-10-30');
  assert.equal(view.workingDaysLeft, 20);
  assert.equal(view.limit, 20);
  assert.equal(view.used, 0);
  const day = (date: string) => view.days.find((d) => d.date === date)!;
  assert.deepEqual(day('2025-09-26'), { date: '2025-09-26', dayType: 'workday', count: null, pause: null, marks: ['received', 'today'] });
  assert.equal(day('2025-09-27').dayType, 'weekend');
  assert.equal(day('2025-09-27').count, null);
  assert.equal(day('2025-09-28').dayType, 'make-up-workday');
  assert.equal(day('2025-09-28').count, 1, 'the make-up Sunday is the first working day');
  assert.equal(day('2025-10-01').dayType, 'holiday');
  assert.equal(day('2025-10-08').count, null);
  assert.equal(day('2025-10-09').count, 4);
  assert.equal(day('2025-10-11').count, 6, 'the make-up Saturday counts');
  assert.deepEqual(day('2025-10-30').marks, ['due']);
  assert.equal(day('2025-10-30').count, 20);
  assert.equal(view.days.at(-1)!.date, '2025-10-30', 'the explanation runs to the due date');
});

test('days left go down with each working day, reach 0 on the due date and turn negative after it', () => {
  const events: ClockEvent[] = [{ kind: 'received', on: '2025-09-26' }];
  assert.equal(clock(events, '2025-10-09').workingDaysLeft, 16);
  assert.equal(clock(events, '2025-10-09').used, 4);
  assert.equal(clock(events, '2025-10-30').workingDaysLeft, 0);
  const late = clock(events, '2025-11-04');
  assert.equal(late.workingDaysLeft, -3);
  assert.equal(late.used, 23);
  assert.equal(late.days.at(-1)!.date, '2025-11-04', 'an overdue case is explained up to today');
});

test('before receipt is confirmed, the deadline is an estimate from the submission day', () => {
  const view = computeClock({ submittedOn: '2025-09-26', events: [], today: '2025-09-29' });
  assert.equal(view.state, 'not-received');
  assert.equal(view.receivedOn, null);
  assert.equal(view.dueDate, '2025-10-30');
  assert.equal(view.supplementRequestBy, null);
});

test('补正: asked within 7 working days, the count stops, and starts again from 0 when the supplement arrives', () => {
  const received: ClockEvent = { kind: 'received', on: '2025-03-10' };
  assert.equal(mayRequestSupplement([received], '2025-03-19'), true, '7th working day after receipt');
  assert.equal(mayRequestSupplement([received], '2025-03-20'), false, '8th: too late (art. 30)');
  assert.equal(clock([received], '2025-03-12').supplementRequestBy, '2025-03-19');

  const asked: ClockEvent[] = [received, { kind: 'supplement-requested', on: '2025-03-12', periodDays: 15 }];
  assert.equal(mayRequestSupplement(asked, '2025-03-13'), false, 'once');
  const waiting = clock(asked, '2025-03-14');
  assert.equal(waiting.state, 'paused-supplement');
  assert.equal(waiting.dueDate, null);
  assert.equal(waiting.workingDaysLeft, null);
  assert.equal(waiting.supplementDueDate, addWorkingDays('2025-03-12', 15));
  assert.equal(waiting.used, 2);
  assert.deepEqual(
    waiting.days.filter((d) => d.date >= '2025-03-13' && d.date <= '2025-03-14').map((d) => [d.count, d.pause]),
    [
      [null, 'supplement'],
      [null, 'supplement'],
    ],
  );
  assert.ok(waiting.days.find((d) => d.date === waiting.supplementDueDate)!.marks.includes('supplement-due'));

  const restarted = clock([...asked, { kind: 'supplement-received', on: '2025-03-20' }], '2025-03-20');
  assert.equal(restarted.state, 'running');
  assert.equal(restarted.countFrom, '2025-03-20');
  assert.equal(restarted.dueDate, replyDueDate('2025-03-20'), '20 working days again from the supplement (art. 30)');
  assert.equal(restarted.used, 0);
  const arrival = restarted.days.find((d) => d.date === '2025-03-20')!;
  assert.equal(arrival.count, null);
  assert.deepEqual(arrival.marks, ['supplement-received', 'today']);
  assert.equal(restarted.days.find((d) => d.date === '2025-03-21')!.count, 1);
});

test('视为放弃: only once the 补正 period has run out without a supplement', () => {
  const asked: ClockEvent[] = [
    { kind: 'received', on: '2025-03-10' },
    { kind: 'supplement-requested', on: '2025-03-12', periodDays: 15 },
  ];
  const lastDay = addWorkingDays('2025-03-12', 15);
  assert.equal(lastDay, '2025-04-02');
  assert.equal(supplementLapsed(asked, lastDay), false);
  assert.equal(supplementLapsed(asked, '2025-04-03'), true);
  assert.equal(supplementLapsed([...asked, { kind: 'supplement-received', on: '2025-04-01' }], '2025-04-03'), false);
  // 清明 2025 (4/4–4/6) falls inside a later period: the last day moves past it.
  const later: ClockEvent[] = [
    { kind: 'received', on: '2025-03-24' },
    { kind: 'supplement-requested', on: '2025-03-25', periodDays: 10 },
  ];
  assert.equal(clock(later, '2025-03-26').supplementDueDate, '2025-04-09');
  assert.equal(supplementLapsed(later, '2025-04-09'), false);
  assert.equal(supplementLapsed(later, '2025-04-10'), true);
});

test('a third-party consultation is not counted (art. 33 ¶3), from the day after it starts to the day it ends', () => {
  const events: ClockEvent[] = [
    { kind: 'received', on: '2025-03-10' },
    { kind: 'consultation-started', on: '2025-03-12' },
  ];
  const consulting = clock(events, '2025-03-14');
  assert.equal(consulting.state, 'paused-consultation');
  assert.equal(consulting.dueDate, null);
  assert.equal(consulting.consultationDueDate, addWorkingDays('2025-03-12', 15));
  assert.equal(consulting.used, 2);
  const ended = clock([...events, { kind: 'consultation-ended', on: '2025-03-19' }], '2025-03-19');
  assert.equal(ended.state, 'running');
  // 2 days counted before, 5 working days (13, 14, 17, 18, 19 March) paused: due on the 25th working day.
  assert.equal(ended.dueDate, addWorkingDays('2025-03-10', 25));
  assert.deepEqual(
    ended.days.filter((d) => d.date >= '2025-03-12' && d.date <= '2025-03-20').map((d) => [d.date, d.count, d.pause]),
    [
      ['2025-03-12', 2, null],
      ['2025-03-13', null, 'consultation'],
      ['2025-03-14', null, 'consultation'],
      ['2025-03-15', null, 'consultation'],
      ['2025-03-16', null, 'consultation'],
      ['2025-03-17', null, 'consultation'],
      ['2025-03-18', null, 'consultation'],
      ['2025-03-19', null, 'consultation'],
      ['2025-03-20', 3, null],
    ],
  );
});

test('an approved extension adds its days once, from the current deadline; a stop keeps the deadline that applied', () => {
  const received: ClockEvent = { kind: 'received', on: '2025-09-26' };
  const extended = clock([received, { kind: 'extension-approved', on: '2025-10-20', days: 20 }], '2025-10-20');
  assert.equal(extended.limit, 40);
  assert.equal(extended.dueDate, replyDueDate('2025-09-26', { extended: true }));
  const partly = clock([received, { kind: 'extension-approved', on: '2025-10-20', days: 5 }], '2025-10-20');
  assert.equal(partly.dueDate, addWorkingDays('2025-10-30', 5));
  const answered = clock([received, { kind: 'stopped', on: '2025-10-15' }], '2025-11-20');
  assert.equal(answered.state, 'stopped');
  assert.equal(answered.dueDate, '2025-10-30');
  assert.equal(answered.workingDaysLeft, null);
  assert.equal(answered.days.at(-1)!.date, '2025-10-15');
  assert.equal(answered.used, 9, '9-28, 9-29, 9-30, 10-09 … 10-15');
});

test('补正, consultation and extension together, across 春节 2026 and its 调休', () => {
  const events: ClockEvent[] = [
    { kind: 'received', on: '2026-01-30' }, // Friday
    { kind: 'supplement-requested', on: '2026-02-03', periodDays: 15 },
    { kind: 'supplement-received', on: '2026-02-10' },
    { kind: 'consultation-started', on: '2026-02-12' },
    { kind: 'consultation-ended', on: '2026-03-03' },
    { kind: 'extension-approved', on: '2026-03-10', days: 20 },
  ];
  const view = clock(events, '2026-03-10');
  // From 2-10: 2-11 (1), 2-12 (2); paused 2-13 … 3-03; 2-14 and 2-28 are make-up Saturdays, paused too.
  const day = (date: string) => view.days.find((d) => d.date === date)!;
  assert.equal(day('2026-02-12').count, 2);
  assert.equal(day('2026-02-14').dayType, 'make-up-workday');
  assert.equal(day('2026-02-14').pause, 'consultation');
  assert.equal(day('2026-02-16').dayType, 'holiday');
  assert.equal(day('2026-03-04').count, 3);
  assert.equal(view.dueDate, addWorkingDays('2026-03-03', 38));
  assert.equal(view.limit, 40);
});

test('a deadline in a year without a published calendar is provisional until the office enters that year', () => {
  const events: ClockEvent[] = [{ kind: 'received', on: '2026-12-15' }];
  const before = clock(events, '2026-12-15');
  assert.equal(before.provisional, true);
  assert.equal(before.dueDate, '2027-01-12', 'Monday–Friday meanwhile');
  assert.equal(before.days.find((d) => d.date === '2027-01-01')!.provisional, true);
  extendCalendar({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] });
  const after = clock(events, '2026-12-15');
  assert.equal(after.provisional, false);
  assert.equal(after.dueDate, '2027-01-13', '元旦 2027 is now a holiday');
  assert.equal(after.days.find((d) => d.date === '2027-01-01')!.dayType, 'holiday');
});
