/**
 * Web platform features worth a version check, each found in the sources by a pattern and looked up in
 * MDN's browser-compat-data (the `bcd` path). Extension APIs (`browser.x.y`) and manifest keys need no
 * entry here: the test reads them from the code and the manifest. Features the code does not use today
 * are listed too, so that the first use of one above the declared floor fails a test instead of breaking
 * on a user's older browser. See docs/BROWSER-SUPPORT.md.
 */
export interface Feature {
  name: string;
  pattern: RegExp;
  bcd: string;
  /** Only in stylesheets, or only in scripts; both when absent. */
  in?: 'css' | 'js';
  /** Used with a fallback, so an older browser may lack it: say how the code copes. */
  fallback?: string;
}

export const FEATURES: readonly Feature[] = [
  // Used today.
  { name: 'structuredClone()', pattern: /\bstructuredClone\(/, bcd: 'api.structuredClone', in: 'js' },
  { name: 'crypto.randomUUID()', pattern: /\bcrypto\.randomUUID\(/, bcd: 'api.Crypto.randomUUID', in: 'js' },
  {
    name: 'Object.hasOwn()',
    pattern: /\bObject\.hasOwn\(/,
    bcd: 'javascript.builtins.Object.hasOwn',
    in: 'js',
  },
  { name: 'Array.prototype.at()', pattern: /\.at\(/, bcd: 'javascript.builtins.Array.at', in: 'js' },
  {
    name: 'Intl.supportedValuesOf()',
    pattern: /\bIntl\.supportedValuesOf\b/,
    bcd: 'javascript.builtins.Intl.supportedValuesOf',
    in: 'js',
  },
  {
    name: 'Unicode property escapes \\p{…}',
    pattern: /\\p\{/,
    bcd: 'javascript.regular_expressions.unicode_character_class_escape',
    in: 'js',
  },
  {
    name: 'private methods #m()',
    pattern: /(?:^|\s)(?:async\s+)?#\w+\(/m,
    bcd: 'javascript.classes.private_class_methods',
    in: 'js',
  },
  {
    name: 'addEventListener signal option',
    pattern: /addEventListener\([^)]*\bsignal\b/,
    bcd: 'api.EventTarget.addEventListener.options_parameter.options_signal_parameter',
    in: 'js',
  },
  { name: 'queueMicrotask()', pattern: /\bqueueMicrotask\(/, bcd: 'api.queueMicrotask', in: 'js' },
  { name: 'Node.getRootNode()', pattern: /\.getRootNode\(/, bcd: 'api.Node.getRootNode', in: 'js' },
  {
    name: 'Navigation API (currententrychange)',
    pattern: /\bcurrententrychange\b/,
    bcd: 'api.Navigation.currententrychange_event',
    in: 'js',
    fallback: 'feature-detected in src/content/navigation.ts; without it the URL is polled',
  },
  { name: ':focus-visible', pattern: /:focus-visible/, bcd: 'css.selectors.focus-visible', in: 'css' },
  { name: 'accent-color', pattern: /\baccent-color\s*:/, bcd: 'css.properties.accent-color', in: 'css' },
  { name: 'color-scheme', pattern: /\bcolor-scheme\s*:/, bcd: 'css.properties.color-scheme', in: 'css' },
  { name: 'gap in flex layout', pattern: /\bgap\s*:/, bcd: 'css.properties.gap.flex_context', in: 'css' },
  {
    name: 'overflow-wrap: anywhere',
    pattern: /overflow-wrap\s*:\s*anywhere/,
    bcd: 'css.properties.overflow-wrap.anywhere',
    in: 'css',
  },
  {
    name: 'rgb() with spaces and / alpha',
    pattern: /rgb\(\s*\d+\s+\d+\s+\d+\s*\//,
    bcd: 'css.types.color.rgb.space_separated_parameters',
    in: 'css',
  },
  {
    name: 'prefers-color-scheme',
    pattern: /prefers-color-scheme/,
    bcd: 'css.at-rules.media.prefers-color-scheme',
    in: 'css',
  },
  // Not used today: the features a coming change is likely to reach for.
  { name: ':has()', pattern: /:has\(/, bcd: 'css.selectors.has' },
  { name: ':dir()', pattern: /:dir\(/, bcd: 'css.selectors.dir', in: 'css' },
  {
    name: 'logical margins/paddings (*-inline, *-block)',
    pattern: /\b(?:margin|padding)-(?:inline|block)(?:-start|-end)?\s*:/,
    bcd: 'css.properties.margin-inline',
    in: 'css',
  },
  {
    name: 'inset-inline-*',
    pattern: /\binset-inline(?:-start|-end)?\s*:/,
    bcd: 'css.properties.inset-inline-start',
    in: 'css',
  },
  {
    name: 'Popover API',
    pattern: /\bpopover\s*=|showPopover|togglePopover|:popover-open/,
    bcd: 'api.HTMLElement.popover',
  },
  {
    name: 'Element.checkVisibility()',
    pattern: /\.checkVisibility\(/,
    bcd: 'api.Element.checkVisibility',
    in: 'js',
  },
  {
    name: 'CSS anchor positioning',
    pattern: /\b(?:anchor-name|position-anchor)\s*:/,
    bcd: 'css.properties.position-anchor',
    in: 'css',
  },
  { name: '@container', pattern: /@container\b/, bcd: 'css.at-rules.container', in: 'css' },
  { name: 'light-dark()', pattern: /\blight-dark\(/, bcd: 'css.types.color.light-dark', in: 'css' },
  { name: 'field-sizing', pattern: /\bfield-sizing\s*:/, bcd: 'css.properties.field-sizing', in: 'css' },
  {
    name: 'text-wrap: balance',
    pattern: /text-wrap\s*:\s*balance/,
    bcd: 'css.properties.text-wrap.balance',
    in: 'css',
  },
  {
    name: 'Promise.withResolvers()',
    pattern: /\bPromise\.withResolvers\b/,
    bcd: 'javascript.builtins.Promise.withResolvers',
    in: 'js',
  },
  {
    name: 'Object.groupBy()',
    pattern: /\bObject\.groupBy\b/,
    bcd: 'javascript.builtins.Object.groupBy',
    in: 'js',
  },
  {
    name: 'Array.prototype.toSorted()',
    pattern: /\.toSorted\(/,
    bcd: 'javascript.builtins.Array.toSorted',
    in: 'js',
  },
  {
    name: 'Array.prototype.findLast()',
    pattern: /\.findLast(?:Index)?\(/,
    bcd: 'javascript.builtins.Array.findLast',
    in: 'js',
  },
  {
    name: 'Set methods (union, …)',
    pattern: /\.(?:union|intersection|symmetricDifference|isSubsetOf)\(/,
    bcd: 'javascript.builtins.Set.union',
    in: 'js',
  },
  {
    name: 'Intl.Segmenter',
    pattern: /\bIntl\.Segmenter\b/,
    bcd: 'javascript.builtins.Intl.Segmenter',
    in: 'js',
  },
  {
    name: 'Intl.Locale text info (direction)',
    pattern: /\bgetTextInfo\b|\.textInfo\b/,
    bcd: 'javascript.builtins.Intl.Locale.getTextInfo',
    in: 'js',
  },
  {
    name: 'Intl.DurationFormat',
    pattern: /\bIntl\.DurationFormat\b/,
    bcd: 'javascript.builtins.Intl.DurationFormat',
    in: 'js',
  },
  { name: 'AbortSignal.any()', pattern: /\bAbortSignal\.any\(/, bcd: 'api.AbortSignal.any_static', in: 'js' },
  { name: 'scheduler.yield()', pattern: /\bscheduler\.yield\(/, bcd: 'api.Scheduler.yield', in: 'js' },
];
