/** Arabic, as the product needs it (each field is explained by LocaleInfo in ../locales.ts). */
export const ar = {
  code: 'ar',
  tag: 'ar',
  englishName: 'Arabic',
  nativeName: 'العربية',
  dir: 'rtl',
  hour: 'numeric',
  // Not توقف alone: it also means "it stopped" (the rain, the site). Spelling variants match each other
  // (أ إ آ ا, ى ي, ة ه: see text-normalize.ts). Not رد آلي: folded, it reads as رد إلي, "reply to me".
  stopWords: [
    'إلغاء الاشتراك',
    'أوقف الرسائل',
    'أوقفوا الرسائل',
    'توقف عن مراسلتي',
    'توقف عن إرسال الرسائل',
    'لا تراسلني',
    'لا ترسل لي رسائل',
  ],
  loopPhrases: [
    'رد تلقائي',
    'رسالة آلية',
    'رسالة تلقائية',
    'خارج المكتب',
    'غير متاح حاليا',
    'غير متاحة حاليا',
    'غير متواجد حاليا',
    'غير متواجدة حاليا',
    'في إجازة حتى',
  ],
  urgentWords: ['عاجل', 'مستعجل', 'طارئ', 'طوارئ'],
  fallback: { person: '', awayUntil: 'قريبا' },
  starters: {
    awayRuleName: 'رد الغياب',
    away: {
      kind: 'away',
      name: 'غياب (العربية)',
      body: '{مرحبا|أهلا} {first_name}، شكرا على رسالتك! أنا غير متاح حاليا، وسأرد عليك {في أقرب وقت ممكن|حالما أستطيع}.',
    },
    quick: [
      { kind: 'thanks', name: 'شكرا', body: '{شكرا|شكرا جزيلا} {first_name}!' },
      { kind: 'later', name: 'لاحقا', body: 'سأرد عليك {لاحقا اليوم|قريبا}.' },
      { kind: 'busy', name: 'مشغول', body: 'لا أستطيع الرد الآن، سأكتب لك عندما أتفرغ.' },
    ],
  },
} as const;
