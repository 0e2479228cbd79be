import { attachPasswordMeters } from "./password-meter";

// Each page module attaches to the elements it finds; pages without them pay nothing.
document.addEventListener("DOMContentLoaded", () => {
  attachPasswordMeters(document);
});
