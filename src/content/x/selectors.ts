/**
 * Every selector of X's Chat UI, in one place (the only file in src/ that may name a `data-testid`).
 * Each selector is followed by `<name>_`: the pages it is expected on, so a test can check each one against
 * the fake client and a reader knows where to look when X changes its markup.
 *
 * Pages: `inbox` = /i/chat, `thread` = /i/chat/<id> (1:1 or group), `requests` = /i/chat/requests,
 * `request` = /i/chat/requests/<id>. Facts and sources: test/fixtures/fake-x/MARKUP.md, docs DESIGN.md.
 */

export type ChatPageKind = 'inbox' | 'thread' | 'requests' | 'request';

const ALL = ['inbox', 'thread', 'requests', 'request'] as const satisfies readonly ChatPageKind[];

/** The attribute X's test ids live in. */
export const testIdAttribute = 'data-testid';

/**
 * 2026 X: host of the chat UI (in the document); the UI renders inside its OPEN shadow root. Absent in
 * the light variant.
 */
export const embedHost = '[data-testid="xchatEmbedRoute"]';
export const embedHost_ = ALL;

/** The column X mounts the chat into (in the document); the light variant's chat root. */
export const primaryColumnId = 'primaryColumn';
export const primaryColumn = '[data-testid="primaryColumn"]';
export const primaryColumn_ = ALL;

/** Left column in the "inbox" folder. */
export const inboxPanel = '[data-testid="dm-inbox-panel"]';
export const inboxPanel_ = ['inbox', 'thread'] as const;

/** Left column in the "requests" folder (replaces the inbox panel). */
export const requestsPanel = '[data-testid="dm-message-requests"]';
export const requestsPanel_ = ['requests', 'request'] as const;

/** One conversation in the inbox; test id `dm-conversation-item-<a>:<b>` or `…-g<digits>`. */
export const conversationItemPrefix = 'dm-conversation-item-';
export const conversationItem = `[data-testid^="${conversationItemPrefix}"]`;
export const conversationItem_ = ['inbox', 'thread'] as const;

/** One message request; test id `dm-message-request-item-<a>:<b>`. */
export const requestItemPrefix = 'dm-message-request-item-';
export const requestItem = `[data-testid^="${requestItemPrefix}"]`;
export const requestItem_ = ['requests', 'request'] as const;

/** Either kind of inbox row. */
export const inboxRow = `${conversationItem}, ${requestItem}`;
export const inboxRow_ = ALL;

/** Inside an inbox row: the link that opens its thread in place (X routes it without a reload). */
export const inboxRowLink = 'a[href^="/i/chat/"]';
export const inboxRowLink_ = ALL;

/**
 * On an inbox row, or on its inner link (sources differ): X's description of the conversation, parsed in
 * inbox-description.ts. Elements carrying one, to find it inside a row.
 */
export const inboxRowDescriptionAttribute = 'aria-description';
export const described = '[aria-description]';

/** Inside an inbox row: the avatar, labelled with the conversation's name. */
export const avatar = '[role="img"][aria-label]';
export const avatar_ = ALL;

/** Inside an inbox row: the unread dot (X also bolds the preview). */
export const unreadDotAttribute = 'data-icon';
export const unreadDot = 'svg[data-icon="icon-circle-fill"]';
/** Expected where an unread conversation other than the open one is listed. */
export const unreadDot_ = ['inbox', 'thread'] as const;

/** The open conversation (right column). */
export const conversationPanel = '[data-testid="dm-conversation-panel"]';
export const conversationPanel_ = ['thread', 'request'] as const;

/** Header of the open conversation; 1:1 threads link to the other person's profile (`a[href="/<handle>"]`). */
export const conversationHeader = '[data-testid="dm-conversation-header"]';
export const conversationHeader_ = ['thread', 'request'] as const;

/** Display name of the other person (1:1) or the group's name, in the header. */
export const conversationUsername = '[data-testid="dm-conversation-username"]';
export const conversationUsername_ = ['thread', 'request'] as const;

/** The list holding message rows, oldest first (only the newest few dozen are in the DOM). */
export const messageList = '[data-testid="dm-message-list"]';
export const messageList_ = ['thread', 'request'] as const;

/** A message row: `div[data-dm-message-row="<uuid>"][data-testid="message-<uuid>"]`. */
export const messageRowAttribute = 'data-dm-message-row';
export const messageRow = `[${messageRowAttribute}]`;
export const messageRow_ = ['thread', 'request'] as const;

/**
 * Classes on the ROW element itself, the only place the direction is: X's bubble is `justify-end` and its
 * time wrapper `justify-start` on both sides.
 */
export const theirsClass = 'justify-start';
export const mineClass = 'justify-end';
/** Send progress of a row (values in composer.ts); not known to be on my rows only. */
export const sendStatusAttribute = 'data-send-status';

/** Inside a row: the text container, test id `message-text-<uuid>`; the text is in its `span[dir=auto]`. */
export const messageTextPrefix = 'message-text-';
export const messageText = `[data-testid^="${messageTextPrefix}"]`;
export const messageText_ = ['thread', 'request'] as const;
export const messageTextSpan = 'span[dir="auto"]';

/** Inside a row: hidden labels `#<uuid>-time` ("10:42 AM") and `#<uuid>-sender` (display name, "You"). */
export const timeLabelSuffix = '-time';
export const senderLabelSuffix = '-sender';
export const rowLabel = '[id]';

/**
 * A link that may go to a profile: `/<handle>` or `https://x.com/<handle>` (the 1:1 header, group rows'
 * avatar); handleFromHref (profile-link.ts) tells which are profiles.
 */
export const profileLink = 'a[href]';
/** Expected in a 1:1 thread's header. */
export const profileLink_ = ['thread', 'request'] as const;

/** Inside a media row: hidden label `#<uuid>-kind` (its values are not known: read as a hint only). */
export const kindLabelSuffix = '-kind';

/** The list's first item, X's card about the other person: rendered once the history has loaded. */
export const conversationHeaderItem = '[data-testid="dm-conversation-header-item"]';
export const conversationHeaderItem_ = ['thread', 'request'] as const;

/** X's loading indicator of the history: this slot has content while messages load. */
export const messageListSpinner = '[data-testid="dm-message-list-spinner-slot"]';
export const messageListSpinner_ = ['thread', 'request'] as const;

/** A message request not accepted yet: X's prompt (accept, delete, block) instead of a composer. */
export const requestPrompt = '[data-testid="dm-message-request-prompt"]';
export const requestPrompt_ = ['request'] as const;
export const requestAcceptButton = '[data-testid="dm-message-request-accept-button"]';
export const requestAcceptButton_ = ['request'] as const;

/** X Chat locked: the passcode screen (on `/i/chat/pin/…`, or in place of the chat after a reload). */
export const passcodeContainer = '[data-testid="pin-code-input-container"]';
/** Only while locked. */
export const passcodeContainer_ = [] as const;

/** The composer of the open thread (requests show accept/decline instead until accepted). */
export const composerForm = 'form[data-testid="dm-composer-form"]';
export const composerForm_ = ['thread'] as const;
export const composerTextarea = 'textarea[data-testid="dm-composer-textarea"]';
export const composerTextarea_ = ['thread'] as const;
/** Mounted once the composer holds text: an empty composer has a voice button, or nothing, instead. */
export const composerSendButton = 'button[data-testid="dm-composer-send-button"]';
export const composerSendButton_ = [] as const;

/**
 * X's app shell, around the chat (in the document, every page): the primary navigation's link to the
 * signed-in user's own profile, `href="/<handle>"` (sometimes absolute). Sources: MARKUP.md, "Signed-in user".
 */
export const viewerProfileLink = 'a[data-testid="AppTabBar_Profile_Link"]';
export const viewerProfileLink_ = ALL;

/** The test id of an element, for the prefix-style ids above. */
export function testIdOf(element: Element): string {
  return element.getAttribute(testIdAttribute) ?? '';
}
