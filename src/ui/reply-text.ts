import { type FieldFill, render, templateVars } from '../core/templates.ts';
import type { Settings, Template } from '../core/types.ts';

/** Who a reply is for, as the thread names them. */
export interface Recipient {
  senderName: string;
  senderHandle: string;
}

/**
 * A template's text for one person, with the user's name, "away until" and time zone from the settings:
 * what the template editor previews and what a quick reply inserts. `fill` says what fields (`{ask:…}`)
 * become: the user's answers when inserting, `[Label]` in previews.
 */
export function replyText(
  template: Pick<Template, 'body' | 'locale'>,
  recipient: Recipient,
  settings: Settings,
  now: number,
  rng: () => number,
  fill?: FieldFill,
): string {
  const vars = templateVars({
    ...recipient,
    myName: settings.myName,
    now,
    awayUntil: settings.schedule.awayUntil,
    timeZone: settings.schedule.timeZone,
    locale: template.locale,
  });
  return render(template.body, vars, rng, fill);
}
