/**
 * Runs in the page (self-contained, as page functions must be): whether the fake's shadow-root chat shows
 * message `id` as sent — `sent`, `delivered` or `read`, as X names the steps after sending.
 * For `SessionPage.waitFor(shownAsSentInPage, id)`.
 */
export function shownAsSentInPage(id: string | undefined): boolean {
  const row = document
    .querySelector('[data-testid="xchatEmbedRoute"]')
    ?.shadowRoot?.querySelector(`[data-dm-message-row="${id}"]`);
  return ['sent', 'delivered', 'read'].includes(row?.getAttribute('data-send-status') ?? '');
}
