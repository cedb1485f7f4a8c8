import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../src/core/defaults.ts';
import {
  AUTO_REPLY_PHRASES,
  automaticSignal,
  ECHO_WINDOW_MS,
  isStopWord,
  type LoopContext,
  looksAutomatic,
  STOP_WORDS,
} from '../../../src/core/loops.ts';
import { createRng } from '../../../src/core/rng.ts';
import { render, templateVars } from '../../../src/core/templates.ts';

const T = 1_000_000;
const ctx = (over: Partial<LoopContext> = {}): LoopContext => ({
  detectedAt: T,
  labels: [],
  templateBodies: [],
  ownReplies: [],
  ...over,
});

describe('isStopWord', () => {
  it.each([
    'stop',
    'STOP',
    'Stop!',
    'please stop.',
    'unsubscribe me',
    'Arrête',
    'arrete',
    'ARRÊTEZ svp',
    'me désabonner',
    'desabonnez-moi',
  ])('sees a stop word in %j', (text) => expect(isStopWord(text)).toBe(true));

  it.each(['stopped', 'nonstop', 'a bus stopover', 'arrêtons', 'hello', ''])('no stop word in %j', (text) =>
    expect(isStopWord(text)).toBe(false),
  );

  it('covers the documented list', () => {
    for (const word of STOP_WORDS) expect(isStopWord(`well, ${word.toUpperCase()}!`)).toBe(true);
  });
});

describe('automaticSignal', () => {
  it('a human message is not automatic', () => {
    expect(automaticSignal('Hey! Are we still on for Friday?', ctx())).toBeNull();
    expect(looksAutomatic('Hey! Are we still on for Friday?', ctx())).toBe(false);
  });

  it('timing: within 10 s after our reply in the thread, not before it, not later', () => {
    expect(automaticSignal('ok', ctx({ ownReplies: [{ at: T - ECHO_WINDOW_MS }] }))).toBe('timing');
    expect(automaticSignal('ok', ctx({ ownReplies: [{ at: T - ECHO_WINDOW_MS - 1 }] }))).toBeNull();
    expect(automaticSignal('ok', ctx({ ownReplies: [{ at: T + 1 }] }))).toBeNull();
  });

  it('label: the neutral marker always, localised labels when given', () => {
    expect(automaticSignal('Back Monday [auto-reply]', ctx())).toBe('label');
    expect(automaticSignal('Retour lundi [répondeur]', ctx())).toBeNull();
    expect(automaticSignal('Retour lundi [répondeur]', ctx({ labels: ['[Répondeur]'] }))).toBe('label');
  });

  it('phrase: every listed phrase, whatever the case, accents and punctuation', () => {
    for (const phrase of AUTO_REPLY_PHRASES) {
      expect(automaticSignal(`Bonjour. ${phrase.toUpperCase()} — merci`, ctx())).not.toBeNull();
    }
    expect(automaticSignal('REPONSE AUTOMATIQUE : je suis absente', ctx())).toBe('phrase');
    expect(automaticSignal('This is an automatic-reply', ctx())).toBe('phrase');
    expect(automaticSignal('I am awake now', ctx())).toBeNull();
  });

  it('echo: our own text coming back, ignoring case and punctuation', () => {
    const ownReplies = [{ at: T - 60_000, text: 'Back on Monday, talk then!' }];
    expect(automaticSignal('back on monday talk then', ctx({ ownReplies }))).toBe('echo');
    expect(automaticSignal('Back on Monday? Great', ctx({ ownReplies }))).toBeNull();
  });

  it('template: any rendering of our templates, not the quick ones too short to tell', () => {
    const rng = createRng(3);
    const vars = templateVars({
      senderName: 'Zoé',
      senderHandle: 'zoe',
      myName: '',
      now: T,
      awayUntil: null,
      timeZone: 'UTC',
      locale: 'en',
    });
    const body = "{Hi|Hello} {first_name}! Gone fishing until {away_until}, I'll {write|reply} then.";
    for (let i = 0; i < 20; i++) {
      expect(automaticSignal(render(body, vars, rng), ctx({ templateBodies: [body] }))).toBe('template');
    }
    expect(automaticSignal('Gone fishing myself, lol', ctx({ templateBodies: [body] }))).toBeNull();
    const short = '{Thanks|Thank you} {first_name}!';
    expect(automaticSignal('Thanks Zoé!', ctx({ templateBodies: [short] }))).toBeNull();
  });

  it('our starter away templates are caught when they come back', () => {
    for (const t of DEFAULT_TEMPLATES.filter((x) => !x.quickReply)) {
      const vars = templateVars({
        senderName: 'Max',
        senderHandle: 'max',
        myName: '',
        now: T,
        awayUntil: null,
        timeZone: 'UTC',
        locale: t.locale,
      });
      expect(looksAutomatic(render(t.body, vars, createRng(1)), ctx({ templateBodies: [t.body] }))).toBe(
        true,
      );
    }
  });
});
