//! Who takes part beyond the delegations: the Wirtschaftsregion Kaiserslautern's business trip
//! to Yangzhou in September 2027, opened to companies of the region (three registered, one of
//! them confirmed into the delegation, a university invited), and the firms from Jinhua and
//! Düren who were guests at the cooperation conference of the Kreis Düren's visit to Jinhua.

use super::{entry, person, Loader, SHANGHAI};
use crate::contacts::find_or_create::{ensure_organisation, ensure_person, NewPerson};
use crate::error::Result;
use crate::programme::{set_guests, ItemKind};
use crate::registrations::{
    create_registration, open_registration, set_status, AskedData, InvitationInput, RegistrationInput,
    RegistrationStatus,
};
use crate::trips::TripStatus;
use crate::vocabulary::{Direction, MemberRole, RegisterKind, RegisterRef, Side};

pub(super) const KAISERSLAUTERN_TRIP: &str = "Unternehmerreise der Wirtschaftsregion Kaiserslautern 2027";

pub(super) fn kaiserslautern_business_trip(loader: &mut Loader, partnership: &str) -> Result<()> {
    let trip = loader.trip(
        partnership,
        KAISERSLAUTERN_TRIP,
        Direction::Outgoing,
        "Yangzhou",
        SHANGHAI,
        ("2027-09-13", "2027-09-18"),
        "Unternehmerreise zum Memorandum über Start-ups und Technologie: Firmenbesuche und Kooperationsbörse im Technologiepark Yangzhou.",
        TripStatus::Planning,
        "Anmeldung über das Formular der WFK; Reisebüro erhält die Teilnehmerliste bis Ende Juli.",
    )?;
    loader.serve(&trip, &["Wirtschaft und Handel"])?;
    let members = loader.delegation(
        &trip,
        &[
            person("Beate Kimmel", "", "Bürgermeisterin", "Stadt Kaiserslautern", "", MemberRole::Head),
            person("Ralf Leßmeister", "", "Landrat", "Landkreis Kaiserslautern", "", MemberRole::Member),
        ],
    )?;
    loader.programme(
        &trip,
        &members,
        &[entry(
            ItemKind::Meeting,
            "Kooperationsbörse mit Unternehmen aus Yangzhou",
            ("2027-09-15T09:30", SHANGHAI),
            ("2027-09-15T16:00", SHANGHAI),
            "Technologiepark Yangzhou",
        )],
    )?;
    let conn = loader.conn;
    open_registration(
        conn,
        &trip.id,
        &InvitationInput {
            deadline: "2027-07-15".into(),
            asks: vec![AskedData::PassportName, AskedData::Organisation, AskedData::Function, AskedData::Dietary],
            cost_share: "1.950".into(),
            notes: "Flug, Hotel und Transfers; Programm und Dolmetschen trägt die WFK.".into(),
        },
    )?;
    let company = |name: &str, organisation: &str, function: &str, dietary: &str| RegistrationInput {
        name_latin: name.into(),
        organisation: organisation.into(),
        function_title: function.into(),
        dietary: dietary.into(),
        ..RegistrationInput::default()
    };
    let hauck = create_registration(
        conn,
        &trip.id,
        &RegistrationInput {
            email: "k.hauck@westpfalz-praezision.de".into(),
            ..company("Dr. Katrin HAUCK", "Westpfalz Präzisionstechnik GmbH", "Geschäftsführerin", "")
        },
    )?;
    set_status(conn, &hauck.id, RegistrationStatus::Confirmed)?;
    create_registration(
        conn,
        &trip.id,
        &company("Tobias BRENNER", "Lautertal Software AG", "Vertriebsleiter Asien", "vegetarisch"),
    )?;
    create_registration(
        conn,
        &trip.id,
        &RegistrationInput {
            cost_share: "1.200".into(),
            notes: "Reduzierter Beitrag: reist ab Shanghai an.".into(),
            ..company("Miriam OSTHEIMER", "Barbarossa Logistik GmbH & Co. KG", "Leiterin Einkauf", "")
        },
    )?;
    create_registration(
        conn,
        &trip.id,
        &RegistrationInput {
            status: Some(RegistrationStatus::Invited),
            ..company("", "Hochschule Kaiserslautern", "", "")
        },
    )?;
    Ok(())
}

/// The firms at the cooperation conference in Jinhua: the hosts' companies and a Düren firm
/// that came along, each with the person who attended.
pub(super) fn guests_of_the_jinhua_conference(loader: &mut Loader, kreis_dueren: &str) -> Result<()> {
    let conn = loader.conn;
    let item_id: String = conn.query_row(
        "SELECT i.id FROM programme_items i JOIN trips t ON t.id = i.trip_id
         WHERE i.title = 'Empfang und Konferenz zur Zusammenarbeit' AND t.title LIKE 'Delegationsreise des Kreises%'",
        [],
        |row| row.get(0),
    )?;
    let guest = |name: (&str, &str), function: &str, organisation: &str, side: Side| -> Result<RegisterRef> {
        let new = NewPerson {
            organisation: organisation.into(),
            partnership_id: Some(kreis_dueren.into()),
            ..NewPerson::named(name.0.into(), name.1.into(), function.into(), side)
        };
        Ok(RegisterRef { kind: RegisterKind::Person, id: ensure_person(conn, &new)? })
    };
    let guests = [
        guest(("Ye Qing", "叶青"), "Exportleiterin", "Hydrogenway Technology", Side::Partner)?,
        guest(("Lou Jianhua", "楼建华"), "Geschäftsführer", "Jinfei Intelligent Motorcycle Wheel", Side::Partner)?,
        guest(("Markus Schiffer", ""), "Geschäftsführer", "Rurtal Filtertechnik GmbH", Side::Ours)?,
        RegisterRef {
            kind: RegisterKind::Organisation,
            id: ensure_organisation(conn, "Handelskammer Yiwu", Side::Partner, Some(kreis_dueren))?,
        },
    ];
    set_guests(conn, &item_id, &guests)?;
    Ok(())
}
