import { attachPasswordMeters } from "./password-meter";
import { attachSearch } from "./search";

// Each page module attaches to the elements it finds; pages without them pay nothing.
document.addEventListener("DOMContentLoaded", () => {
  attachPasswordMeters(document);
  attachSearch(document);
});
