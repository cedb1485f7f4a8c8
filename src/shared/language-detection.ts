import browser from 'webextension-polyfill';
import type { DetectedLanguage } from '../core/language-choice.ts';

/**
 * The language of a message, asked of the browser's own detector (`i18n.detectLanguage`: CLD in Chrome
 * and in Firefox, on the device, no network). Null when the browser has no detector or it fails: the
 * rule's default template answers then (core/language-choice.ts decides, with this answer passed in).
 */
export async function detectMessageLanguage(text: string): Promise<DetectedLanguage | null> {
  try {
    const detect = browser.i18n?.detectLanguage;
    if (typeof detect !== 'function') return null;
    const result = await detect(text);
    return {
      isReliable: result.isReliable === true,
      languages: (result.languages ?? []).map((entry) => ({
        language: String(entry.language),
        percentage: Number(entry.percentage),
      })),
    };
  } catch (error: unknown) {
    console.warn('Away for X: language detection failed', error);
    return null;
  }
}
