import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/decide.ts';
import { DEFAULT_TEMPLATES, starterTemplatesOf } from '../../../src/core/defaults.ts';
import {
  chooseTemplate,
  type DetectedLanguage,
  shippedLocaleFor,
} from '../../../src/core/language-choice.ts';
import { LOCALE_CODES, type LocaleCode } from '../../../src/core/locales.ts';
import { automaticSignal } from '../../../src/core/loops.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { Rule } from '../../../src/core/types.ts';
import { dm, NOW, rule, settings, state } from './fixtures.ts';

const detected = (language: string, isReliable = true, percentage = 97): DetectedLanguage => ({
  isReliable,
  languages: [{ language, percentage }],
});
const awayOf = (code: LocaleCode) => starterTemplatesOf(code)[0]!;
const multilingual = (overrides: Partial<Rule> = {}): Rule =>
  rule({
    templateId: awayOf('en').id,
    languageTemplates: { fr: awayOf('fr').id, ja: awayOf('ja').id, pt_BR: awayOf('pt_BR').id },
    ...overrides,
  });

describe('which language a detector’s tag is among ours', () => {
  it('takes the bare language, the exact form first, and nothing for languages we do not ship', () => {
    expect(shippedLocaleFor('fr')).toBe('fr');
    expect(shippedLocaleFor('fr-CA')).toBe('fr');
    expect(shippedLocaleFor('pt')).toBe('pt_BR');
    expect(shippedLocaleFor('pt-PT')).toBe('pt_BR');
    expect(shippedLocaleFor('pt-BR')).toBe('pt_BR');
    expect(shippedLocaleFor('AR')).toBe('ar');
    expect(shippedLocaleFor('it')).toBeNull();
    expect(shippedLocaleFor('und')).toBeNull();
    expect(shippedLocaleFor('')).toBeNull();
  });
});

describe('choosing a rule’s template by the message’s language (detection injected)', () => {
  const r = multilingual();

  it('reliable and a language the rule has: that language’s template', () => {
    expect(chooseTemplate(r, detected('fr'))).toEqual({
      templateId: awayOf('fr').id,
      reason: 'matched',
      detected: 'fr',
      locale: 'fr',
    });
    expect(chooseTemplate(r, detected('pt'))).toMatchObject({
      templateId: awayOf('pt_BR').id,
      locale: 'pt_BR',
    });
  });

  it('unreliable: the default, even when the guess is a language the rule has', () => {
    expect(chooseTemplate(r, detected('fr', false))).toEqual({
      templateId: r.templateId,
      reason: 'unreliable',
      detected: 'fr',
      locale: 'fr',
    });
  });

  it('unknown, empty or unavailable detection: the default', () => {
    expect(chooseTemplate(r, detected('und'))).toMatchObject({ templateId: r.templateId, reason: 'unknown' });
    expect(chooseTemplate(r, { isReliable: true, languages: [] })).toMatchObject({
      templateId: r.templateId,
      reason: 'unknown',
      detected: null,
    });
    expect(chooseTemplate(r, null)).toMatchObject({ templateId: r.templateId, reason: 'notDetected' });
    expect(chooseTemplate(r, undefined)).toMatchObject({ reason: 'notDetected' });
  });

  it('a language we do not ship, or one the rule has no template for: the default', () => {
    expect(chooseTemplate(r, detected('it'))).toMatchObject({
      templateId: r.templateId,
      reason: 'notShipped',
      detected: 'it',
      locale: null,
    });
    expect(chooseTemplate(r, detected('de'))).toMatchObject({
      templateId: r.templateId,
      reason: 'noTemplateForLanguage',
      locale: 'de',
    });
  });

  it('a rule without language templates always answers with its own', () => {
    expect(chooseTemplate(rule(), detected('fr'))).toMatchObject({
      templateId: rule().templateId,
      reason: 'noLanguageTemplates',
      detected: 'fr',
    });
    expect(chooseTemplate(rule({ languageTemplates: {} }), detected('fr'))).toMatchObject({
      reason: 'noLanguageTemplates',
    });
  });
});

describe('decide answers in the message’s language', () => {
  const run = (language: DetectedLanguage | null, rules: Rule[] = [multilingual()]) =>
    decide(
      dm({ text: 'Bonjour, êtes-vous disponible demain ?' }),
      state({ rules, language }),
      NOW,
      createRng(3),
    );

  it('a reliably French message gets the French template, and the decision says why', () => {
    const decision = run(detected('fr'));
    expect(decision).toMatchObject({
      kind: 'reply',
      templateId: awayOf('fr').id,
      language: { reason: 'matched', locale: 'fr' },
    });
  });

  it('an unreliable or absent detection gets the rule’s default template', () => {
    expect(run(detected('fr', false))).toMatchObject({
      templateId: awayOf('en').id,
      language: { reason: 'unreliable' },
    });
    expect(run(null)).toMatchObject({ templateId: awayOf('en').id, language: { reason: 'notDetected' } });
  });

  it('a language template with a field is never sent (last guard behind storage)', () => {
    const templates = [
      ...DEFAULT_TEMPLATES,
      { ...awayOf('fr'), id: 'fr-ask', body: 'Commande {ask:Numéro} ?' },
    ];
    const decision = decide(
      dm(),
      state({
        rules: [multilingual({ languageTemplates: { fr: 'fr-ask' } })],
        templates,
        language: detected('fr'),
      }),
      NOW,
      createRng(1),
    );
    expect(decision).toEqual({ kind: 'skip', reason: 'templateInvalid', detail: 'away-default' });
  });

  it('the body of a language template is known to loop detection like the default one', () => {
    // Plain words no out-of-office phrase list knows: only the template itself can recognise them.
    const plain = {
      ...awayOf('fr'),
      id: 'fr-plain',
      body: 'Merci {first_name}, je regarde votre demande de devis lundi matin.',
    };
    const rules = [multilingual({ languageTemplates: { fr: 'fr-plain' } })];
    const templates = [...DEFAULT_TEMPLATES, plain];
    const first = decide(dm(), state({ rules, templates, language: detected('fr') }), NOW, createRng(3));
    expect(first).toMatchObject({ kind: 'reply', templateId: 'fr-plain' });
    const echoed = decide(
      dm({
        messageId: 'm-2',
        threadId: '300-400',
        senderHandle: 'bob',
        text: first.kind === 'reply' ? first.text : '',
      }),
      state({ rules, templates, language: detected('fr'), contact: null, thread: null }),
      NOW,
      createRng(3),
    );
    expect(echoed).toMatchObject({ kind: 'skip', reason: 'looksAutomatic', detail: 'template' });
  });
});

describe('every shipped language, end to end through the choice', () => {
  const labels = Object.fromEntries(LOCALE_CODES.map((code) => [code, `[label ${code}]`]));
  const everyLanguage = rule({
    templateId: awayOf('en').id,
    languageTemplates: Object.fromEntries(LOCALE_CODES.map((code) => [code, awayOf(code).id])),
  });

  it.each(LOCALE_CODES)(
    '%s: its template answers, carries its own label, and that reply is recognised as automatic',
    (code) => {
      const decision = decide(
        dm(),
        state({
          rules: [everyLanguage],
          settings: settings({ addAutoReplyLabel: true }),
          autoReplyLabels: labels,
          language: detected(code.replace('_', '-')),
        }),
        NOW,
        createRng(5),
      );
      expect(decision).toMatchObject({ kind: 'reply', templateId: awayOf(code).id });
      const text = decision.kind === 'reply' ? decision.text : '';
      expect(text.endsWith(labels[code]!)).toBe(true);
      const context = { detectedAt: NOW, labels: Object.values(labels), templateBodies: [], ownReplies: [] };
      expect(automaticSignal(text, context)).not.toBeNull();
    },
  );
});
