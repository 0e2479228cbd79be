// The search page works without script (a submit button); with it, ticking a facet searches at once and the
// query box offers title completions from /api/search/suggest.
export function attachSearch(root: ParentNode): void {
  for (const form of root.querySelectorAll<HTMLFormElement>("form[data-testid=search-form]")) {
    form.addEventListener("change", (event) => {
      if ((event.target as HTMLElement).matches("input[type=checkbox], select")) form.requestSubmit();
    });
  }
  for (const input of root.querySelectorAll<HTMLInputElement>("input[data-suggest]")) {
    const list = input.list;
    if (!list) continue;
    let timer: number | undefined;
    let controller: AbortController | undefined;
    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(async () => {
        controller?.abort();
        controller = new AbortController();
        const q = input.value.trim();
        if (q.length === 0) return;
        try {
          const response = await fetch(`${input.dataset.suggest}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
          if (!response.ok) return;
          const titles = (await response.json()) as string[];
          list.replaceChildren(...titles.map((title) => Object.assign(document.createElement("option"), { value: title })));
        } catch {
          // A newer keystroke aborted this request, or the network failed: completions are optional.
        }
      }, 150);
    });
  }
}
