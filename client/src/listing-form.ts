// The listing form shows the fields of the modes ticked, and only those; without script every mode's fields show
// and the server still reads only the ticked modes.
export function attachListingForms(doc: Document): void {
  for (const form of doc.querySelectorAll<HTMLFormElement>("form[data-listing-form]")) {
    for (const toggle of form.querySelectorAll<HTMLInputElement>("input[data-mode-toggle]")) {
      const section = form.querySelector<HTMLFieldSetElement>(`fieldset[data-mode="${toggle.dataset.modeToggle}"]`);
      if (!section) continue;
      const sync = (): void => { section.hidden = !toggle.checked; };
      toggle.addEventListener("change", sync);
      sync();
    }
  }
}
