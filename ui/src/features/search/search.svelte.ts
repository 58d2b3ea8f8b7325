// Whether the office-wide search is open; Ctrl+K opens it from every screen.
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
