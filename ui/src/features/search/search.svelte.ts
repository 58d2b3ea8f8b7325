// Whether the office-wide search is open (Ctrl+K opens it from every screen), and where a
// record it finds lives.
import type { SearchKind } from "../../lib/bindings/SearchKind";
import type { Route } from "../../lib/state.svelte";

export const searchPalette = $state({ open: false });

/** Opens the search on Ctrl+K (Cmd+K); returns what stops listening. */
export function listenForSearchKey(): () => void {
  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "k") {
      event.preventDefault();
      searchPalette.open = true;
    }
  };
  window.addEventListener("keydown", onKey);
  return () => window.removeEventListener("keydown", onKey);
}

/** Where a record of `kind` is opened: its own page, or the trip or partnership it belongs to. */
export function routeOf(kind: SearchKind, id: string, parentId: string | null): Route {
  switch (kind) {
    case "trip":
      return { name: "trip", id, tab: "programme" };
    case "item":
      return { name: "trip", id: parentId ?? "", tab: "programme", item: id };
    case "outcome":
      return { name: "trip", id: parentId ?? "", tab: "programme" };
    case "gift":
      return parentId ? { name: "trip", id: parentId, tab: "gifts" } : { name: "gifts" };
    case "task":
      return { name: "task", id };
    case "person":
      return { name: "person", id };
    case "organisation":
      return { name: "organisation", id };
    case "partnership":
      return { name: "partnership", id };
    case "agreement":
      return { name: "partnership", id: parentId ?? "" };
    case "project":
      return { name: "project", id };
  }
}
