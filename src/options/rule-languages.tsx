import { LOCALES, type LocaleCode } from '../core/locales.ts';
import { hasFields } from '../core/template-fields.ts';
import type { Rule, Template } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { SelectField } from '../ui/select-field.tsx';

/**
 * The first of a rule's templates that asks for a field, which the rule may not send (storage refuses it
 * with `fieldInRule`); the editor says so before Save, naming the rule.
 */
export function templateWithField(rule: Rule, templates: readonly Template[]): Template | undefined {
  const ids = [rule.templateId, ...Object.values(rule.languageTemplates ?? {})];
  return templates.find((template) => ids.includes(template.id) && hasFields(template.body));
}

interface RuleLanguagesProps {
  value: Rule['languageTemplates'];
  templates: readonly Template[];
  onChange: (value: Rule['languageTemplates']) => void;
}

/** "Answer in their language": one optional template per language we ship. */
export function RuleLanguages({ value, templates, onChange }: RuleLanguagesProps) {
  const choices = [
    { value: '', label: t('ruleLanguageNone') },
    ...templates.map((template) => ({ value: template.id, label: template.name })),
  ];
  const set = (code: LocaleCode, id: string) => {
    const next = { ...value };
    if (id) next[code] = id;
    else delete next[code];
    onChange(next);
  };
  return (
    <fieldset class="stack rule-languages">
      <legend>{t('ruleLanguageTitle')}</legend>
      <p class="muted hint">{t('ruleLanguageHint')}</p>
      <div class="row wrap">
        {LOCALES.map((locale) => (
          <SelectField
            key={locale.code}
            label={locale.nativeName}
            value={value?.[locale.code] ?? ''}
            choices={choices}
            onChange={(id) => set(locale.code, id)}
          />
        ))}
      </div>
    </fieldset>
  );
}
