// The one place where the UI talks to the Rust side. Every command is typed with the
// ts-rs bindings generated from the Rust types.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";

import type { Agreement } from "./bindings/Agreement";
import type { AgreementInput } from "./bindings/AgreementInput";
import type { AppInfo } from "./bindings/AppInfo";
import type { BackupStatus } from "./bindings/BackupStatus";
import type { BackupSummary } from "./bindings/BackupSummary";
import type { Checklist } from "./bindings/Checklist";
import type { ChecklistOwner } from "./bindings/ChecklistOwner";
import type { ChecklistTemplate } from "./bindings/ChecklistTemplate";
import type { DemoSummary } from "./bindings/DemoSummary";
import type { Direction } from "./bindings/Direction";
import type { DueErasure } from "./bindings/DueErasure";
import type { DuplicateOptions } from "./bindings/DuplicateOptions";
import type { ErrorPayload } from "./bindings/ErrorPayload";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ExportOptions } from "./bindings/ExportOptions";
import type { Fold } from "./bindings/Fold";
import type { Gift } from "./bindings/Gift";
import type { GiftInput } from "./bindings/GiftInput";
import type { GiftPage } from "./bindings/GiftPage";
import type { GiftQuery } from "./bindings/GiftQuery";
import type { ImportOptions } from "./bindings/ImportOptions";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { ItemInput } from "./bindings/ItemInput";
import type { Member } from "./bindings/Member";
import type { Organisation } from "./bindings/Organisation";
import type { Outcome } from "./bindings/Outcome";
import type { OutcomeInput } from "./bindings/OutcomeInput";
import type { OrganisationInput } from "./bindings/OrganisationInput";
import type { OrganisationPage } from "./bindings/OrganisationPage";
import type { OrganisationRecord } from "./bindings/OrganisationRecord";
import type { Person } from "./bindings/Person";
import type { PersonInput } from "./bindings/PersonInput";
import type { PersonPage } from "./bindings/PersonPage";
import type { PersonRecord } from "./bindings/PersonRecord";
import type { RegisterEntry } from "./bindings/RegisterEntry";
import type { RegisterKind } from "./bindings/RegisterKind";
import type { RegisterLinks } from "./bindings/RegisterLinks";
import type { RegisterQuery } from "./bindings/RegisterQuery";
import type { RegisterRef } from "./bindings/RegisterRef";
import type { Restored } from "./bindings/Restored";
import type { Partnership } from "./bindings/Partnership";
import type { PartnershipInput } from "./bindings/PartnershipInput";
import type { PartnershipPage } from "./bindings/PartnershipPage";
import type { PartnershipQuery } from "./bindings/PartnershipQuery";
import type { MemberDetail } from "./bindings/MemberDetail";
import type { MemberInput } from "./bindings/MemberInput";
import type { ProgrammeItem } from "./bindings/ProgrammeItem";
import type { ProgrammeView } from "./bindings/ProgrammeView";
import type { Settings } from "./bindings/Settings";
import type { Task } from "./bindings/Task";
import type { TaskInput } from "./bindings/TaskInput";
import type { TaskPage } from "./bindings/TaskPage";
import type { TaskQuery } from "./bindings/TaskQuery";
import type { TaskStatus } from "./bindings/TaskStatus";
import type { TemplateInput } from "./bindings/TemplateInput";
import type { ThemeArea } from "./bindings/ThemeArea";
import type { TrashContents } from "./bindings/TrashContents";
import type { Trip } from "./bindings/Trip";
import type { TripInput } from "./bindings/TripInput";
import type { TripPage } from "./bindings/TripPage";
import type { TripQuery } from "./bindings/TripQuery";
import type { ZonedTime } from "./bindings/ZonedTime";

/** A failed command, as the Rust side reports it. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.payload = payload;
  }
}

// Arguments that do not deserialise are rejected by Tauri before the command runs, with a
// plain string ("invalid args `input` for command `create_trip`: invalid type: …"); Tauri
// offers the app no hook to shape that error, so it is typed here.
const INVALID_ARGUMENT = /^invalid args `[^`]+` for command `[^`]+`: /;

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (error && typeof error === "object" && "kind" in error) throw new ApiError(error as ErrorPayload);
    const kind = typeof error === "string" && INVALID_ARGUMENT.test(error) ? "invalid_argument" : "internal";
    throw new ApiError({ kind, message: String(error), fields: [] });
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  timeZones: () => call<string[]>("list_time_zones"),
  getSettings: () => call<Settings>("get_settings"),
  updateSettings: (settings: Settings) => call<Settings>("update_settings", { settings }),
  previewTime: (local: string, zone: string, fold: Fold | null) =>
    call<ZonedTime>("preview_time", { local, zone, fold }),
  welcomePending: () => call<boolean>("welcome_pending"),
  answerWelcome: (load_example_data: boolean) => call<DemoSummary | null>("answer_welcome", { load_example_data }),

  /** Opens the encrypted database; fails with a `passphrase_wrong` field error on a wrong passphrase. */
  unlock: (passphrase: string, remember: boolean) => call<null>("unlock", { passphrase, remember }),
  encryptionEnabled: () => call<boolean>("encryption_enabled"),
  passphraseRemembered: () => call<boolean>("passphrase_remembered"),
  rememberPassphrase: (remember: boolean) => call<null>("remember_passphrase", { remember }),
  encryptDatabase: (passphrase: string, repeated: string) => call<null>("encrypt_database", { passphrase, repeated }),
  changePassphrase: (current: string, passphrase: string, repeated: string) =>
    call<null>("change_passphrase", { current, passphrase, repeated }),
  decryptDatabase: (current: string) => call<null>("decrypt_database", { current }),

  backupStatus: () => call<BackupStatus>("backup_status"),
  /** Opens the system's save dialog; resolves to the path written, or null when the user cancels. */
  saveBackup: (title: string) => call<string | null>("save_backup", { title }),
  /** Opens the system's file dialog; resolves to what the backup holds, or null when the user cancels. */
  chooseRestoreFile: (title: string) => call<BackupSummary | null>("choose_restore_file", { title }),
  restoreBackup: () => call<Restored>("restore_backup"),

  dueErasures: () => call<DueErasure[]>("due_erasures"),
  /** Erases what `dueErasures` lists; resolves to how many members' fields were erased. */
  eraseDue: () => call<number>("erase_due"),
  /** Opens the system's save dialog; resolves to the path written, or null when the user cancels. */
  exportPersonData: (person_id: string, title: string, file_name: string) =>
    call<string | null>("export_person_data", { person_id, title, file_name }),
  erasePerson: (person_id: string) => call<null>("erase_person", { person_id }),

  listTrips: (query: TripQuery) => call<TripPage>("list_trips", { query }),
  getTrip: (id: string) => call<Trip>("get_trip", { id }),
  createTrip: (input: TripInput) => call<Trip>("create_trip", { input }),
  updateTrip: (id: string, input: TripInput) => call<Trip>("update_trip", { id, input }),
  duplicateTrip: (id: string, options: DuplicateOptions) => call<Trip>("duplicate_trip", { id, options }),
  deleteTrip: (id: string) => call<null>("delete_trip", { id }),
  listTrash: () => call<TrashContents>("list_trash"),
  restoreTrip: (id: string) => call<Trip>("restore_trip", { id }),
  emptyTrash: () => call<number>("empty_trash"),

  listMembers: (trip_id: string) => call<Member[]>("list_members", { trip_id }),
  getMember: (id: string) => call<MemberDetail>("get_member", { id }),
  addMember: (trip_id: string, input: MemberInput) => call<MemberDetail>("add_member", { trip_id, input }),
  updateMember: (id: string, input: MemberInput) => call<MemberDetail>("update_member", { id, input }),
  removeMember: (id: string) => call<null>("remove_member", { id }),
  restoreMember: (id: string) => call<MemberDetail>("restore_member", { id }),
  setMemberOrder: (trip_id: string, ordered_ids: string[]) =>
    call<Member[]>("set_member_order", { trip_id, ordered_ids }),

  listPartnerships: (query: PartnershipQuery) => call<PartnershipPage>("list_partnerships", { query }),
  getPartnership: (id: string) => call<Partnership>("get_partnership", { id }),
  createPartnership: (input: PartnershipInput) => call<Partnership>("create_partnership", { input }),
  updatePartnership: (id: string, input: PartnershipInput) => call<Partnership>("update_partnership", { id, input }),
  deletePartnership: (id: string) => call<null>("delete_partnership", { id }),
  restorePartnership: (id: string) => call<Partnership>("restore_partnership", { id }),
  listAgreements: (partnership_id: string) => call<Agreement[]>("list_agreements", { partnership_id }),
  addAgreement: (partnership_id: string, input: AgreementInput) =>
    call<Agreement>("add_agreement", { partnership_id, input }),
  updateAgreement: (id: string, input: AgreementInput) => call<Agreement>("update_agreement", { id, input }),
  removeAgreement: (id: string) => call<null>("remove_agreement", { id }),
  restoreAgreement: (id: string) => call<Agreement>("restore_agreement", { id }),
  /** Opens the system's file dialog; resolves to null when the user cancels. */
  attachDocument: (id: string, title: string) => call<Agreement | null>("attach_document", { id, title }),
  openDocument: (id: string) => call<null>("open_document", { id }),
  listThemes: () => call<ThemeArea[]>("list_themes"),
  addTheme: (name: string) => call<ThemeArea>("add_theme", { name }),
  renameTheme: (id: string, name: string) => call<ThemeArea>("rename_theme", { id, name }),

  searchRegister: (search: string, kinds: RegisterKind[]) => call<RegisterEntry[]>("search_register", { search, kinds }),
  transliterate: (original: string, latin_name: string, kind: RegisterKind) =>
    call<string>("transliterate", { original, latin_name, kind }),
  registerLinks: (reference: RegisterRef) => call<RegisterLinks>("register_links", { reference }),
  listPeople: (query: RegisterQuery) => call<PersonPage>("list_people", { query }),
  personRecord: (id: string) => call<PersonRecord>("person_record", { id }),
  createPerson: (input: PersonInput) => call<Person>("create_person", { input }),
  updatePerson: (id: string, input: PersonInput) => call<Person>("update_person", { id, input }),
  deletePerson: (id: string) => call<null>("delete_person", { id }),
  restorePerson: (id: string) => call<Person>("restore_person", { id }),
  mergePeople: (keep_id: string, duplicate_id: string) => call<Person>("merge_people", { keep_id, duplicate_id }),
  listOrganisations: (query: RegisterQuery) => call<OrganisationPage>("list_organisations", { query }),
  organisationRecord: (id: string) => call<OrganisationRecord>("organisation_record", { id }),
  createOrganisation: (input: OrganisationInput) => call<Organisation>("create_organisation", { input }),
  updateOrganisation: (id: string, input: OrganisationInput) =>
    call<Organisation>("update_organisation", { id, input }),
  deleteOrganisation: (id: string) => call<null>("delete_organisation", { id }),
  restoreOrganisation: (id: string) => call<Organisation>("restore_organisation", { id }),
  mergeOrganisations: (keep_id: string, duplicate_id: string) =>
    call<Organisation>("merge_organisations", { keep_id, duplicate_id }),

  programme: (trip_id: string) => call<ProgrammeView>("programme_view", { trip_id }),
  getItem: (id: string) => call<ProgrammeItem>("get_item", { id }),
  addItem: (trip_id: string, input: ItemInput) => call<ProgrammeItem>("add_item", { trip_id, input }),
  updateItem: (id: string, input: ItemInput) => call<ProgrammeItem>("update_item", { id, input }),
  removeItem: (id: string) => call<null>("remove_item", { id }),
  restoreItem: (id: string) => call<ProgrammeItem>("restore_item", { id }),

  exportTrip: (trip_id: string, format: ExportFormat, options: ExportOptions, title: string, file_name: string) =>
    call<string | null>("export_trip", { trip_id, format, options, title, file_name }),
  chooseImportFile: (title: string) => call<string | null>("choose_import_file", { title }),
  previewImport: (options: ImportOptions) => call<ImportPreview>("preview_import", { options }),
  applyImport: (options: ImportOptions) => call<ImportSummary>("apply_import", { options }),

  listOutcomes: (item_id: string) => call<Outcome[]>("list_outcomes", { item_id }),
  addOutcome: (item_id: string, input: OutcomeInput) => call<Outcome>("add_outcome", { item_id, input }),
  updateOutcome: (id: string, input: OutcomeInput) => call<Outcome>("update_outcome", { id, input }),
  removeOutcome: (id: string) => call<null>("remove_outcome", { id }),
  restoreOutcome: (id: string) => call<Outcome>("restore_outcome", { id }),
  taskFromOutcome: (id: string) => call<Task>("task_from_outcome", { id }),

  listTasks: (query: TaskQuery) => call<TaskPage>("list_tasks", { query }),
  overdueTaskCount: () => call<number>("overdue_task_count"),
  getTask: (id: string) => call<Task>("get_task", { id }),
  createTask: (input: TaskInput) => call<Task>("create_task", { input }),
  updateTask: (id: string, input: TaskInput) => call<Task>("update_task", { id, input }),
  setStatusOfTasks: (ids: string[], status: TaskStatus) => call<number>("set_status_of_tasks", { ids, status }),
  deleteTask: (id: string) => call<null>("delete_task", { id }),
  restoreTask: (id: string) => call<Task>("restore_task", { id }),

  checklist: (owner: ChecklistOwner) => call<Checklist>("get_checklist", { owner }),
  addChecklistStep: (owner: ChecklistOwner, text: string) => call<Checklist>("add_checklist_step", { owner, text }),
  renameChecklistStep: (id: string, text: string) => call<Checklist>("rename_checklist_step", { id, text }),
  tickChecklistStep: (id: string, done: boolean) => call<Checklist>("tick_checklist_step", { id, done }),
  moveChecklistStep: (id: string, onto_id: string) => call<Checklist>("move_checklist_step", { id, onto_id }),
  removeChecklistStep: (id: string) => call<Checklist>("remove_checklist_step", { id }),
  restoreChecklistStep: (id: string) => call<Checklist>("restore_checklist_step", { id }),
  checklistTemplate: (direction: Direction) => call<ChecklistTemplate>("get_checklist_template", { direction }),
  saveChecklistTemplate: (direction: Direction, input: TemplateInput) =>
    call<ChecklistTemplate>("save_checklist_template", { direction, input }),

  listGifts: (query: GiftQuery) => call<GiftPage>("list_gifts", { query }),
  giftYears: () => call<number[]>("gift_years"),
  createGift: (trip_id: string, input: GiftInput) => call<Gift>("create_gift", { trip_id, input }),
  updateGift: (id: string, input: GiftInput) => call<Gift>("update_gift", { id, input }),
  deleteGift: (id: string) => call<null>("delete_gift", { id }),
  restoreGift: (id: string) => call<Gift>("restore_gift", { id }),
};

/** Menu entries chosen in the native menu arrive here with their ID. */
export function onMenu(handler: (id: string) => void): Promise<UnlistenFn> {
  return listen<string>("menu", (event) => handler(event.payload));
}

export function setWindowTitle(title: string): Promise<void> {
  return getCurrentWindow().setTitle(title);
}
