/** Brazilian Portuguese, as the product needs it (each field is explained by LocaleInfo in ../locales.ts). */
export const ptBR = {
  code: 'pt_BR',
  tag: 'pt-BR',
  englishName: 'Brazilian Portuguese',
  nativeName: 'Português (Brasil)',
  dir: 'ltr',
  hour: '2-digit',
  // Not "pare" or "sair" alone: "vou sair" is "I'm going out", and "pare" is common in Spanish too.
  stopWords: [
    'descadastrar',
    'descadastre',
    'descadastra',
    'pare de me mandar',
    'pare de me enviar',
    'pare de me escrever',
    'para de me mandar',
    'para de me enviar',
    'para de me escrever',
    'não me mande mais',
    'não me manda mais',
    'não me envie mais',
    'não quero mais receber',
  ],
  loopPhrases: [
    'resposta automática',
    'mensagem automática',
    'fora do escritório',
    'estou ausente',
    'ausente até',
    'no momento estou fora',
  ],
  urgentWords: ['urgente', 'urgência', 'emergência', 'o quanto antes', 'o mais rápido possível'],
  fallback: { person: '', awayUntil: 'em breve' },
  starters: {
    awayRuleName: 'Resposta de ausência',
    away: {
      kind: 'away',
      name: 'Ausência (português)',
      body: '{Oi|Olá} {first_name}, valeu pela mensagem! Estou ausente no momento e vou te {responder|dar um retorno} assim que puder.',
    },
    quick: [
      { kind: 'thanks', name: 'Valeu', body: '{Valeu|Valeu mesmo}, {first_name}!' },
      { kind: 'later', name: 'Mais tarde', body: 'Te respondo {mais tarde|em breve}.' },
      { kind: 'busy', name: 'Agora não', body: 'Não consigo falar agora, te escrevo quando estiver livre.' },
    ],
  },
} as const;
