// The server enforces the password policy (12 to 128 characters, not a common password); this only shows
// the length as the user types, counting user-perceived characters as the server does.
const MIN = 12;
const MAX = 128;

export function characterCount(text: string): number {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

export function attachPasswordMeters(root: ParentNode): void {
  for (const input of root.querySelectorAll<HTMLInputElement>("input[data-password-meter]")) {
    const meter = document.createElement("small");
    meter.className = "strength";
    meter.setAttribute("aria-live", "polite");
    meter.dataset.testid = "password-meter";
    input.insertAdjacentElement("afterend", meter);
    const update = () => {
      const n = characterCount(input.value);
      meter.textContent = `${n} / ${MIN}–${MAX}`;
      meter.classList.toggle("ok", n >= MIN && n <= MAX);
    };
    input.addEventListener("input", update);
    update();
  }
}
