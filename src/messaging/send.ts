import browser from 'webextension-polyfill';
import type { Envelope, MessageDef } from './define.ts';

/** Sends a typed message to the background worker (or, from the worker, to other extension pages). */
export function sendMessage<Name extends string, Payload, Response>(
  def: MessageDef<Name, Payload, Response>,
  payload: Payload,
): Promise<Response> {
  const envelope: Envelope = { type: def.name, payload };
  return browser.runtime.sendMessage(envelope) as Promise<Response>;
}

/** Sends a typed message to the content script of one tab. */
export function sendToTab<Name extends string, Payload, Response>(
  tabId: number,
  def: MessageDef<Name, Payload, Response>,
  payload: Payload,
): Promise<Response> {
  const envelope: Envelope = { type: def.name, payload };
  return browser.tabs.sendMessage(tabId, envelope) as Promise<Response>;
}
