// Explains the application number's check character as the office types it. The rule is CNIPA's, mirrored from
// Marketplace.Domain/Patents/ApplicationNumber.cs: weights 2…9, 2…5 over the digits, the sum modulo 11, and 10
// written X. The server checks again on save and stays the authority; this only saves a round trip.
const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
const TYPES: Record<string, string> = { "1": "Invention", "8": "Invention", "2": "UtilityModel", "9": "UtilityModel", "3": "Design" };

export function checkCharacter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * WEIGHTS[i];
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

export interface NumberReading { digits: string; check: string | null }

/** As the server cleans it: full-width characters folded (NFKC), spaces dropped, a CN or ZL prefix removed. */
export function read(input: string): NumberReading {
  let text = input.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (text.startsWith("CN") || text.startsWith("ZL")) text = text.slice(2);
  const dot = text.indexOf(".");
  let digits = dot >= 0 ? text.slice(0, dot) : text;
  let check: string | null = dot >= 0 ? text.slice(dot + 1) || null : null;
  if (dot < 0 && (text.length === 9 || text.length === 13)) { digits = text.slice(0, -1); check = text.slice(-1); }
  return { digits, check };
}

const say = (template: string | undefined, ...args: string[]): string =>
  (template ?? "").replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? "");

export function attachApplicationNumbers(doc: Document): void {
  for (const input of doc.querySelectorAll<HTMLInputElement>("input[data-application-number]")) {
    const help = doc.getElementById(input.getAttribute("aria-describedby")?.split(" ")[0] ?? "");
    const typeSelect = input.form?.querySelector<HTMLSelectElement>("select[name='Input.Type']");
    if (!help) continue;
    const original = help.textContent ?? "";
    const update = (): void => {
      const { digits, check } = read(input.value);
      const d = input.dataset;
      if (digits.length === 0) { help.textContent = original; return; }
      if (!/^\d+$/.test(digits) || (digits.length !== 8 && digits.length !== 12)) {
        help.textContent = say(d.sayDigits, String(digits.replace(/\D/g, "").length));
        return;
      }
      const typeIndex = digits.length === 8 ? 2 : 4;
      const typeDigit = digits[typeIndex];
      const typeName = d[`type-${typeDigit}`]; // data-type-1: a dash before a digit stays in the key
      if (!typeName) { help.textContent = say(d.sayBadType, String(typeIndex + 1)); return; }
      const expected = checkCharacter(digits);
      const parts = [say(d.sayType, typeDigit, typeName)];
      if (check === null) parts.push(say(d.sayCheck, expected));
      else if (check === expected) parts.push(say(d.sayOk, expected));
      else parts.push(say(d.sayWrong, expected, check));
      help.textContent = parts.join(" ");
      help.dataset.state = check !== null && check !== expected ? "wrong" : "ok";
      // The type follows from the number (PCT entries 8 and 9 are inventions and utility models).
      const type = TYPES[typeDigit];
      if (typeSelect && type && !input.readOnly) typeSelect.value = type;
    };
    input.addEventListener("input", update);
    update();
  }
}
