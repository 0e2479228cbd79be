import { NotificationEvent, type MarketplaceNotification } from "./notifications";

type Figures = Record<string, Record<string, number>>;

/** The targets page re-reads /api/targets whenever a notice says the figures moved, and rewrites its numbers. */
export function attachTargets(doc: Document): void {
  const section = doc.querySelector<HTMLElement>("[data-targets]");
  if (!section) return;
  const money = new Intl.NumberFormat(doc.documentElement.lang || "zh-CN", { style: "currency", currency: "CNY" });
  doc.addEventListener(NotificationEvent, async (e) => {
    const notice = (e as CustomEvent<MarketplaceNotification>).detail;
    if (!notice.kind.startsWith("targets.")) return;
    const response = await fetch("/api/targets", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const figures = (await response.json()) as Figures;
    for (const element of section.querySelectorAll<HTMLElement>("[data-figure]")) {
      const [part, name] = element.dataset.figure!.split(".");
      const value = figures[part]?.[name];
      if (value === undefined) continue;
      element.textContent = name === "deals" ? String(value) : money.format(value);
    }
    for (const bar of section.querySelectorAll<HTMLProgressElement>("[data-figure-percent]")) {
      const [part, name] = bar.dataset.figurePercent!.split(".");
      const target = figures[part]?.target ?? 0;
      bar.value = target > 0 ? Math.min(100, Math.floor(((figures[part]?.[name] ?? 0) * 100) / target)) : 0;
    }
  });
}
