import type { Person, Seed } from '../../test/fixtures/fake-x/src/api.ts';

/**
 * What the store screenshots show in each language: who writes, and what, in that language. The extension's
 * own texts (its pages, the starter rule and templates) come from its messages files and its seeding.
 */
export interface Scene {
  /** Folder under public/_locales and docs/store. */
  locale: string;
  /** Chromium's --lang: the browser language the extension seeds its starter data in. */
  browserLang: string;
  me: Person;
  /** Writes first: her message gets a suggested reply (suggest mode, the default). */
  first: Person;
  firstText: string;
  /** Writes once automatic sending is on: the extension types and sends the reply. */
  second: Person;
  secondText: string;
  /** The last message before: from me to the first person, from the second person to me. */
  firstHello: string;
  secondHello: string;
  /** Older conversations, so the inbox looks lived in. */
  others: Array<{ person: Person; text: string }>;
}

const p = (id: string, handle: string, name: string): Person => ({ id, handle, name });

export const SCENES: readonly Scene[] = [
  {
    locale: 'en',
    firstHello: 'See you at the conference!',
    secondHello: 'Great to meet you yesterday',
    browserLang: 'en-US',
    me: p('1000', 'sam_rivers', 'Sam Rivers'),
    first: p('2101', 'alice_m', 'Alice Martin'),
    firstText: 'Hi Sam! Are you free for a quick call this week about the conference?',
    second: p('2102', 'ben_builds', 'Ben Okafor'),
    secondText: 'Hey, loved your talk! Could we grab a coffee next week?',
    others: [
      { person: p('2103', 'carla_r', 'Carla Ruiz'), text: 'Thanks for the intro last week' },
      { person: p('2104', 'dan_w', 'Dan Weber'), text: 'The slides are in the shared folder' },
    ],
  },
  {
    locale: 'fr',
    firstHello: 'À bientôt à la conférence !',
    secondHello: 'Ravi de t’avoir rencontrée hier',
    browserLang: 'fr-FR',
    me: p('1000', 'camille_d', 'Camille Dubois'),
    first: p('2101', 'lea_martin', 'Léa Martin'),
    firstText:
      'Bonjour Camille ! Tu aurais un moment cette semaine pour un appel au sujet de la conférence ?',
    second: p('2102', 'hugo_b', 'Hugo Bernard'),
    secondText: 'Salut, super intervention ! On prend un café la semaine prochaine ?',
    others: [
      { person: p('2103', 'ines_r', 'Inès Robert'), text: 'Merci pour la mise en relation' },
      { person: p('2104', 'paul_l', 'Paul Laurent'), text: 'Les diapos sont dans le dossier partagé' },
    ],
  },
  {
    locale: 'es',
    firstHello: '¡Nos vemos en la conferencia!',
    secondHello: 'Un placer conocerte ayer',
    browserLang: 'es-ES',
    me: p('1000', 'lucia_g', 'Lucía García'),
    first: p('2101', 'mateo_r', 'Mateo Rodríguez'),
    firstText: '¡Hola, Lucía! ¿Tienes un rato esta semana para una llamada sobre la conferencia?',
    second: p('2102', 'sofia_l', 'Sofía López'),
    secondText: '¡Me encantó tu charla! ¿Tomamos un café la semana que viene?',
    others: [
      { person: p('2103', 'diego_m', 'Diego Martín'), text: 'Gracias por la presentación' },
      {
        person: p('2104', 'elena_s', 'Elena Sánchez'),
        text: 'Las diapositivas están en la carpeta compartida',
      },
    ],
  },
  {
    locale: 'pt_BR',
    firstHello: 'Até a conferência!',
    secondHello: 'Foi ótimo te conhecer ontem',
    browserLang: 'pt-BR',
    me: p('1000', 'ana_souza', 'Ana Souza'),
    first: p('2101', 'joao_s', 'João Silva'),
    firstText: 'Oi, Ana! Você tem um tempinho esta semana para uma ligação sobre a conferência?',
    second: p('2102', 'beatriz_c', 'Beatriz Costa'),
    secondText: 'Adorei sua palestra! Vamos tomar um café semana que vem?',
    others: [
      { person: p('2103', 'lucas_o', 'Lucas Oliveira'), text: 'Obrigado pela apresentação' },
      { person: p('2104', 'julia_p', 'Júlia Pereira'), text: 'Os slides estão na pasta compartilhada' },
    ],
  },
  {
    locale: 'de',
    firstHello: 'Bis bald auf der Konferenz!',
    secondHello: 'Schön, dich gestern kennengelernt zu haben',
    browserLang: 'de-DE',
    me: p('1000', 'lena_schmidt', 'Lena Schmidt'),
    first: p('2101', 'jonas_m', 'Jonas Müller'),
    firstText: 'Hallo Lena! Hast du diese Woche kurz Zeit für einen Anruf wegen der Konferenz?',
    second: p('2102', 'mia_weber', 'Mia Weber'),
    secondText: 'Toller Vortrag! Wollen wir nächste Woche einen Kaffee trinken?',
    others: [
      { person: p('2103', 'felix_w', 'Felix Wagner'), text: 'Danke für die Vorstellung' },
      { person: p('2104', 'emma_b', 'Emma Becker'), text: 'Die Folien liegen im gemeinsamen Ordner' },
    ],
  },
  {
    locale: 'ja',
    firstHello: 'カンファレンスでお会いしましょう！',
    secondHello: '昨日はお会いできてうれしかったです',
    browserLang: 'ja',
    me: p('1000', 'sato_yui', '佐藤 結衣'),
    first: p('2101', 'takahashi_k', '高橋 健'),
    firstText: '佐藤さん、こんにちは！今週、カンファレンスの件で少しお電話できますか？',
    second: p('2102', 'suzuki_h', '鈴木 花'),
    secondText: '講演、とてもよかったです！来週コーヒーでもいかがですか？',
    others: [
      { person: p('2103', 'tanaka_r', '田中 涼'), text: 'ご紹介ありがとうございました' },
      { person: p('2104', 'ito_m', '伊藤 美咲'), text: 'スライドは共有フォルダにあります' },
    ],
  },
  {
    locale: 'ar',
    firstHello: 'أراك في المؤتمر!',
    secondHello: 'سعدت بلقائك أمس',
    browserLang: 'ar',
    me: p('1000', 'layla_h', 'ليلى حسن'),
    first: p('2101', 'omar_k', 'عمر خالد'),
    firstText: 'مرحبًا ليلى! هل لديك وقت هذا الأسبوع لمكالمة قصيرة بخصوص المؤتمر؟',
    second: p('2102', 'sara_a', 'سارة أحمد'),
    secondText: 'أعجبتني محاضرتك كثيرًا! هل نشرب قهوة الأسبوع القادم؟',
    others: [
      { person: p('2103', 'yousef_n', 'يوسف ناصر'), text: 'شكرًا على التعريف' },
      { person: p('2104', 'mariam_s', 'مريم سعيد'), text: 'الشرائح في المجلد المشترك' },
    ],
  },
];

/** X's 1:1 thread id: the two numeric ids, low first. */
export const threadId = (a: Person, b: Person): string =>
  [a.id, b.id].sort((x, y) => Number(x) - Number(y)).join('-');

/** Everyone wrote before; the newest conversation is the first person's. */
export function seedFor(scene: Scene): Seed {
  const old = (from: string, text: string, minutesAgo: number) => ({ from, text, minutesAgo });
  return {
    me: scene.me,
    threads: [
      ...scene.others.map(({ person, text }, i) => ({
        with: [person],
        history: [old(person.handle, text, 6000 + i * 900)],
      })),
      { with: [scene.second], history: [old(scene.second.handle, scene.secondHello, 4000)] },
      { with: [scene.first], history: [old('me', scene.firstHello, 3000)] },
    ],
  };
}
