import { awayStatus } from '../core/schedule.ts';
import type { Schedule } from '../core/types.ts';

/**
 * On means the switch is on and its "until" has not passed: what the popup's switch shows and what the
 * keyboard shortcut flips. Being outside the weekly hours still counts as on: automation is armed.
 */
export function switchIsOn(schedule: Schedule, now: number): boolean {
  const status = awayStatus(schedule, now);
  return status === 'away' || status === 'outside';
}
