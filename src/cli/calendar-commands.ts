/** `xinqiao calendar add-working-days <ISO start> <n> [--json]`: deadlines on the mainland working-day calendar. */
import type { Command } from 'commander';
import { loadConfig } from '../config/env.js';
import { addWorkingDays, endOfDayShanghai, shanghaiDate } from '../domain/working-days.js';
import { AppError } from '../shared/app-error.js';
import { loadCalendar } from '../shared/calendar.js';

/** The calendar date in Asia/Shanghai of an ISO date or date-time; null when it is not one. */
export function startDate(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso ? null : iso;
  // A date-time must say its offset (Z or ±hh:mm); otherwise its calendar date would depend on this machine.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : shanghaiDate(new Date(t));
}

/** Adds the calendar commands. */
export function addCalendarCommands(program: Command): void {
  program
    .command('calendar')
    .description('the mainland China working-day calendar (holidays and make-up days as data: $XINQIAO_DATA_DIR/calendar.json overrides the bundled one)')
    .command('add-working-days')
    .description('print the n-th working day after the start’s calendar date in Asia/Shanghai (the start day never counts)')
    .argument('<start>', 'ISO date (2026-09-30) or date-time with offset (2026-09-30T18:00:00+08:00)')
    .argument('<n>', 'number of working days, a whole number ≥ 0')
    .option('--json', 'print { "due", "deadline" }')
    .action((start: string, nText: string, opts: { json?: boolean }) => {
      const date = startDate(start);
      if (!date) throw new AppError('invalid_input', `“${start}” is not an ISO date (YYYY-MM-DD) or a date-time with an offset.`);
      if (!/^\d+$/.test(nText)) throw new AppError('invalid_input', `“${nText}” is not a whole number of working days ≥ 0.`);
      let due: string;
      try {
        due = addWorkingDays(loadCalendar(loadConfig().dataDir), date, Number(nText));
      } catch (err) {
        throw new AppError('invalid_input', (err as Error).message);
      }
      if (opts.json) console.log(JSON.stringify({ due, deadline: endOfDayShanghai(due) }));
      else console.log(due);
    });
}
