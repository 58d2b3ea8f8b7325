//! Warnings about a programme — never blocks: a member booked into two overlapping items,
//! too little time to get from one place to the next, an item that ends before it starts,
//! an item outside the trip's dates.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{is_outside_trip, ItemKind, ProgrammeItem};
use crate::delegation::Member;
use crate::trips::Trip;
use crate::zoned::parse_utc;

crate::text_enum! {
    pub enum WarningKind {
        MemberOverlap => "member_overlap",
        ShortTransfer => "short_transfer",
        EndsBeforeStart => "ends_before_start",
        OutsideTrip => "outside_trip",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Warning {
    pub kind: WarningKind,
    /// The items concerned, in programme order.
    pub item_ids: Vec<String>,
    /// The members concerned (overlaps and short transfers), in order of precedence.
    pub member_names: Vec<String>,
    /// The time available between two places, for short transfers.
    pub minutes: Option<i64>,
}

struct Span<'a> {
    item: &'a ProgrammeItem,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    participants: Vec<&'a Member>,
}

fn same_place(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

pub fn find_conflicts(
    trip: &Trip,
    items: &[ProgrammeItem],
    members: &[Member],
    min_transfer_minutes: i64,
) -> Vec<Warning> {
    let by_id: HashMap<&str, &Member> = members.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut spans: Vec<Span> = items
        .iter()
        .filter_map(|item| {
            let participants = if item.everyone {
                members.iter().collect()
            } else {
                item.participant_ids.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect()
            };
            Some(Span { item, start: parse_utc(&item.start.utc)?, end: parse_utc(&item.end.utc)?, participants })
        })
        .collect();
    spans.sort_by_key(|span| (span.start, span.end));

    let mut warnings = Vec::new();
    for span in &spans {
        if span.end < span.start {
            warnings.push(Warning {
                kind: WarningKind::EndsBeforeStart,
                item_ids: vec![span.item.id.clone()],
                member_names: Vec::new(),
                minutes: None,
            });
        }
        if is_outside_trip(trip, span.item) {
            warnings.push(Warning {
                kind: WarningKind::OutsideTrip,
                item_ids: vec![span.item.id.clone()],
                member_names: Vec::new(),
                minutes: None,
            });
        }
    }

    // A hotel stay spans the nights; it does not make other items clash.
    let timed: Vec<&Span> = spans.iter().filter(|s| s.end >= s.start && s.item.kind != ItemKind::Hotel).collect();
    for (index, first) in timed.iter().enumerate() {
        for second in timed[index + 1..].iter().take_while(|second| second.start < first.end) {
            let shared: Vec<String> = first
                .participants
                .iter()
                .filter(|m| second.participants.iter().any(|o| o.id == m.id))
                .map(|m| m.name_latin.clone())
                .collect();
            if !shared.is_empty() {
                warnings.push(Warning {
                    kind: WarningKind::MemberOverlap,
                    item_ids: vec![first.item.id.clone(), second.item.id.clone()],
                    member_names: shared,
                    minutes: None,
                });
            }
        }
    }

    // Consecutive items of each member at different places, with too little time between.
    let moving = |span: &Span| matches!(span.item.kind, ItemKind::Transfer | ItemKind::Flight);
    let mut short: BTreeMap<(usize, usize), (i64, Vec<&Member>)> = BTreeMap::new();
    for member in members {
        let own: Vec<(usize, &Span)> = spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.end >= s.start && s.participants.iter().any(|m| m.id == member.id))
            .collect();
        for pair in own.windows(2) {
            let ((a_index, a), (b_index, b)) = (pair[0], pair[1]);
            if moving(a) || moving(b) || a.item.place.trim().is_empty() || b.item.place.trim().is_empty() {
                continue;
            }
            let gap = (b.start - a.end).num_minutes();
            if gap >= 0 && gap < min_transfer_minutes && !same_place(&a.item.place, &b.item.place) {
                short.entry((a_index, b_index)).or_insert((gap, Vec::new())).1.push(member);
            }
        }
    }
    for ((a, b), (gap, concerned)) in short {
        warnings.push(Warning {
            kind: WarningKind::ShortTransfer,
            item_ids: vec![spans[a].item.id.clone(), spans[b].item.id.clone()],
            member_names: concerned.iter().map(|m| m.name_latin.clone()).collect(),
            minutes: Some(gap),
        });
    }
    warnings
}
