import { NotificationEvent, type MarketplaceNotification } from "./notifications";

interface Attachment { name: string; contentType: string; size: number; url: string }
interface Message { id: string; authorOrganizationId: string; authorName: string; body: string | null; sentAt: string; attachment: Attachment | null }

/**
 * An open negotiation room follows the other party live: new messages are fetched and appended, a new offer
 * re-renders the offers section from the server's page (the server decides which actions are allowed).
 */
export function attachRoom(doc: Document): void {
  const room = doc.querySelector<HTMLElement>("[data-inquiry-room]");
  const list = doc.querySelector<HTMLOListElement>("[data-messages]");
  if (!room || !list) return;
  const id = room.dataset.inquiryRoom!;
  let busy = Promise.resolve();

  doc.addEventListener(NotificationEvent, (e) => {
    const notice = (e as CustomEvent<MarketplaceNotification>).detail;
    if (notice.subjectId !== id) return;
    // One refresh at a time, in arrival order, so two quick messages are not appended twice.
    busy = busy.then(() => (notice.kind === "inquiry.message" ? appendNewMessages(id, list) : refreshOffers(doc))).catch(console.warn);
  });
}

async function appendNewMessages(id: string, list: HTMLOListElement): Promise<void> {
  const last = list.querySelector<HTMLElement>("li:last-child")?.dataset.sentAt;
  const url = `/api/inquiries/${id}/messages` + (last ? `?after=${encodeURIComponent(last)}` : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  for (const message of (await response.json()) as Message[]) list.append(render(message));
}

function render(message: Message): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "theirs";
  item.dataset.sentAt = message.sentAt;
  const meta = document.createElement("small");
  meta.textContent = `${message.authorName} · ${new Date(message.sentAt).toLocaleString(document.documentElement.lang || "zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`;
  item.append(meta);
  if (message.body) {
    const body = document.createElement("p");
    body.textContent = message.body;
    item.append(body);
  }
  if (message.attachment) {
    const file = document.createElement("p");
    const link = document.createElement("a");
    link.href = message.attachment.url;
    link.textContent = message.attachment.name;
    file.append("📎 ", link);
    item.append(file);
  }
  return item;
}

async function refreshOffers(doc: Document): Promise<void> {
  const response = await fetch(location.href, { headers: { Accept: "text/html" } });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  for (const selector of ["[data-offers]", "[data-testid=room-status]"]) {
    const next = fresh.querySelector(selector);
    const current = doc.querySelector(selector);
    if (next && current) current.replaceWith(doc.importNode(next, true));
  }
}
