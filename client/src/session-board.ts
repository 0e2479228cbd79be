import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";

/** The server's shapes (Features/Sessions/SessionContracts.cs and SessionEvent.cs); documented in the README. */
interface Pitch { id: string; listingId: string; titleZh: string; titleEn: string | null; presenter: string; startsAt: string; minutes: number; state: string; interest: number; modes: string[]; price: number | null }
interface Question { id: string; pitchId: string; organization: string; text: string; at: string }
interface Deal { dealId: string; patentTitle: string; seller: string; buyer: string; amount: number; at: string }
interface Board {
  id: string; titleZh: string; status: string; currentPitchId: string | null; questionsOpen: boolean; agenda: Pitch[];
  presence: Record<string, number>; questions: Question[]; offers: number; deals: Deal[]; sessionVolume: number;
  park: { deals: number; dealTarget: number; pledges: number; pledgeTarget: number } | null; sequence: number;
}
interface SessionEvent { sessionId: string; sequence: number; kind: string; data: any; at: string }
interface JoinResult { snapshot: Board | null; missed: SessionEvent[]; canSend: boolean; canExpressInterest: boolean }

/** Forms survive re-renders, so a note being typed is not lost when another event arrives. */
const interestForms = new Map<string, HTMLFormElement>();

const cny = new Intl.NumberFormat(document.documentElement.lang || "zh-CN", { style: "currency", currency: "CNY", maximumFractionDigits: 0 });

/** Display names the page renders for the enum values the hub sends (modes, organisation types), in the page's language. */
interface Names { modes: Record<string, string>; types: Record<string, string> }

function namesOf(root: HTMLElement): Names {
  try { return JSON.parse(root.dataset.names ?? "") as Names; } catch { return { modes: {}, types: {} }; }
}

/** A hub refusal reads "forbidden registration: 只有…": the code and field are for programs, the rest for people. */
export function refusalText(message: string): string {
  return message.replace(/^.*HubException: /, "").replace(/^(?:forbidden|conflict|invalid) [^:]+: |^(?:not-found|rate-limited): /, "");
}

/**
 * The live board of a session, on a big screen or a phone. It applies events in sequence order on top of a
 * snapshot; a gap (an event lost while Redis or the network was away) is filled by asking the hub to replay,
 * and a reconnect rejoins with the last sequence number, so the board never silently misses a change.
 */
export function attachSessionBoard(doc: Document): void {
  const root = doc.querySelector<HTMLElement>("[data-session-board]");
  if (!root) return;
  const id = root.dataset.sessionBoard!;
  const status = root.querySelector<HTMLElement>("[data-connection]")!;
  const connection = new HubConnectionBuilder().withUrl(root.dataset.hub!).withAutomaticReconnect().configureLogging(LogLevel.Warning).build();
  let board: Board | null = null;
  let rights = { canSend: false, canExpressInterest: false };
  let applying = Promise.resolve();

  const show = (state: string) => { status.dataset.state = state; status.textContent = root.dataset[`label${state[0].toUpperCase()}${state.slice(1)}`] ?? state; };
  const render = () => { if (board) renderBoard(doc, root, board, rights, connection, id); };

  const join = async () => {
    const result = await connection.invoke<JoinResult>("Join", id, board ? board.sequence : null);
    rights = { canSend: result.canSend, canExpressInterest: result.canExpressInterest };
    if (result.snapshot) board = result.snapshot;
    for (const e of result.missed) apply(e);
    show("connected");
    render();
  };

  const apply = (e: SessionEvent) => {
    if (!board || e.sequence <= board.sequence) return;
    reduce(board, e);
    board.sequence = e.sequence;
  };

  connection.on("Event", (e: SessionEvent) => {
    applying = applying.then(async () => {
      if (!board || e.sequence <= board.sequence) return;
      if (e.sequence > board.sequence + 1) {
        for (const missed of await connection.invoke<SessionEvent[]>("Replay", id, board.sequence)) apply(missed);
      }
      apply(e);
      render();
    }).catch((err) => console.warn("session event", err));
  });
  connection.onreconnecting(() => show("reconnecting"));
  connection.onreconnected(() => { join().catch((err) => console.warn("rejoin", err)); });
  connection.onclose(() => show("disconnected"));
  show("connecting");
  connection.start().then(join).catch((err) => { show("disconnected"); console.warn("session board unavailable", err); });
}

function reduce(board: Board, e: SessionEvent): void {
  const d = e.data;
  switch (e.kind) {
    case "session.status": board.status = d.status; board.currentPitchId = d.currentPitchId; if (d.status === "Closed") board.agenda.forEach((p) => { if (p.state === "Current") p.state = "Done"; }); break;
    case "pitch.started":
      for (const p of board.agenda) { if (p.id === d.previousPitchId) p.state = "Done"; if (p.id === d.pitchId) p.state = "Current"; }
      board.currentPitchId = d.pitchId; board.questionsOpen = false; break;
    case "questions.toggled": board.questionsOpen = d.open; break;
    case "interest": { const p = board.agenda.find((x) => x.id === d.pitchId); if (p) p.interest = d.count; break; }
    case "question": board.questions.unshift(d as Question); break;
    case "presence": board.presence = d.presence; break;
    case "deal.announced": if (!board.deals.some((x) => x.dealId === d.deal.dealId)) board.deals.push(d.deal); board.offers = d.offers; board.sessionVolume = d.sessionVolume; if (d.park) board.park = d.park; break;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, testId?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testId) node.dataset.testid = testId;
  return node;
}

function renderBoard(doc: Document, root: HTMLElement, board: Board, rights: { canSend: boolean; canExpressInterest: boolean }, connection: HubConnection, id: string): void {
  const slot = (name: string) => root.querySelector<HTMLElement>(`[data-slot=${name}]`)!;
  const t = (key: string) => root.dataset[key] ?? key;
  root.dataset.status = board.status;
  root.dataset.sequence = String(board.sequence);
  const current = board.agenda.find((p) => p.id === board.currentPitchId);

  // The session's own state, apart from the connection's: a closed session reads closed whatever the network does.
  const state = slot("state");
  const when = state.querySelector("span")?.textContent ?? "";
  state.textContent = `${t(`status${board.status}`)}${when ? " · " + when : ""}`;

  const now = slot("current");
  now.replaceChildren();
  if (current && board.status === "Live") {
    const names = namesOf(root);
    const modes = current.modes.map((m) => names.modes[m] ?? m).join(" / ");
    now.append(el("h2", current.titleZh, "current-pitch"), el("p", `${current.presenter} · ${modes}${current.price ? " · " + cny.format(current.price) : ""}`));
    now.append(el("p", `${t("labelInterested")}: `), el("strong", String(current.interest), "interest-count"));
    if (rights.canExpressInterest) {
      if (!interestForms.has(current.id)) interestForms.set(current.id, interestForm(connection, id, current.id, t));
      now.append(interestForms.get(current.id)!);
    }
  } else {
    const waiting = board.status === "Closed" ? "labelClosedPitch" : board.status === "Live" ? "labelNoPitch" : "labelOpenPitch";
    now.append(el("p", t(waiting), "current-pitch"));
  }
  renderResults(slot("results"), board, t);

  const agenda = slot("agenda");
  agenda.replaceChildren(...board.agenda.map((p) => {
    const item = el("li", `${new Date(p.startsAt).toLocaleTimeString(doc.documentElement.lang || "zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" })} ${p.titleZh} — ${p.presenter} (${p.interest})`);
    item.dataset.state = p.state;
    return item;
  }));

  const types = namesOf(root).types;
  slot("presence").replaceChildren(...Object.entries(board.presence).map(([type, n]) => el("li", `${types[type] ?? root.dataset[`type${type}`] ?? type}: ${n}`)));
  const questions = slot("questions");
  questions.replaceChildren(...board.questions.slice(0, 20).map((q) => el("li", `${q.organization}: ${q.text}`)));
  if (rights.canSend && board.questionsOpen) questions.before(questionForm(connection, id, t, root));
  else root.querySelector("[data-question-form]")?.remove();

  slot("deals").replaceChildren(...board.deals.map((x) => el("li", `${x.patentTitle} · ${x.seller} → ${x.buyer} · ${cny.format(x.amount)}`)));
  const ticker = slot("ticker");
  ticker.replaceChildren(el("span", `${t("labelSession")}: ${cny.format(board.sessionVolume)} · ${t("labelOffers")}: ${board.offers}`, "session-volume"));
  if (board.park) {
    ticker.append(el("span", ` · ${t("labelParkDeals")}: ${cny.format(board.park.deals)} / ${cny.format(board.park.dealTarget)}`),
      el("span", ` · ${t("labelParkPledges")}: ${cny.format(board.park.pledges)} / ${cny.format(board.park.pledgeTarget)}`));
  }
  doc.title = board.titleZh;
}

/** A closed session's results: what was agreed and how much interest each pitch drew. */
function renderResults(results: HTMLElement, board: Board, t: (key: string) => string): void {
  results.hidden = board.status !== "Closed";
  if (results.hidden) return;
  const interest = board.agenda.reduce((sum, p) => sum + p.interest, 0);
  const top = [...board.agenda].sort((a, b) => b.interest - a.interest).slice(0, 3);
  results.replaceChildren(
    el("h2", t("labelResults")),
    el("p", `${t("labelDealsCount")}: ${board.deals.length} · ${t("labelSession")}: ${cny.format(board.sessionVolume)} · ${t("labelInterestTotal")}: ${interest}`),
    ...top.filter((p) => p.interest > 0).map((p) => el("p", `${p.titleZh} — ${p.presenter} (${p.interest})`)),
  );
}

function interestForm(connection: HubConnection, id: string, pitchId: string, t: (k: string) => string): HTMLFormElement {
  const form = el("form");
  const note = el("input");
  note.maxLength = 500;
  note.placeholder = t("labelNote");
  const button = el("button", t("labelInterestedButton"), "interested");
  button.type = "submit";
  const result = el("p");
  form.append(note, button, result);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (connection.state !== HubConnectionState.Connected) return;
    button.disabled = true;
    connection.invoke<{ inquiryUrl: string }>("ExpressInterest", id, pitchId, note.value || null).then((r) => {
      const link = el("a", t("labelOpenInquiry"), "open-inquiry");
      link.href = r.inquiryUrl;
      result.replaceChildren(link);
    }, (err: Error) => { result.textContent = refusalText(err.message); button.disabled = false; });
  });
  return form;
}

function questionForm(connection: HubConnection, id: string, t: (k: string) => string, root: HTMLElement): HTMLFormElement {
  const existing = root.querySelector<HTMLFormElement>("[data-question-form]");
  if (existing) return existing;
  const form = el("form");
  form.dataset.questionForm = "";
  const text = el("input");
  text.maxLength = 500;
  text.placeholder = t("labelQuestion");
  const button = el("button", t("labelAsk"), "ask");
  button.type = "submit";
  form.append(text, button);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    connection.invoke("AskQuestion", id, text.value).then(() => { text.value = ""; }, (err: Error) => console.warn(err.message));
  });
  return form;
}
