// The header's menus are <details>: they open by keyboard and without script. With script, opening one closes the
// others, and a click elsewhere or Escape closes them.
export function attachMenus(doc: Document): void {
  const menus = [...doc.querySelectorAll<HTMLDetailsElement>("details.menu")];
  if (menus.length === 0) return;
  for (const menu of menus) {
    menu.addEventListener("toggle", () => { if (menu.open) for (const other of menus) if (other !== menu) other.open = false; });
  }
  doc.addEventListener("click", (e) => {
    for (const menu of menus) if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
  });
  doc.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const open = menus.find((m) => m.open);
    if (open) { open.open = false; open.querySelector("summary")?.focus(); }
  });
}
