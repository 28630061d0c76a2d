export {
  CalendarRangeError,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  replyDueDate,
  provisionalReplyDueDate,
  provisionalWorkingDaysBetween,
  type Provisional,
  extendCalendar,
  calendarYears,
  dayType,
  type DayType,
  todayInChina,
  REPLY_WORKING_DAYS,
  EXTENSION_WORKING_DAYS,
} from './calendar.js';
export { HOLIDAY_ARRANGEMENTS, type YearArrangement } from './holidays.js';
