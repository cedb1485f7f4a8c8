import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelFor } from '../../../src/core/decide.ts';
import { starterTemplatesOf } from '../../../src/core/defaults.ts';
import { LOCALE_CODES, LOCALES, type LocaleCode, localeInfo } from '../../../src/core/locales.ts';
import { AUTO_REPLY_PHRASES, automaticSignal, isStopWord, STOP_WORDS } from '../../../src/core/loops.ts';
import { createRng } from '../../../src/core/rng.ts';
import { render, templateVars } from '../../../src/core/templates.ts';
import { foldedWords } from '../../../src/core/text-normalize.ts';
import { state } from './fixtures.ts';

const context = { detectedAt: 1_000, labels: [], templateBodies: [], ownReplies: [] };
const label = (code: LocaleCode): string =>
  (
    JSON.parse(
      readFileSync(join(import.meta.dirname, `../../../public/_locales/${code}/messages.json`), 'utf8'),
    ) as {
      autoReplyLabel: { message: string };
    }
  ).autoReplyLabel.message;

/**
 * Real messages in each language: what must silence a contact, what must not (the words that look like
 * an opt-out but are ordinary), what an auto-responder writes and what a person writes. A language added
 * to locales.ts without its samples here is a type error.
 */
const SAMPLES: Record<
  LocaleCode,
  { stop: string[]; notStop: string[]; automatic: string[]; human: string[] }
> = {
  en: {
    stop: ['STOP', 'Please unsubscribe me.'],
    notStop: ['It stopped raining', 'Nonstop flights to Lisbon?'],
    automatic: ['Thanks! I am currently away with limited access to messages.'],
    human: ['Are you around this weekend?'],
  },
  fr: {
    stop: ['Arrête de m’écrire', 'merci de me désabonner'],
    notStop: ['On s’arrêtera à Lyon', 'Le bus arrive'],
    automatic: ['Bonjour, je suis absente du bureau jusqu’au 12 août.'],
    human: ['Tu es dispo ce week-end ?'],
  },
  es: {
    stop: ['Por favor, dame de baja', 'No me escribas más', 'DEJA DE ESCRIBIRME'],
    // "para" is also "for", "baja" also "low"; "no" and "me" alone are everywhere.
    notStop: ['Para mañana te escribo', 'La temperatura baja mucho', 'No sé, escríbeme mañana'],
    automatic: ['Gracias por su mensaje. Me encuentro fuera de la oficina hasta el lunes.'],
    human: ['¿Quedamos el sábado para comer?'],
  },
  pt_BR: {
    stop: ['Pare de me mandar mensagem', 'por favor me descadastre', 'NÃO QUERO MAIS RECEBER isso'],
    // "sair" is also "to go out", "para" also "for".
    notStop: ['Vou sair agora, te chamo depois', 'Isso é para amanhã?', 'Não pare de sonhar'],
    automatic: ['Olá! No momento estou fora do escritório e volto na segunda.'],
    human: ['Bora almoçar no sábado?'],
  },
  de: {
    stop: ['Bitte schreib mir nicht mehr.', 'Newsletter abbestellen', 'STOPP', 'Lass mich in Ruhe!'],
    // "abmelden" is also logging off; "hör auf" alone is also "listen to".
    notStop: ['Ich muss mich kurz abmelden', 'Hör auf dein Bauchgefühl', 'Schreib mir morgen'],
    automatic: ['Vielen Dank für Ihre Nachricht. Ich bin derzeit abwesend und ab Montag wieder da.'],
    human: ['Hast du am Samstag Zeit?'],
  },
  ja: {
    stop: ['配信停止してください', 'もう送らないでください', 'ストップ！', 'もう連絡しないでね'],
    // 停止 alone is also "pause" (一時停止); ストップ inside a longer katakana word is another word.
    notStop: ['動画を一時停止してください', 'ストップウォッチを買った', 'ノンストップで走った'],
    automatic: ['メッセージありがとうございます。現在不在のため、8月20日以降に返信いたします。'],
    human: ['土曜日、ランチどう？'],
  },
  ar: {
    stop: ['الغاء الاشتراك من فضلك', 'لا تراسلني مرة أخرى', 'أوقف الرسائل'],
    // توقف alone is also "it stopped".
    notStop: ['توقف المطر أخيرا', 'هل يمكنك إرسال الملف؟', 'إلغاء الموعد غدا'],
    automatic: ['شكرا لرسالتك، أنا خارج المكتب حتى الأحد.'],
    human: ['هل أنت متاح يوم السبت؟'],
  },
};

describe('every language’s words reach the core checks', () => {
  it('puts every language’s stop words and loop phrases in the lists core uses', () => {
    for (const locale of LOCALES) {
      expect(STOP_WORDS, locale.code).toEqual(expect.arrayContaining([...locale.stopWords]));
      expect(AUTO_REPLY_PHRASES, locale.code).toEqual(expect.arrayContaining([...locale.loopPhrases]));
    }
  });

  it.each(LOCALE_CODES)('%s: each stop word silences, inside a sentence and in capitals', (code) => {
    for (const word of localeInfo(code).stopWords) {
      expect(isStopWord(word), word).toBe(true);
      expect(isStopWord(`ok… ${word.toUpperCase()}!!`), word).toBe(true);
    }
    for (const text of SAMPLES[code].stop) expect(isStopWord(text), text).toBe(true);
  });

  it.each(LOCALE_CODES)('%s: ordinary messages are not taken for a stop', (code) => {
    for (const text of [...SAMPLES[code].notStop, ...SAMPLES[code].human])
      expect(isStopWord(text), text).toBe(false);
  });

  it.each(LOCALE_CODES)(
    '%s: each loop phrase marks a message as automatic, a person’s message is not',
    (code) => {
      for (const phrase of localeInfo(code).loopPhrases) {
        // "auto-reply" is also the neutral label, which is checked first.
        expect(automaticSignal(`Hello. ${phrase}, 2/8.`, context), phrase).toMatch(/^(phrase|label)$/);
      }
      for (const text of SAMPLES[code].automatic) expect(automaticSignal(text, context), text).toBe('phrase');
      for (const text of SAMPLES[code].human) expect(automaticSignal(text, context), text).toBeNull();
    },
  );

  it.each(LOCALE_CODES)('%s: the starter away message reads as automatic by its words alone', (code) => {
    // So two instances answering in this language stop after one message each, even with other templates.
    const [away] = starterTemplatesOf(code);
    for (let seed = 1; seed <= 5; seed++) {
      const vars = templateVars({
        senderName: 'Max',
        senderHandle: 'max',
        myName: '',
        now: 0,
        awayUntil: null,
        timeZone: 'UTC',
        locale: code,
      });
      expect(automaticSignal(render(away!.body, vars, createRng(seed)), context)).toBe('phrase');
    }
  });

  it.each(LOCALE_CODES)(
    '%s: its auto-reply label goes on its replies and is recognised by every instance',
    (code) => {
      const labels = Object.fromEntries(LOCALE_CODES.map((c) => [c, label(c)]));
      expect(labelFor(state({ autoReplyLabels: labels }), code)).toBe(labels[code]);
      const text = `Back on Monday ${labels[code]}`;
      expect(automaticSignal(text, { ...context, labels: Object.values(labels) })).toBe('label');
    },
  );

  it('keeps urgent words apart from stop words, each with letters to match', () => {
    for (const locale of LOCALES) {
      for (const word of locale.urgentWords) {
        expect(foldedWords(word).length, word).toBeGreaterThan(0);
        expect(isStopWord(word), word).toBe(false);
      }
    }
  });

  it('no language’s stop word is one of its own loop phrases', () => {
    for (const phrase of AUTO_REPLY_PHRASES) expect(isStopWord(phrase), phrase).toBe(false);
  });
});
