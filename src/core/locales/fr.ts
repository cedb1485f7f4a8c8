/** French, as the product needs it (each field is explained by LocaleInfo in ../locales.ts). */
export const fr = {
  code: 'fr',
  tag: 'fr',
  englishName: 'French',
  nativeName: 'Français',
  dir: 'ltr',
  hour: '2-digit',
  stopWords: ['arrête', 'arrêtez', 'désabonner', 'désabonnez'],
  loopPhrases: [
    'réponse automatique',
    'message automatique',
    "absent jusqu'au",
    "absente jusqu'au",
    'je suis absent',
    'je suis absente',
    'absent du bureau',
    'absente du bureau',
  ],
  urgentWords: ['urgent', 'urgente', 'urgence', 'au plus vite'],
  // French has no neutral word for "there": "Merci {first_name} !" becomes "Merci !".
  fallback: { person: '', awayUntil: 'bientôt' },
  starters: {
    awayRuleName: 'Réponse d’absence',
    away: {
      kind: 'away',
      name: 'Absence (français)',
      body: '{Bonjour|Salut} {first_name}, merci pour ton message ! Je suis absent pour le moment et je te {réponds|recontacte} dès que possible.',
    },
    quick: [
      { kind: 'thanks', name: 'Merci', body: 'Merci {first_name} !' },
      { kind: 'later', name: 'Plus tard', body: 'Je te réponds {plus tard dans la journée|bientôt}.' },
      {
        kind: 'busy',
        name: 'Occupé',
        body: 'Je ne peux pas répondre tout de suite, je t’écris dès que je suis libre.',
      },
    ],
  },
} as const;
