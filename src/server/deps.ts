/** What every route file is given by `createApp`. */
import type { Context } from 'hono';
import type { ContactInfo } from '../api/types/contact.js';
import type { DisclosureItem } from '../api/types/directory.js';
import type { AnnualReport } from '../api/types/report.js';
import type { DirectoryIndex } from '../core/directory/search-index.js';
import type { Altcha } from './altcha.js';
import type { LookupGuard } from './lookup-guard.js';
import type { DeliveryPlan } from './notify/store.js';
import type { OfficeCalendar } from './staff/office-calendar.js';
import type { UploadLimits } from './routes/attachments.js';
import type { Storage } from './storage/types.js';

export interface ServerDeps {
  storage: Storage;
  now: () => Date;
  altcha: Altcha;
  contact?: ContactInfo;
  reports: AnnualReport[];
  directory: DirectoryIndex;
  directoryById: Map<string, DisclosureItem>;
  /** 答复部门 when staff reply without naming one */
  replyDepartment: string;
  /** throttles failed look-ups by code and contact */
  lookups: LookupGuard;
  /** the client's address, as configured proxies let it be known */
  addressOf: (c: Context) => string;
  uploadLimits: UploadLimits;
  /** the working-day calendar with the office's own years, and the reply deadline per receipt day */
  officeCalendar: OfficeCalendar;
  /** the deliveries the notification worker in this process would plan for an event (none runs: undefined) */
  planDeliveries?: DeliveryPlan;
}
