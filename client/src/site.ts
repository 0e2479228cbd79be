import { attachPasswordMeters } from "./password-meter";
import { attachSearch } from "./search";
import { attachNotifications } from "./notifications";
import { attachRoom } from "./room";
import { attachDashboard } from "./dashboard";
import { attachPayments } from "./payment";
import { attachSessionBoard } from "./session-board";
import { attachApplicationNumbers } from "./application-number";
import { attachListingForms } from "./listing-form";
import { attachMenus } from "./menus";

// Each page module attaches to the elements it finds; pages without them pay nothing.
document.addEventListener("DOMContentLoaded", () => {
  attachPasswordMeters(document);
  attachSearch(document);
  attachRoom(document);
  attachDashboard(document);
  attachPayments(document);
  attachNotifications(document);
  attachSessionBoard(document);
  attachApplicationNumbers(document);
  attachListingForms(document);
  attachMenus(document);
});
