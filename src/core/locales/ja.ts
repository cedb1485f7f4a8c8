/** Japanese, as the product needs it (each field is explained by LocaleInfo in ../locales.ts). */
export const ja = {
  code: 'ja',
  tag: 'ja',
  englishName: 'Japanese',
  nativeName: '日本語',
  dir: 'ltr',
  hour: 'numeric',
  // Japanese has no spaces: kanji and kana are matched character by character, a katakana word as a
  // whole (so ストップ is not found in ストップウォッチ). Not 停止 alone: it is part of 一時停止 (pause).
  stopWords: [
    'ストップ',
    '配信停止',
    '配信を停止',
    'もう送らないで',
    'メッセージを送らないで',
    'もう連絡しないで',
    '連絡しないでください',
  ],
  loopPhrases: [
    '自動返信',
    '自動応答',
    '自動送信',
    '不在にしております',
    'ただいま不在',
    '只今不在',
    '現在不在',
    '不在のため',
    '休暇中のため',
  ],
  urgentWords: ['至急', '緊急', '急ぎ', '急用'],
  fallback: { person: '', awayUntil: '近日中' },
  starters: {
    awayRuleName: '不在時の返信',
    away: {
      kind: 'away',
      name: '不在（日本語）',
      body: 'メッセージありがとうございます！ただいま不在にしております。{戻り次第|できるだけ早く}お返事します。',
    },
    quick: [
      { kind: 'thanks', name: 'お礼', body: '{ありがとうございます|ありがとう}！' },
      { kind: 'later', name: 'あとで', body: '{あとで|のちほど}お返事しますね。' },
      { kind: 'busy', name: '取り込み中', body: 'いま手が離せないので、落ち着いたら連絡します。' },
    ],
  },
} as const;
