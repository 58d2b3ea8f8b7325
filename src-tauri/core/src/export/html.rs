//! The programme (and the briefing folder built on it) as one self-contained HTML file to read
//! on a phone offline: no scripts, no fonts, no links or images from anywhere, only inline CSS
//! with the system's fonts; light or dark as the phone is set, printable. maud escapes every
//! text that goes in.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use rusqlite::Connection;

use super::briefing::BriefingPart;
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
                title { (cover.title.text) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header.cover {
                    p.occasion { (label(document, &cover.occasion)) }
                    h1 { (cover.title.text) }
                    @if !cover.title.second.is_empty() { p.title-second { (second(document, &cover.title.second)) } }
                    @if let Some(briefing) = &document.briefing {
                        p.personal {
                            strong { (briefing.labels.title) }
                            @if let Some(reader) = &briefing.reader { " · " span.key { (briefing.labels.for_reader) } " " strong { (name(reader)) } }
                        }
                        p.internal { (briefing.labels.office_only) }
                    } @else if let Some(member) = &cover.member {
                        p.personal { span.key { (label(document, &l.personal_programme)) } " " strong { (name(member)) } }
                    }
                    dl.facts {
                        dt { (label(document, &l.dates)) } dd { (label(document, &cover.dates)) }
                        @if !cover.purpose.text.is_empty() { dt { (label(document, &l.purpose)) } dd { (both(document, &cover.purpose)) } }
                        @if let Some(head) = &cover.head { dt { (label(document, &l.head)) } dd { (name(head)) } }
                    }
                    nav {
                        a href="#programme" { (label(document, &l.programme)) }
                        @if !document.delegation.is_empty() { a href="#delegation" { (label(document, &l.delegation)) } }
                        @if has_contacts { a href="#contacts" { (label(document, &l.contacts)) } }
                        @if let Some(briefing) = &document.briefing {
                            @if !briefing.cards.is_empty() { a href="#people" { (briefing.labels.people) } }
                            @if briefing.history.is_some() { a href="#partnership" { (briefing.labels.partnership) } }
                        }
                    }
                    @if let Some(briefing) = document.briefing.as_ref().filter(|b| !b.trip_notes.is_empty()) {
                        p.internal { strong { (briefing.labels.trip_notes) ": " } (briefing.trip_notes) }
                    }
                }
                main {
                    section #programme {
                        h2 { (label(document, &l.programme)) }
                        @for day in &document.days {
                            section.day {
                                h3 { (label(document, &day.heading)) }
                                ol.items {
                                    @for item in &day.items { (programme_item(document, item)) }
                                }
                            }
                        }
                    }
                    @if !document.delegation.is_empty() {
                        section #delegation {
                            h2 { (label(document, &l.delegation)) }
                            table {
                                thead { tr {
                                    th.number { (label(document, &l.number)) } th { (label(document, &l.name)) } th { (label(document, &l.function)) }
                                    th { (label(document, &l.organisation)) } th { (label(document, &l.role)) }
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
                                            td { (label(document, &entry.role)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    @if has_contacts {
                        section #contacts {
                            h2 { (label(document, &l.contacts)) }
                            @if !document.member_contacts.is_empty() {
                                h3 { (label(document, &l.delegation)) }
                                (contacts(document, &document.member_contacts))
                            }
                            @if !document.host_contacts.is_empty() {
                                h3 { (label(document, &l.hosts)) }
                                (contacts(document, &document.host_contacts))
                            }
                        }
                    }
                }
                @if let Some(briefing) = &document.briefing { (briefing_sections(briefing)) }
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
                        span.key { (label(document, &l.home_time)) } " "
                        (item.home_time) " " span.zone { (item.home_zone) }
                    }
                }
            }
            div.what {
                p.kind { (label(document, &item.kind)) }
                p.title { (both(document, &item.title)) }
                @if !item.place.text.is_empty() || !item.address.text.is_empty() {
                    p.place {
                        (both(document, &item.place))
                        @if !item.address.text.is_empty() { span.address { (both(document, &item.address)) } }
                    }
                }
                @if !item.hosts.is_empty() {
                    p.detail { span.key { (label(document, &l.hosts)) ": " } (names(&item.hosts)) }
                }
                @if !item.participants.is_empty() {
                    p.detail { span.key { (label(document, &l.participants)) ": " } (names(&item.participants)) }
                }
                @if !item.notes.text.is_empty() { p.notes { (item.notes.text) } }
                @if !item.notes.second.is_empty() { p.notes-second { (second(document, &item.notes.second)) } }
                @if let Some(briefing) = document.briefing.as_ref().filter(|_| !item.internal.is_empty()) {
                    p.internal { strong { (briefing.labels.internal) ": " } (item.internal) }
                }
            }
        }
    }
}

fn entries(heading: &str, list: &[String]) -> Markup {
    html! {
        @if !list.is_empty() {
            h4 { (heading) }
            ul { @for entry in list { li { (entry) } } }
        }
    }
}

/// The people we meet, the partnership's history and the practical notes of a briefing folder.
fn briefing_sections(briefing: &BriefingPart) -> Markup {
    let b = &briefing.labels;
    html! {
        @if !briefing.cards.is_empty() {
            section #people {
                h2 { (b.people) }
                @for card in &briefing.cards {
                    article.card {
                        h3 { (name(&card.person)) }
                        @if !card.pinyin.is_empty() && card.pinyin != card.person.name { p.detail { span.key { (b.pinyin) ": " } (card.pinyin) } }
                        @if !card.organisation.is_empty() { p.detail { (card.organisation) } }
                        (entries(b.here, &card.here))
                        @if card.before.is_empty() { h4 { (b.before) } p.detail { (b.first_meeting) } } @else { (entries(b.before, &card.before)) }
                        (entries(b.agreed, &card.agreed))
                        (entries(b.gifts, &card.gifts))
                    }
                }
            }
        }
        @if let Some(history) = &briefing.history {
            section #partnership {
                h2 { (b.partnership) }
                p { strong { (history.partnership) } }
                (entries(b.agreements, &history.agreements))
                (entries(b.visits, &history.visits))
                (entries(b.open, &history.open))
            }
        }
        @if !briefing.practical.is_empty() {
            section #practical {
                h2 { (b.practical) }
                ul { @for note in &briefing.practical { li { (note) } } }
            }
        }
    }
}

fn contacts(document: &ProgrammeDocument, contacts: &[Contact]) -> Markup {
    let l = &document.labels;
    html! {
        table.contacts {
            thead { tr {
                th { (label(document, &l.name)) } th { (label(document, &l.organisation)) } th { (label(document, &l.phone)) } th { (label(document, &l.email)) }
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

/// A fixed word with its second language beside it.
fn label(document: &ProgrammeDocument, label: &Label) -> Markup {
    html! {
        (label.text)
        @if !label.second.is_empty() { " " span.second { (second(document, &label.second)) } }
    }
}

/// One of the trip's own texts, its translation on a line of its own.
fn both(document: &ProgrammeDocument, text: &Label) -> Markup {
    html! {
        (text.text)
        @if !text.second.is_empty() { br; (second(document, &text.second)) }
    }
}

/// A text in the document's second language, marked as such for screen readers and fonts.
fn second(document: &ProgrammeDocument, text: &str) -> Markup {
    let lang = if document.second_lang == "zh" { "zh-Hans" } else { document.second_lang };
    html! { span lang=(lang) { (text) } }
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
