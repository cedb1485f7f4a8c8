import { describe, expect, it } from 'vitest';
import { type AutoReplyLabels, type DecisionState, decide, labelFor } from '../../../src/core/decide.ts';
import { automaticSignal } from '../../../src/core/loops.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { Decision } from '../../../src/core/types.ts';
import { dm, NOW, rule, settings, state } from './fixtures.ts';

const LABELS: AutoReplyLabels = { en: '[auto-reply]', fr: '[réponse automatique]' };
const run = (s: DecisionState, text?: string): Decision =>
  decide(dm(text === undefined ? {} : { text }), s, NOW, createRng(7));
const labelled = (overrides: Partial<DecisionState> = {}) =>
  state({ settings: settings({ addAutoReplyLabel: true }), autoReplyLabels: LABELS, ...overrides });

describe('the auto-reply label follows the template’s language', () => {
  it('an English template gets the English label, a French one the French label', () => {
    const english = run(labelled());
    const french = run(labelled({ rules: [rule({ templateId: 'away-fr' })] }));
    expect(english.kind === 'reply' && english.text).toMatch(/ \[auto-reply\]$/);
    expect(french.kind === 'reply' && french.text).toMatch(/ \[réponse automatique\]$/);
  });

  it('the browser-language label, then the neutral marker, stand in for a language without its own', () => {
    const onlyEnglish = labelled({ autoReplyLabels: { en: 'EN-LABEL' }, autoReplyLabel: '[ui label]' });
    expect(labelFor(onlyEnglish, 'fr')).toBe('[ui label]');
    expect(labelFor(onlyEnglish, 'en')).toBe('EN-LABEL');
    expect(labelFor(state(), 'fr')).toBe('[auto-reply]');
  });

  it('no label unless the user asked for one', () => {
    const d = run(state({ autoReplyLabels: LABELS, rules: [rule({ templateId: 'away-fr' })] }));
    expect(d.kind === 'reply' && d.text).not.toMatch(/réponse automatique/);
  });
});

describe('every known label marks a message as automatic', () => {
  it('an English instance stops at a French instance’s reply, and the other way round', () => {
    const fromFrench = 'Bonjour, je vous réponds dès que possible. [réponse automatique]';
    const fromEnglish = 'Thanks, talk soon. [auto-reply]';
    expect(run(labelled(), fromFrench)).toMatchObject({
      kind: 'skip',
      reason: 'looksAutomatic',
      detail: 'label',
    });
    const french = labelled({ rules: [rule({ templateId: 'away-fr' })] });
    expect(run(french, fromEnglish)).toMatchObject({
      kind: 'skip',
      reason: 'looksAutomatic',
      detail: 'label',
    });
  });

  it('a label in neither template language but given by the browser is known too', () => {
    const s = labelled({ autoReplyLabel: '[risposta automatica]' });
    expect(run(s, 'Ciao a presto [risposta automatica]')).toMatchObject({ detail: 'label' });
  });

  it('loops.ts recognises each label it is given, ignoring case and accents', () => {
    const context = { detectedAt: NOW, templateBodies: [], ownReplies: [] };
    const text = 'Merci ! [REPONSE AUTOMATIQUE]';
    expect(automaticSignal(text, { ...context, labels: Object.values(LABELS) })).toBe('label');
    // Without the label it is still caught, by the phrase list, but not as our label.
    expect(automaticSignal(text, { ...context, labels: [] })).toBe('phrase');
  });
});
