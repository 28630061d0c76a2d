/** Annual report versions (migration 4), written once for PGlite and PostgreSQL alike. */
import type { ReportVersion } from '../../api/types/report-draft.js';
import { isUniqueViolation, type SqlDatabase } from './sql.js';
import type { ReportStorage } from './types.js';

// Instants leave the database as text so no driver converts them through the host's time zone.
const instant = (column: string) => `to_json(${column}) #>> '{}' AS ${column}`;
const COLUMNS = `year, version, status, revision, document, sources, note, return_note, ${instant('created_at')}, created_by,
  ${instant('updated_at')}, updated_by, ${instant('submitted_at')}, submitted_by, ${instant('published_at')}, published_by`;

interface Row {
  year: number;
  version: number;
  status: ReportVersion['status'];
  revision: number;
  document: ReportVersion['document'];
  sources: ReportVersion['sources'];
  note: string | null;
  return_note: string | null;
  created_at: string;
  created_by: ReportVersion['createdBy'];
  updated_at: string;
  updated_by: ReportVersion['updatedBy'];
  submitted_at: string | null;
  submitted_by: ReportVersion['submittedBy'];
  published_at: string | null;
  published_by: ReportVersion['publishedBy'];
}

const iso = (text: string | null) => (text === null ? null : new Date(text).toISOString());

function toVersion(row: Row): ReportVersion {
  return {
    year: row.year,
    version: row.version,
    status: row.status,
    revision: row.revision,
    document: row.document,
    sources: row.sources,
    note: row.note,
    returnNote: row.return_note,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at)!,
    updatedBy: row.updated_by,
    submittedAt: iso(row.submitted_at),
    submittedBy: row.submitted_by,
    publishedAt: iso(row.published_at),
    publishedBy: row.published_by,
  };
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

export function createReportStorage(db: SqlDatabase): ReportStorage {
  return {
    async listReportVersions(year) {
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM report_versions WHERE year = $1 ORDER BY version`, [year]);
      return rows.map(toVersion);
    },

    async latestPublishedReports() {
      const rows = await db.query<Row>(
        `SELECT DISTINCT ON (year) ${COLUMNS} FROM report_versions WHERE status = 'published' ORDER BY year, version DESC`,
      );
      return rows.map(toVersion);
    },

    async createReportVersion(record) {
      try {
        const [row] = await db.query<Row>(
          `INSERT INTO report_versions (year, version, status, revision, document, sources, note, return_note,
             created_at, created_by, updated_at, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
          [
            record.year,
            record.version,
            record.status,
            record.revision,
            json(record.document),
            json(record.sources),
            record.note,
            record.returnNote,
            record.createdAt,
            json(record.createdBy),
            record.updatedAt,
            json(record.updatedBy),
          ],
        );
        return row ? toVersion(row) : null;
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    updateReportVersion(year, version, decide) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM report_versions WHERE year = $1 AND version = $2 FOR UPDATE`, [
          year,
          version,
        ]);
        if (!row) return null;
        const next = decide(toVersion(row));
        const [saved] = await tx.query<Row>(
          `UPDATE report_versions SET status = $3, revision = $4, document = $5, return_note = $6, updated_at = $7, updated_by = $8,
             submitted_at = $9, submitted_by = $10, published_at = $11, published_by = $12
           WHERE year = $1 AND version = $2 RETURNING ${COLUMNS}`,
          [
            year,
            version,
            next.status,
            next.revision,
            json(next.document),
            next.returnNote,
            next.updatedAt,
            json(next.updatedBy),
            next.submittedAt,
            json(next.submittedBy),
            next.publishedAt,
            json(next.publishedBy),
          ],
        );
        return toVersion(saved!);
      });
    },
  };
}
