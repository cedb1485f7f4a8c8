/** Vite inlines a stylesheet imported with `?inline` as its text, minified in builds. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
