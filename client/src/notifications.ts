import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";

/** What the server pushes (Features/Notifications/NotificationsHub.cs). */
export interface MarketplaceNotification {
  kind: string;
  text: string;
  url: string | null;
  subjectId: string | null;
  /** The reader's unread count with this notice, for stored notices (the navigation bar's badge). */
  unread: number | null;
}

export const NotificationEvent = "marketplace:notification";

/**
 * Signed-in pages keep one connection to the notifications hub. Each notice bumps the unread badge and is
 * re-dispatched as a DOM event, so a page showing the notice's subject (an inquiry room) can update itself.
 */
export function attachNotifications(doc: Document): void {
  const hubUrl = doc.body.dataset.notifications;
  if (!hubUrl) return;
  const connection = new HubConnectionBuilder()
    .withUrl(hubUrl)
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  connection.on("Notify", (notice: MarketplaceNotification) => {
    bumpBadge(doc, notice);
    if (notice.unread !== null && notice.unread !== undefined) setNoticeCount(doc, notice.unread);
    showToast(doc, notice);
    doc.dispatchEvent(new CustomEvent<MarketplaceNotification>(NotificationEvent, { detail: notice }));
  });
  connection.on("Unread", (count: number) => setNoticeCount(doc, count));
  connection.start().then(
    () => { doc.body.dataset.live = "connected"; },
    (e: unknown) => console.warn("notifications unavailable", e),
  );
  connection.onreconnected(() => { doc.body.dataset.live = "connected"; });
}

function bumpBadge(doc: Document, notice: MarketplaceNotification): void {
  // The room that is open on screen counts as read.
  const open = doc.querySelector<HTMLElement>("[data-inquiry-room]")?.dataset.inquiryRoom;
  if (!notice.kind.startsWith("inquiry.") || (open && open === notice.subjectId)) return;
  const badge = doc.querySelector<HTMLElement>("[data-unread]");
  if (!badge) return;
  const count = Number(badge.dataset.unread ?? "0") + 1;
  badge.dataset.unread = String(count);
  badge.textContent = String(count);
  badge.hidden = false;
}

/** The notification centre's badge shows the count the server kept, not a count of pushes seen here. */
function setNoticeCount(doc: Document, count: number): void {
  const badge = doc.querySelector<HTMLElement>("[data-notices-unread]");
  if (!badge) return;
  badge.dataset.noticesUnread = String(count);
  badge.textContent = String(count);
  badge.hidden = count === 0;
}

/** A short-lived notice at the corner of the screen, read out by screen readers (role=status). */
function showToast(doc: Document, notice: MarketplaceNotification): void {
  // The page already shows what changed (an open room, the targets page): no need to announce it twice.
  if (doc.querySelector(`[data-inquiry-room="${notice.subjectId}"]`) || (notice.kind.startsWith("targets.") && doc.querySelector("[data-targets]"))) return;
  let tray = doc.querySelector<HTMLElement>("[data-toasts]");
  if (!tray) {
    tray = doc.createElement("div");
    tray.dataset.toasts = "";
    tray.className = "toasts";
    tray.setAttribute("role", "status");
    doc.body.append(tray);
  }
  const toast = doc.createElement(notice.url ? "a" : "div");
  toast.className = "toast";
  toast.textContent = notice.text;
  if (notice.url && toast instanceof HTMLAnchorElement) toast.href = notice.url;
  tray.append(toast);
  setTimeout(() => toast.remove(), 8000);
}
