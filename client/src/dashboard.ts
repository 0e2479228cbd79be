import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import type { Chart as ChartType } from "chart.js";

interface Slice { key: string; name: string; amount: number; second: number; count: number }
interface Progress { key: string; value: number; target: number; percent: number; remaining: number; expected: number; onTrack: boolean }
type Figures = Record<string, unknown> & { progress: Progress[] };

/**
 * The plan dashboard and the white paper: charts drawn from /api/targets with the tables beside them kept equal,
 * and on the dashboard (data-hub) a redraw whenever the targets hub says the kept totals moved. Chart.js is loaded
 * only by pages that draw charts.
 */
export function attachDashboard(doc: Document): void {
  const section = doc.querySelector<HTMLElement>("[data-targets]");
  if (!section) return;
  const money = new Intl.NumberFormat(doc.documentElement.lang || "zh-CN", { style: "currency", currency: "CNY" });
  const url = "/api/targets" + (section.dataset.year ? `?year=${section.dataset.year}` : "");
  const charts = new Map<HTMLCanvasElement, ChartType>();
  const refresh = async (): Promise<void> => {
    // The API answers in the language asked for; the page's, not the browser's default.
    const response = await fetch(url, { headers: { Accept: "application/json", "Accept-Language": doc.documentElement.lang || "zh-CN" } });
    if (!response.ok) return;
    const figures = (await response.json()) as Figures;
    writeFigures(doc, section, figures, money);
    await drawCharts(doc, figures, charts, money);
    doc.body.dataset.chartsReady = "true";
  };
  void refresh();
  const hub = section.dataset.hub;
  if (!hub) return;
  const connection = new HubConnectionBuilder().withUrl(hub).withAutomaticReconnect().configureLogging(LogLevel.Warning).build();
  connection.on("FiguresMoved", () => void refresh());
  connection.onreconnected(() => void refresh());
  connection.start().then(
    () => { section.dataset.live = "connected"; },
    (e: unknown) => console.warn("live figures unavailable", e),
  );
}

function at(figures: Figures, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], figures);
}

function writeFigures(doc: Document, section: HTMLElement, figures: Figures, money: Intl.NumberFormat): void {
  for (const element of section.querySelectorAll<HTMLElement>("[data-figure]")) {
    const value = at(figures, element.dataset.figure!);
    if (typeof value === "number") element.textContent = element.dataset.figure!.endsWith(".deals") ? String(value) : money.format(value);
  }
  for (const p of figures.progress) {
    const card = doc.querySelector<HTMLElement>(`[data-progress="${p.key}"]`);
    if (!card) continue;
    const set = (field: string, text: string): void => { const e = card.querySelector<HTMLElement>(`[data-field="${field}"]`); if (e) e.textContent = text; };
    // Sessions are counted, the other figures are yuan.
    const show = (v: number): string => (p.key === "sessions" ? String(Math.round(v * 10) / 10) : money.format(v));
    set("value", show(p.value));
    set("target", show(p.target));
    set("remaining", show(p.remaining));
    set("expected", show(p.expected));
    set("percent", p.percent.toFixed(1));
    const track = card.querySelector<HTMLElement>('[data-field="onTrack"]');
    if (track) { track.textContent = (p.onTrack ? track.dataset.yes : track.dataset.no) ?? ""; track.className = p.onTrack ? "ok" : "behind"; }
    const bar = card.querySelector("progress");
    if (bar) bar.value = Math.min(100, p.percent);
  }
}

async function drawCharts(doc: Document, figures: Figures, charts: Map<HTMLCanvasElement, ChartType>, money: Intl.NumberFormat): Promise<void> {
  const figuresElements = [...doc.querySelectorAll<HTMLElement>("[data-breakdown]")];
  if (figuresElements.length === 0) return;
  const { Chart, registerables } = await import("chart.js");
  Chart.register(...registerables);
  for (const figure of figuresElements) {
    const slices = (at(figures, figure.dataset.breakdown!) as Slice[] | undefined) ?? [];
    writeTable(figure, slices, money);
    const canvas = figure.querySelector("canvas");
    if (!canvas) continue;
    const labels = [...figure.querySelectorAll("thead th")].slice(1).map((th) => th.textContent ?? "");
    const type = (figure.dataset.chart ?? "bar") as "bar" | "line" | "doughnut";
    const datasets = type === "doughnut"
      ? [{ label: labels[0], data: slices.map((s) => s.amount) }]
      : labels.map((label, i) => ({ label, data: slices.map((s) => (i === 0 ? s.amount : s.second)) }));
    charts.get(canvas)?.destroy();
    // No animation: the white paper is printed the moment the charts are drawn.
    charts.set(canvas, new Chart(canvas, { type, data: { labels: slices.map((s) => s.name), datasets }, options: { animation: false, responsive: true, maintainAspectRatio: false } }));
  }
}

function writeTable(figure: HTMLElement, slices: Slice[], money: Intl.NumberFormat): void {
  const body = figure.querySelector("tbody");
  if (!body) return;
  const columns = figure.querySelectorAll("thead th").length - 1;
  const drill = figure.dataset.drill;
  body.replaceChildren(...slices.map((s) => {
    const row = document.createElement("tr");
    const head = document.createElement("th");
    head.scope = "row";
    if (drill) {
      const link = document.createElement("a");
      link.href = drill.replace("{key}", encodeURIComponent(s.key));
      link.textContent = s.name;
      head.append(link);
    } else head.textContent = s.name;
    row.append(head);
    for (const value of [s.amount, s.second].slice(0, columns)) {
      const cell = document.createElement("td");
      cell.textContent = money.format(value);
      row.append(cell);
    }
    return row;
  }));
}
