// The window's screens, each loaded when it is first shown: the start parses only the first
// screen's code, and the others follow once the window is idle so that moving stays instant.
const loaders = {
  overview: () => import("../overview/OverviewView.svelte"),
  year: () => import("../overview/YearView.svelte"),
  trips: () => import("../trips/TripList.svelte"),
  trip: () => import("../trips/TripDetail.svelte"),
  partnerships: () => import("../partnerships/PartnershipList.svelte"),
  partnership: () => import("../partnerships/PartnershipPage.svelte"),
  projects: () => import("../projects/ProjectList.svelte"),
  project: () => import("../projects/ProjectPage.svelte"),
  people: () => import("../contacts/PeopleList.svelte"),
  person: () => import("../contacts/PersonPage.svelte"),
  organisations: () => import("../contacts/OrganisationList.svelte"),
  organisation: () => import("../contacts/OrganisationPage.svelte"),
  tasks: () => import("../tasks/TaskList.svelte"),
  task: () => import("../tasks/TaskPage.svelte"),
  gifts: () => import("../gifts/GiftsView.svelte"),
  report: () => import("../report/ReportView.svelte"),
  trash: () => import("../trash/TrashView.svelte"),
  conflicts: () => import("../sharing/ConflictsView.svelte"),
  settings: () => import("./SettingsView.svelte"),
};

type Loaders = typeof loaders;
export type ScreenName = keyof Loaders;
type ScreenOf<N extends ScreenName> = Awaited<ReturnType<Loaders[N]>>["default"];

const loaded: { [N in ScreenName]?: ScreenOf<N> } = {};

/** The screen's component: at once when it has been loaded before, else once it has loaded. */
export function screen<N extends ScreenName>(name: N): ScreenOf<N> | Promise<ScreenOf<N>> {
  const known = loaded[name];
  if (known) return known;
  return loaders[name]().then((module) => {
    loaded[name] = module.default as (typeof loaded)[N];
    return module.default as ScreenOf<N>;
  });
}

/** Loads every other screen after the first one has been shown. */
export function loadScreensWhenIdle(delayMs = 1500): () => void {
  const timer = setTimeout(() => {
    for (const name of Object.keys(loaders) as ScreenName[]) void screen(name);
  }, delayMs);
  return () => clearTimeout(timer);
}
