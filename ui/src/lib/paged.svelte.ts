// A list the database pages: what is typed into its search, which page is shown, and the page
// itself, asked for again whenever the query, the page or the data change.
import type { Page } from "./bindings/Page";
import type { PageRequest } from "./bindings/PageRequest";
import { whileCurrent } from "./current";
import { generalMessage } from "./errors";
import { app, notify } from "./state.svelte";

/** How many records a list shows at once. */
export const PAGE_SIZE = 50;

/** What every list query carries: the typed search and the page wanted. */
export type ListRequest = PageRequest & { search: string; offset: number; limit: number };

export class PagedList<P extends Page<unknown>> {
  search = $state("");
  offset = $state(0);
  page = $state<P | null>(null);
  readonly size = PAGE_SIZE;

  /**
   * `load` asks for one page: it reads the screen's own filters and spreads `request` into its
   * query; a page known without asking may be given at once. `loaded` sees each page that came
   * back from the database. Create it while a component starts, like an `$effect`.
   */
  constructor(load: (request: ListRequest) => Promise<P> | P, loaded?: (page: P) => void) {
    $effect(() => {
      const answer = load({ search: this.search, offset: this.offset, limit: this.size });
      void app.revision;
      if (!(answer instanceof Promise)) {
        this.page = answer;
        return;
      }
      return whileCurrent(
        answer,
        (result) => {
          this.page = result;
          loaded?.(result);
        },
        (error) => notify(generalMessage(error), "error"),
      );
    });
  }

  /** Back to the first page, as when a filter changes. */
  first = () => {
    this.offset = 0;
  };
}
