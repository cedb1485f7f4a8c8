/**
 * Runs in the page (self-contained, as page functions must be): whether the fake's shadow-root chat shows
 * message `id` as sent. For `SessionPage.waitFor(shownAsSentInPage, id)`.
 */
export function shownAsSentInPage(id: string | undefined): boolean {
  return !!document
    .querySelector('[data-testid="xchatEmbedRoute"]')
    ?.shadowRoot?.querySelector(`[data-dm-message-row="${id}"][data-send-status="sent"]`);
}
