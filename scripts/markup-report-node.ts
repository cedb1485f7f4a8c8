import { Window } from 'happy-dom';
import { type ReportCheck, reportFromMarkup } from '../src/content/x/markup-report.ts';

/**
 * The markup report of a chat's markup, made in Node as the popup makes it in the browser: in a
 * happy-dom window that loads and runs nothing the markup names (scripts, styles, frames).
 */
export function reportInNode(markup: string, url: string, check?: ReportCheck): string {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const parse = (html: string) =>
      new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return reportFromMarkup({ markup, url, ...(check ? { check } : {}) }, parse);
  } finally {
    void window.happyDOM.close();
  }
}
