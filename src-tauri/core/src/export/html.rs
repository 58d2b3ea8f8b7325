//! The programme as one self-contained HTML file to read on a phone offline: no scripts, no
//! fonts, no links or images from anywhere, only inline CSS with the system's fonts; light or
//! dark as the phone is set, printable. maud escapes every text that goes in.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use rusqlite::Connection;

use super::document::{programme_document, Contact, Item, Label, Name, ProgrammeDocument};
use super::DocumentLanguage;
use crate::error::Result;

const STYLE: &str = include_str!("programme.css");

/// The programme of a trip as HTML; with `member_id`, that member's personal programme.
pub fn programme_html(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
) -> Result<String> {
    Ok(render(&programme_document(conn, trip_id, member_id, language)?))
}

pub fn render(document: &ProgrammeDocument) -> String {
    let l = &document.labels;
    let cover = &document.cover;
    let has_contacts = !document.member_contacts.is_empty() || !document.host_contacts.is_empty();
    html! {
        (DOCTYPE)
        html lang=(document.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (cover.title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header.cover {
                    p.occasion { (label(&cover.occasion)) }
                    h1 { (cover.title) }
                    @if let Some(member) = &cover.member {
                        p.personal { span.key { (label(&l.personal_programme)) } " " strong { (name(member)) } }
                    }
                    dl.facts {
                        dt { (label(&l.dates)) } dd { (label(&cover.dates)) }
                        @if !cover.purpose.is_empty() { dt { (label(&l.purpose)) } dd { (cover.purpose) } }
                        @if let Some(head) = &cover.head { dt { (label(&l.head)) } dd { (name(head)) } }
                    }
                    nav {
                        a href="#programme" { (label(&l.programme)) }
                        @if !document.delegation.is_empty() { a href="#delegation" { (label(&l.delegation)) } }
                        @if has_contacts { a href="#contacts" { (label(&l.contacts)) } }
                    }
                }
                main {
                    section #programme {
                        h2 { (label(&l.programme)) }
                        @for day in &document.days {
                            section.day {
                                h3 { (label(&day.heading)) }
                                ol.items {
                                    @for item in &day.items { (programme_item(document, item)) }
                                }
                            }
                        }
                    }
                    @if !document.delegation.is_empty() {
                        section #delegation {
                            h2 { (label(&l.delegation)) }
                            table {
                                thead { tr {
                                    th.number { (label(&l.number)) } th { (label(&l.name)) } th { (label(&l.function)) }
                                    th { (label(&l.organisation)) } th { (label(&l.role)) }
                                } }
                                tbody {
                                    @for entry in &document.delegation {
                                        tr {
                                            td.number { (entry.number) }
                                            td {
                                                strong { (entry.person.name) }
                                                @if !entry.person.original.is_empty() { " " (chinese(&entry.person.original)) }
                                            }
                                            td { (entry.person.function) }
                                            td { (entry.organisation) }
                                            td { (label(&entry.role)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    @if has_contacts {
                        section #contacts {
                            h2 { (label(&l.contacts)) }
                            @if !document.member_contacts.is_empty() {
                                h3 { (label(&l.delegation)) }
                                (contacts(document, &document.member_contacts))
                            }
                            @if !document.host_contacts.is_empty() {
                                h3 { (label(&l.hosts)) }
                                (contacts(document, &document.host_contacts))
                            }
                        }
                    }
                }
                footer { (l.as_of.text) ": " (cover.as_of) }
            }
        }
    }
    .into_string()
}

fn programme_item(document: &ProgrammeDocument, item: &Item) -> Markup {
    let l = &document.labels;
    html! {
        li.item {
            div.when {
                strong.time { (item.time) } " " span.zone { (item.zone) }
                @if !item.home_time.is_empty() {
                    div.home {
                        span.key { (label(&l.home_time)) } " "
                        (item.home_time) " " span.zone { (item.home_zone) }
                    }
                }
            }
            div.what {
                p.kind { (label(&item.kind)) }
                p.title { (item.title) }
                @if !item.place.is_empty() || !item.address.is_empty() {
                    p.place {
                        (item.place)
                        @if !item.address.is_empty() { span.address { (item.address) } }
                    }
                }
                @if !item.hosts.is_empty() {
                    p.detail { span.key { (label(&l.hosts)) ": " } (names(&item.hosts)) }
                }
                @if !item.participants.is_empty() {
                    p.detail { span.key { (label(&l.participants)) ": " } (names(&item.participants)) }
                }
                @if !item.notes.is_empty() { p.notes { (item.notes) } }
            }
        }
    }
}

fn contacts(document: &ProgrammeDocument, contacts: &[Contact]) -> Markup {
    let l = &document.labels;
    html! {
        table.contacts {
            thead { tr {
                th { (label(&l.name)) } th { (label(&l.organisation)) } th { (label(&l.phone)) } th { (label(&l.email)) }
            } }
            tbody {
                @for contact in contacts {
                    tr {
                        td { (name(&contact.person)) }
                        td { (contact.organisation) }
                        td.nowrap { (contact.phone) }
                        td { (contact.email) }
                    }
                }
            }
        }
    }
}

fn label(label: &Label) -> Markup {
    html! {
        (label.text)
        @if !label.zh.is_empty() { " " span.zh lang="zh-Hans" { (label.zh) } }
    }
}

fn chinese(text: &str) -> Markup {
    html! { span lang="zh-Hans" { (text) } }
}

fn name(name: &Name) -> Markup {
    html! {
        @if !name.function.is_empty() { (name.function) " " }
        (name.name)
        @if !name.original.is_empty() { " " (chinese(&name.original)) }
    }
}

fn names(names: &[Name]) -> Markup {
    html! {
        @for (index, entry) in names.iter().enumerate() {
            @if index > 0 { ", " }
            (name(entry))
        }
    }
}
