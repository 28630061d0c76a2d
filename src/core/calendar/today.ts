/**
 * Today's date in China (Asia/Shanghai). China has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact. Its own module: the
 * form's validation needs today's date but not the holiday calendar.
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
