/** An application row as both the storage and the desk's case storage read it. */
import type { ApplicationRequest, ApplicationStatus, Locale, OutcomeId } from '../../api/types/application.js';
import type { ApplicationRecord } from './types.js';

// Dates and instants leave the database as text so no driver converts them through the host's time zone.
export const APPLICATION_COLUMNS = `tracking_code, phone_digits, agency, applicant_column, body, status,
  to_json(received_at) #>> '{}' AS received_at, received_on::text AS received_on, clock_start::text AS clock_start,
  extended, due_date::text AS due_date, outcome, resolved_on::text AS resolved_on, language`;

export interface ApplicationRow {
  tracking_code: string;
  phone_digits: string;
  agency: string;
  applicant_column: number;
  body: ApplicationRequest;
  status: ApplicationStatus;
  received_at: string;
  received_on: string;
  clock_start: string;
  extended: boolean;
  due_date: string | null;
  outcome: OutcomeId | null;
  resolved_on: string | null;
  language: Locale;
}

/** PostgreSQL renders timestamptz as `2025-03-10T08:00:00+00:00`; normalise to `Date#toISOString`. */
export function isoInstant(text: string): string {
  return new Date(text).toISOString();
}

/** The record's columns, without the timeline (the desk's case storage adds its own parts). */
export function applicationFields(row: ApplicationRow): Omit<ApplicationRecord, 'timeline'> {
  return {
    trackingCode: row.tracking_code,
    phoneDigits: row.phone_digits,
    agency: row.agency,
    applicantColumn: row.applicant_column,
    body: row.body,
    status: row.status,
    receivedAt: isoInstant(row.received_at),
    receivedOn: row.received_on,
    clockStart: row.clock_start,
    extended: row.extended,
    dueDate: row.due_date,
    outcome: row.outcome,
    resolvedOn: row.resolved_on,
    language: row.language,
  };
}
