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

/** On an inbox row: "Name, @handle, preview, time" (1:1) or "Group, Sender: preview, time" (groups). */
export const inboxRowDescriptionAttribute = 'aria-description';

/** Inside an inbox row: the avatar, labelled with the conversation's name. */
export const avatar = '[role="img"][aria-label]';
export const avatar_ = ALL;

/** Inside an inbox row: the unread dot (X also bolds the preview). */
export const unreadDotAttribute = 'data-icon';
export const unreadDot = `svg[${unreadDotAttribute}="icon-circle-fill"]`;
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

/** Classes on the ROW element itself (never an ancestor or descendant: their rows hold a justify-end time). */
export const theirsClass = 'justify-start';
export const mineClass = 'justify-end';
/** Only my rows carry it: pending → sent | failed. */
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

/** A link to a profile: `/<handle>` (group rows' avatar, 1:1 header). */
export const profileLink = 'a[href^="/"]';
/** Expected in a 1:1 thread's header. */
export const profileLink_ = ['thread', 'request'] as const;

/** The composer of the open thread (requests show accept/decline instead until accepted). */
export const composerForm = 'form[data-testid="dm-composer-form"]';
export const composerForm_ = ['thread'] as const;
export const composerTextarea = 'textarea[data-testid="dm-composer-textarea"]';
export const composerTextarea_ = ['thread'] as const;
export const composerSendButton = 'button[data-testid="dm-composer-send-button"]';
export const composerSendButton_ = ['thread'] as const;

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
