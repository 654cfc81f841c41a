/** What case services need besides the request context. */
import type { RuleSet } from '../../domain/compliance.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import type { TransparencyLog } from '../evidence/transparency-log.js';
import type { PiiCipher } from '../privacy/pii-cipher.js';
import type { NotificationSender } from '../notifications/notification-sender.js';

/** Dependencies of the cases module. */
export interface CaseDeps {
  log: TransparencyLog;
  rules: RuleSet[];
  pii: PiiCipher;
  calendar: WorkingCalendar;
  sender: NotificationSender;
}
