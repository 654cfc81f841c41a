/** Loads the working-day calendar: an operator's $XINQIAO_DATA_DIR/calendar.json, else the bundled one. */
import fs from 'node:fs';
import path from 'node:path';
import bundled from '../domain/calendar/cn-mainland.json' with { type: 'json' };
import { workingCalendar, type HolidayCalendar, type WorkingCalendar } from '../domain/working-days.js';

/** The calendar in force. */
export function loadCalendar(dataDir: string): WorkingCalendar {
  const file = path.join(dataDir, 'calendar.json');
  const data: HolidayCalendar = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as HolidayCalendar) : bundled;
  return workingCalendar(data);
}
