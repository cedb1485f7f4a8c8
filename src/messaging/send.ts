import browser from 'webextension-polyfill';
import { type Envelope, type MessageDef, messageSender } from './define.ts';

/**
 * Sends a typed message to the background worker (or, from the worker, to other extension pages). The
 * content script has its own, without the polyfill: `messageSender` over `extensionRuntime()`.
 */
export const sendMessage = messageSender((envelope) => browser.runtime.sendMessage(envelope));

/** Sends a typed message to the content script of one tab. */
export function sendToTab<Payload, Response>(
  tabId: number,
  def: MessageDef<Payload, Response>,
  payload: Payload,
): Promise<Response> {
  const envelope: Envelope = { type: def.name, payload };
  return browser.tabs.sendMessage(tabId, envelope) as Promise<Response>;
}
