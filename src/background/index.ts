import browser, { type Runtime } from 'webextension-polyfill';
import { MessageRouter } from '../messaging/router.ts';

// Listeners are registered synchronously at top level so a woken worker receives the event that woke it.
const router = new MessageRouter(browser.runtime.id);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  router.dispatch(message, sender),
);
