// The register of people and organisations: the picker search, links, merge and trash.
// One function per command of src-tauri/commands/register.rs, named as the command in camelCase.
import { call } from "./call";
import type { Organisation } from "../bindings/Organisation";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { OrganisationRecord } from "../bindings/OrganisationRecord";
import type { Person } from "../bindings/Person";
import type { PersonInput } from "../bindings/PersonInput";
import type { Page } from "../bindings/Page";
import type { PersonRecord } from "../bindings/PersonRecord";
import type { RegisterEntry } from "../bindings/RegisterEntry";
import type { RegisterKind } from "../bindings/RegisterKind";
import type { RegisterLinks } from "../bindings/RegisterLinks";
import type { RegisterQuery } from "../bindings/RegisterQuery";
import type { RegisterRef } from "../bindings/RegisterRef";

export function searchRegister(search: string, kinds: RegisterKind[]) {
  return call<RegisterEntry[]>("search_register", { search, kinds });
}

export function transliterate(original: string, latin_name: string, kind: RegisterKind) {
  return call<string>("transliterate", { original, latin_name, kind });
}

export function registerLinks(reference: RegisterRef) {
  return call<RegisterLinks>("register_links", { reference });
}

export function listPeople(query: RegisterQuery) {
  return call<Page<Person>>("list_people", { query });
}

export function personRecord(id: string) {
  return call<PersonRecord>("person_record", { id });
}

export function createPerson(input: PersonInput) {
  return call<Person>("create_person", { input });
}

export function updatePerson(id: string, input: PersonInput) {
  return call<Person>("update_person", { id, input });
}

export function deletePerson(id: string) {
  return call<null>("delete_person", { id });
}

export function restorePerson(id: string) {
  return call<Person>("restore_person", { id });
}

export function mergePeople(keep_id: string, duplicate_id: string) {
  return call<Person>("merge_people", { keep_id, duplicate_id });
}

export function listOrganisations(query: RegisterQuery) {
  return call<Page<Organisation>>("list_organisations", { query });
}

export function organisationRecord(id: string) {
  return call<OrganisationRecord>("organisation_record", { id });
}

export function createOrganisation(input: OrganisationInput) {
  return call<Organisation>("create_organisation", { input });
}

export function updateOrganisation(id: string, input: OrganisationInput) {
  return call<Organisation>("update_organisation", { id, input });
}

export function deleteOrganisation(id: string) {
  return call<null>("delete_organisation", { id });
}

export function restoreOrganisation(id: string) {
  return call<Organisation>("restore_organisation", { id });
}

export function mergeOrganisations(keep_id: string, duplicate_id: string) {
  return call<Organisation>("merge_organisations", { keep_id, duplicate_id });
}
