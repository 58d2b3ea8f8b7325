//! The example data, built from the news articles Partnerdesk was started from: the four
//! partnerships (Stadt Düren–Jinhua, Kreis Düren–Region Jinhua, Kaiserslautern–Yangzhou,
//! Herne–Luzhou) with their agreements, the Kreis Düren delegation to the Städteregion
//! Jinhua, the Jinhua delegation hosted in Düren (both with their Chinese texts) and more.
//! Loaded only when asked for.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::contacts::find_or_create::{ensure_person, hosts_from_text, side_of_hosts, NewPerson};
use crate::contacts::organisations::{create_organisation, OrganisationInput, OrganisationKind};
use crate::delegation::{add_member, MemberInput};
use crate::error::Result;
use crate::partnerships::agreements::{add_agreement, AgreementInput, AgreementKind};
use crate::partnerships::{create_partnership, OurSideKind, PartnershipInput, PartnershipKind, PartnershipStatus};
use crate::programme::{add_item, ItemInput, ItemKind};
use crate::store::atomically;
use crate::trips::{create_trip, Trip, TripInput, TripStatus};
use crate::vocabulary::{Direction, MemberRole, RegisterKind, RegisterRef, SecondLanguage, Side};
use chinese::chinese;

mod chinese;
mod costs;
mod followups;
pub mod office_years;
mod participants;
mod projects;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DemoSummary {
    pub partnerships: usize,
    pub agreements: usize,
    pub trips: usize,
    pub members: usize,
    pub items: usize,
}

const SHANGHAI: &str = "Asia/Shanghai";
const BERLIN: &str = "Europe/Berlin";

struct Person<'a> {
    latin: &'a str,
    original: &'a str,
    function: &'a str,
    organisation: &'a str,
    party: &'a str,
    role: MemberRole,
    dietary: &'a str,
}

struct Entry<'a> {
    kind: ItemKind,
    title: &'a str,
    start: (&'a str, &'a str),
    end: (&'a str, &'a str),
    place: &'a str,
    address: &'a str,
    hosts: &'a str,
    /// Indexes into the delegation; empty means everyone.
    only: &'a [usize],
    notes: &'a str,
    internal: &'a str,
}

struct Loader<'c> {
    conn: &'c Connection,
    summary: DemoSummary,
}

impl Loader<'_> {
    #[allow(clippy::too_many_arguments)]
    /// The IDs of the named theme areas of the default list.
    fn theme_ids(&self, names: &[&str]) -> Result<Vec<String>> {
        Ok(crate::partnerships::themes::list_themes(self.conn)?
            .into_iter()
            .filter(|t| names.contains(&t.name.as_str()))
            .map(|t| t.id)
            .collect())
    }

    fn serve(&self, trip: &Trip, themes: &[&str]) -> Result<()> {
        crate::partnerships::themes::set_trip_themes(self.conn, &trip.id, &self.theme_ids(themes)?)
    }

    #[allow(clippy::too_many_arguments)]
    fn partnership(
        &mut self,
        our_side: (&str, OurSideKind),
        partner: (&str, &str),
        kind: PartnershipKind,
        since: &str,
        status: PartnershipStatus,
        description: &str,
    ) -> Result<String> {
        self.summary.partnerships += 1;
        let input = PartnershipInput {
            our_side: our_side.0.into(),
            our_side_kind: our_side.1,
            partner_place: partner.0.into(),
            partner_province: partner.1.into(),
            partner_country: "China".into(),
            partner_zone: SHANGHAI.into(),
            kind,
            since: since.into(),
            status,
            description: description.into(),
            our_body_ids: Vec::new(),
        };
        Ok(create_partnership(self.conn, &input, crate::settings::office_today(self.conn)?)?.id)
    }

    /// An agreement with the theme areas named (from the default list).
    fn agreement(
        &mut self,
        partnership: &str,
        (title, kind): (&str, AgreementKind),
        (signed_on, signed_at): (&str, &str),
        (valid_from, valid_until): (&str, &str),
        themes: &[&str],
        signatories: &[&str],
    ) -> Result<()> {
        self.summary.agreements += 1;
        let theme_ids = self.theme_ids(themes)?;
        let input = AgreementInput {
            title: title.into(),
            kind,
            signed_on: signed_on.into(),
            signed_at: signed_at.into(),
            valid_from: valid_from.into(),
            valid_until: valid_until.into(),
            notes: String::new(),
            theme_ids,
            signatories: signatories
                .iter()
                .map(|id| RegisterRef { kind: RegisterKind::Person, id: id.to_string() })
                .collect(),
            signed_trip_id: None,
            signed_item_id: None,
        };
        let today = crate::settings::office_today(self.conn)?;
        add_agreement(self.conn, partnership, &input, today)?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn trip(
        &mut self,
        partnership: &str,
        title: &str,
        direction: Direction,
        place: &str,
        zone: &str,
        dates: (&str, &str),
        purpose: &str,
        status: TripStatus,
        notes: &str,
    ) -> Result<Trip> {
        self.summary.trips += 1;
        create_trip(
            self.conn,
            &TripInput {
                title: title.into(),
                direction,
                partner_place: place.into(),
                partner_country: "China".into(),
                time_zone: zone.into(),
                start_date: dates.0.into(),
                end_date: dates.1.into(),
                purpose: purpose.into(),
                second_language: Some(SecondLanguage::Zh),
                title_translation: chinese(title),
                purpose_translation: chinese(purpose),
                status,
                notes: notes.into(),
                partnership_id: Some(partnership.into()),
                theme_ids: Vec::new(),
                further_partnership_ids: Vec::new(),
            },
        )
    }

    fn delegation(&mut self, trip: &Trip, people: &[Person]) -> Result<Vec<String>> {
        people
            .iter()
            .map(|p| {
                self.summary.members += 1;
                let input = MemberInput {
                    name_latin: p.latin.into(),
                    name_original: p.original.into(),
                    function_title: p.function.into(),
                    organisation: p.organisation.into(),
                    party: p.party.into(),
                    role: Some(p.role),
                    dietary: p.dietary.into(),
                    ..MemberInput::default()
                };
                Ok(add_member(self.conn, &trip.id, &input)?.member.id)
            })
            .collect()
    }

    /// An organisation of the register, with its kind and original name.
    fn organisation(
        &mut self,
        (name, name_original): (&str, &str),
        kind: OrganisationKind,
        side: Side,
        partnership: &str,
    ) -> Result<String> {
        let input = OrganisationInput {
            name: name.into(),
            name_original: name_original.into(),
            kind: Some(kind),
            side: Some(side),
            partnership_id: Some(partnership.into()),
            ..OrganisationInput::default()
        };
        Ok(create_organisation(self.conn, &input)?.id)
    }

    /// A person of the register: (Latin name, original name), function, organisation.
    fn person(
        &mut self,
        (latin, original): (&str, &str),
        function: &str,
        organisation: &str,
        side: Side,
        partnership: &str,
    ) -> Result<String> {
        let new = NewPerson {
            organisation: organisation.into(),
            partnership_id: Some(partnership.into()),
            ..NewPerson::named(latin.into(), original.into(), function.into(), side)
        };
        ensure_person(self.conn, &new)
    }

    fn programme(&mut self, trip: &Trip, members: &[String], entries: &[Entry]) -> Result<()> {
        for e in entries {
            self.summary.items += 1;
            let hosts =
                hosts_from_text(self.conn, e.hosts, side_of_hosts(trip.direction), trip.partnership_id.as_deref())?;
            let input = ItemInput {
                place: e.place.into(),
                address: e.address.into(),
                hosts,
                everyone: e.only.is_empty(),
                participant_ids: e.only.iter().map(|&i| members[i].clone()).collect(),
                notes_participants: e.notes.into(),
                notes_internal: e.internal.into(),
                title_translation: chinese(e.title),
                place_translation: chinese(e.place),
                address_translation: chinese(e.address),
                notes_translation: chinese(e.notes),
                ..ItemInput::new(e.kind, e.title, e.start, e.end)
            };
            add_item(self.conn, &trip.id, &input)?;
        }
        Ok(())
    }
}

fn entry<'a>(
    kind: ItemKind,
    title: &'a str,
    start: (&'a str, &'a str),
    end: (&'a str, &'a str),
    place: &'a str,
) -> Entry<'a> {
    Entry { kind, title, start, end, place, address: "", hosts: "", only: &[], notes: "", internal: "" }
}

fn person<'a>(
    latin: &'a str,
    original: &'a str,
    function: &'a str,
    organisation: &'a str,
    party: &'a str,
    role: MemberRole,
) -> Person<'a> {
    Person { latin, original, function, organisation, party, role, dietary: "" }
}

/// Adds the example trips in one transaction.
pub fn load_demo(conn: &Connection) -> Result<DemoSummary> {
    atomically(conn, |conn| {
        let mut loader =
            Loader { conn, summary: DemoSummary { partnerships: 0, agreements: 0, trips: 0, members: 0, items: 0 } };
        let register = register(&mut loader)?;
        kreis_dueren_to_jinhua(&mut loader, &register.kreis_dueren)?;
        jinhua_in_dueren(&mut loader, &register.stadt_dueren)?;
        yangzhou_in_kaiserslautern(&mut loader, &register.kaiserslautern)?;
        herne_to_luzhou(&mut loader, &register.herne)?;
        participants::kaiserslautern_business_trip(&mut loader, &register.kaiserslautern)?;
        participants::guests_of_the_jinhua_conference(&mut loader, &register.kreis_dueren)?;
        costs::reference_rates(conn)?;
        gifts_of_the_seed_trips(conn)?;
        costs::costs_of_the_seed_trips(conn)?;
        followups::followups_of_the_seed_trips(conn)?;
        projects::projects_of_the_seed_partnerships(conn, "2026-11-21".parse().expect("a fixed day"))?;
        Ok(loader.summary)
    })
}

struct Register {
    stadt_dueren: String,
    kreis_dueren: String,
    kaiserslautern: String,
    herne: String,
}

fn register(loader: &mut Loader) -> Result<Register> {
    use AgreementKind::*;
    use PartnershipKind::*;
    let stadt_dueren = loader.partnership(
        ("Stadt Düren", OurSideKind::City),
        ("Jinhua", "Zhejiang"),
        TownTwinning,
        "2002-01-01",
        PartnershipStatus::Active,
        "Städtepartnerschaft seit 2002: Kultur, Schul- und Ärzteaustausch, Wirtschaft.",
    )?;
    use OrganisationKind::*;
    use Side::*;
    loader.organisation(("Stadt Düren", ""), CityHall, Ours, &stadt_dueren)?;
    loader.organisation(("Stadtregierung Jinhua", "金华市人民政府"), CityHall, Partner, &stadt_dueren)?;
    loader.organisation(("Leopold-Hoesch-Museum", ""), Museum, Ours, &stadt_dueren)?;
    loader.organisation(("Stiftisches Gymnasium Düren", ""), School, Ours, &stadt_dueren)?;
    let ullrich = loader.person(("Frank Peter Ullrich", ""), "Bürgermeister", "Stadt Düren", Ours, &stadt_dueren)?;
    let zhu =
        loader.person(("Zhu Chonglie", "朱重烈"), "Parteisekretär", "Stadtregierung Jinhua", Partner, &stadt_dueren)?;
    loader.agreement(
        &stadt_dueren,
        ("Städtepartnerschaftsvertrag Düren – Jinhua", PartnershipTreaty),
        ("2002-01-01", "Düren"),
        ("2002-01-01", ""),
        &["Kultur und Kunst", "Schule", "Medizin und Gesundheit", "Wirtschaft und Handel"],
        &[],
    )?;
    loader.agreement(
        &stadt_dueren,
        ("Memorandum über die Vertiefung des freundschaftlichen Austausches zwischen Düren und Jinhua", Memorandum),
        ("2026-06-16", "Alte Stadtgärtnerei, Düren"),
        ("2026-06-16", "2028-06-15"),
        &["Wirtschaft und Handel", "Kultur und Kunst", "Schule", "Medizin und Gesundheit", "Tourismus"],
        &[&ullrich, &zhu],
    )?;
    let kreis_dueren = loader.partnership(
        ("Kreis Düren", OurSideKind::District),
        ("Jinhua (Städteregion)", "Zhejiang"),
        RegionalCooperation,
        "2026-01-20",
        PartnershipStatus::Active,
        "Anbahnung einer Partnerschaft mit der Region Jinhua (mehr als sieben Millionen Einwohner).",
    )?;
    loader.agreement(
        &kreis_dueren,
        ("Kooperationsvereinbarung Kreis Düren – Region Jinhua", CooperationAgreement),
        ("2026-01-20", "Jinhua"),
        ("2026-01-20", ""),
        &["Klimaschutz und Wasserstoff", "Bildung und Wissenschaft", "Wirtschaft und Handel", "Kultur und Kunst"],
        &[],
    )?;
    loader.organisation(("Kreis Düren", ""), Government, Ours, &kreis_dueren)?;
    loader.organisation(("Kreistag Düren", ""), Government, Ours, &kreis_dueren)?;
    loader.organisation(("Wirtschaftsförderung Kreis Düren", ""), Association, Ours, &kreis_dueren)?;
    let kaiserslautern = loader.partnership(
        ("Wirtschaftsregion Kaiserslautern (WFK)", OurSideKind::Agency),
        ("Yangzhou", "Jiangsu"),
        RegionalCooperation,
        "2019-07-10",
        PartnershipStatus::Active,
        "Projektbezogene Partnerschaft im Yangtse River Delta: Mittelstand, Netzwerke, technologischer Austausch.",
    )?;
    loader.agreement(
        &kaiserslautern,
        ("Rahmenabkommen (Memorandum) Kaiserslautern – Yangzhou", Memorandum),
        ("2019-07-10", "Kaiserslautern"),
        ("2019-07-10", ""),
        &["Wirtschaft und Handel", "Bildung und Wissenschaft"],
        &[],
    )?;
    loader.organisation(("Stadt Yangzhou", "扬州市"), CityHall, Partner, &kaiserslautern)?;
    let kimmel =
        loader.person(("Beate Kimmel", ""), "Bürgermeisterin", "Stadt Kaiserslautern", Ours, &kaiserslautern)?;
    let lessmeister =
        loader.person(("Ralf Leßmeister", ""), "Landrat", "Landkreis Kaiserslautern", Ours, &kaiserslautern)?;
    // Stadt and Landkreis Kaiserslautern hold the partnership together.
    let bodies = ["Stadt Kaiserslautern", "Landkreis Kaiserslautern"]
        .map(|name| loader.conn.query_row("SELECT id FROM organisations WHERE name = ?1", [name], |row| row.get(0)))
        .into_iter()
        .collect::<rusqlite::Result<Vec<String>>>()?;
    crate::partnerships::set_our_bodies(loader.conn, &kaiserslautern, &bodies)?;
    let xia =
        loader.person(("Xia Xinmin", "夏心旻"), "Oberbürgermeister", "Stadt Yangzhou", Partner, &kaiserslautern)?;
    loader.agreement(
        &kaiserslautern,
        ("Memorandum zu Start-ups und Technologietransfer", Memorandum),
        ("2026-07-08", "Rathaus Kaiserslautern"),
        ("2026-07-08", "2028-07-07"),
        &["Wirtschaft und Handel", "Bildung und Wissenschaft"],
        &[&kimmel, &lessmeister, &xia],
    )?;
    let herne = loader.partnership(
        ("Stadt Herne", OurSideKind::City),
        ("Luzhou", "Sichuan"),
        TownTwinning,
        "2019-05-15",
        PartnershipStatus::Active,
        "Städtepartnerschaft, in Berlin besiegelt; China-Kompetenz-Zentrum Herne.",
    )?;
    loader.agreement(
        &herne,
        ("Städtepartnerschaftsvertrag Herne – Luzhou", PartnershipTreaty),
        ("2019-05-15", "Berlin"),
        ("2019-05-15", ""),
        &["Medizin und Gesundheit", "Bildung und Wissenschaft", "Grüne Infrastruktur"],
        &[],
    )?;
    Ok(Register { stadt_dueren, kreis_dueren, kaiserslautern, herne })
}

fn kreis_dueren_to_jinhua(loader: &mut Loader, partnership: &str) -> Result<()> {
    use ItemKind::*;
    use MemberRole::*;
    let trip = loader.trip(
        partnership,
        "Delegationsreise des Kreises Düren in die Städteregion Jinhua",
        Direction::Outgoing,
        "Jinhua",
        SHANGHAI,
        ("2026-10-21", "2026-10-27"),
        "Anbahnung der Partnerschaft zwischen dem Kreis Düren und der Region Jinhua: Klimaschutz und Wasserstoff, Bildung und Wissenschaft, Wirtschaft und Handel, Kultur und Kunst.",
        TripStatus::Done,
        "Gegenbesuch auf Einladung der chinesischen Delegation vom Februar.",
    )?;
    loader.serve(
        &trip,
        &["Klimaschutz und Wasserstoff", "Bildung und Wissenschaft", "Wirtschaft und Handel", "Kultur und Kunst"],
    )?;
    let members = loader.delegation(
        &trip,
        &[
            person("Wolfgang Spelthahn", "", "Landrat", "Kreis Düren", "CDU", Head),
            person("Rolf Hamacher", "", "Mitglied des Kreistags", "Kreistag Düren", "SPD", Member),
            person("Emmanuel Ndahayo", "", "Mitglied des Kreistags", "Kreistag Düren", "Grüne", Member),
            person("Klaus Breuer", "", "Mitglied des Kreistags", "Kreistag Düren", "FDP", Member),
            person("Ralf Dick", "", "Mitglied des Kreistags", "Kreistag Düren", "AfD", Member),
            Person {
                dietary: "vegetarisch",
                ..person("Sabine Krings", "", "Geschäftsführerin", "Wirtschaftsförderung Kreis Düren", "", Organiser)
            },
            person("Li Na", "李娜", "Dolmetscherin", "Kreis Düren", "", Interpreter),
            person("Thomas Becker", "", "Protokoll", "Büro des Landrats", "", Protocol),
        ],
    )?;
    let hosts_jinhua = "Parteisekretär Zhu Chonglie (朱重烈), Stadtregierung Jinhua";
    loader.programme(
        &trip,
        &members,
        &[
            Entry {
                notes: "Treffpunkt 19:00 Uhr am Schalter der Air China, Terminal 1.",
                ..entry(
                    Flight,
                    "Flug CA 936 Frankfurt – Shanghai Pudong",
                    ("2026-10-21T21:30", BERLIN),
                    ("2026-10-22T15:00", SHANGHAI),
                    "Flughafen Frankfurt, Terminal 1",
                )
            },
            entry(
                Transfer,
                "Bustransfer nach Jinhua",
                ("2026-10-22T16:30", SHANGHAI),
                ("2026-10-22T20:00", SHANGHAI),
                "Shanghai Pudong – Jinhua",
            ),
            Entry {
                address: "Jinhua, Provinz Zhejiang",
                ..entry(
                    Hotel,
                    "Check-in Hotel",
                    ("2026-10-22T20:15", SHANGHAI),
                    ("2026-10-22T20:45", SHANGHAI),
                    "Jinhua International Hotel",
                )
            },
            Entry {
                hosts: hosts_jinhua,
                notes: "Dunkler Anzug. Gastgeschenk wird vom Protokoll übergeben.",
                internal: "Sitzordnung mit dem Außenamt Jinhua abgestimmt.",
                ..entry(
                    Reception,
                    "Empfang und Konferenz zur Zusammenarbeit",
                    ("2026-10-23T09:00", SHANGHAI),
                    ("2026-10-23T11:00", SHANGHAI),
                    "Rathaus Jinhua",
                )
            },
            Entry {
                hosts: "Geschäftsführung Hydrogenway Technology",
                notes: "Wasserstoff-Brennstoffzellenprodukte; Fertigung seit 2016.",
                ..entry(
                    Visit,
                    "Besuch bei Hydrogenway Technology",
                    ("2026-10-23T11:45", SHANGHAI),
                    ("2026-10-23T13:00", SHANGHAI),
                    "Hydrogenway Technology, Jinhua",
                )
            },
            entry(
                Meal,
                "Mittagessen",
                ("2026-10-23T13:00", SHANGHAI),
                ("2026-10-23T14:15", SHANGHAI),
                "Hydrogenway Technology, Jinhua",
            ),
            Entry {
                hosts: "Jinfei Intelligent Motorcycle Wheel",
                ..entry(
                    Visit,
                    "Besuch bei Jinfei Intelligent Motorcycle Wheel",
                    ("2026-10-23T15:00", SHANGHAI),
                    ("2026-10-23T16:30", SHANGHAI),
                    "Jinfei, Jinhua",
                )
            },
            Entry {
                hosts: hosts_jinhua,
                ..entry(
                    Meal,
                    "Abendessen auf Einladung der Stadtregierung",
                    ("2026-10-23T18:30", SHANGHAI),
                    ("2026-10-23T20:30", SHANGHAI),
                    "Jinhua International Hotel",
                )
            },
            Entry {
                hosts: "Hochschulleitung",
                notes: "Duale Ausbildung, Austausch von Studierenden, Wasserstoff-Technik.",
                ..entry(
                    Visit,
                    "Besuch der Zhejiang Normal University",
                    ("2026-10-24T09:30", SHANGHAI),
                    ("2026-10-24T11:30", SHANGHAI),
                    "Zhejiang Normal University (浙江师范大学)",
                )
            },
            entry(
                Transfer,
                "Transfer nach Yiwu",
                ("2026-10-24T12:00", SHANGHAI),
                ("2026-10-24T13:00", SHANGHAI),
                "Jinhua – Yiwu",
            ),
            Entry {
                notes: "Festes Schuhwerk; der Markt ist sehr weitläufig.",
                ..entry(
                    Visit,
                    "Yiwu International Trade City („Weltsupermarkt“)",
                    ("2026-10-24T14:00", SHANGHAI),
                    ("2026-10-24T17:00", SHANGHAI),
                    "Yiwu International Trade City",
                )
            },
            Entry {
                only: &[0, 5, 6],
                hosts: "Handelskammer Yiwu",
                internal: "Nur Landrat, Wirtschaftsförderung und Dolmetscherin.",
                ..entry(
                    Meeting,
                    "Gespräch über Handelsbeziehungen",
                    ("2026-10-24T17:30", SHANGHAI),
                    ("2026-10-24T18:30", SHANGHAI),
                    "Yiwu International Trade City",
                )
            },
            Entry {
                hosts: "Kulturzentrum Jinhua",
                ..entry(
                    Visit,
                    "Besuch des Kulturzentrums",
                    ("2026-10-25T10:00", SHANGHAI),
                    ("2026-10-25T12:00", SHANGHAI),
                    "Kulturzentrum Jinhua",
                )
            },
            entry(FreeTime, "Freie Zeit", ("2026-10-25T13:00", SHANGHAI), ("2026-10-25T18:00", SHANGHAI), ""),
            entry(
                ItemKind::Other,
                "Aufführung der Wu-Oper (婺剧)",
                ("2026-10-25T19:30", SHANGHAI),
                ("2026-10-25T21:30", SHANGHAI),
                "Kulturzentrum Jinhua",
            ),
            Entry {
                hosts: hosts_jinhua,
                notes: "Verabredung konkreter Projekte in den vier Themenbereichen.",
                ..entry(
                    Meeting,
                    "Arbeitsgespräch: nächste Schritte der Kooperation",
                    ("2026-10-26T09:00", SHANGHAI),
                    ("2026-10-26T11:00", SHANGHAI),
                    "Rathaus Jinhua",
                )
            },
            entry(
                Transfer,
                "Bustransfer nach Shanghai",
                ("2026-10-26T13:00", SHANGHAI),
                ("2026-10-26T16:30", SHANGHAI),
                "Jinhua – Shanghai",
            ),
            entry(
                Hotel,
                "Check-in Hotel",
                ("2026-10-26T17:00", SHANGHAI),
                ("2026-10-26T17:30", SHANGHAI),
                "Hotel am Flughafen Pudong",
            ),
            entry(
                Flight,
                "Flug CA 935 Shanghai Pudong – Frankfurt",
                ("2026-10-27T12:30", SHANGHAI),
                ("2026-10-27T18:30", BERLIN),
                "Flughafen Shanghai Pudong, Terminal 2",
            ),
        ],
    )
}

fn jinhua_in_dueren(loader: &mut Loader, partnership: &str) -> Result<()> {
    use ItemKind::*;
    use MemberRole::*;
    let trip = loader.trip(
        partnership,
        "Besuch der Delegation aus Jinhua in Düren",
        Direction::Incoming,
        "Jinhua",
        BERLIN,
        ("2026-06-15", "2026-06-17"),
        "Erster Besuch aus Jinhua nach mehr als vier Jahren; Unterzeichnung des Memorandums über die Vertiefung des freundschaftlichen Austausches.",
        TripStatus::Done,
        "",
    )?;
    loader.serve(
        &trip,
        &["Wirtschaft und Handel", "Kultur und Kunst", "Schule", "Medizin und Gesundheit", "Tourismus"],
    )?;
    let members = loader.delegation(
        &trip,
        &[
            person("Zhu Chonglie", "朱重烈", "Parteisekretär", "Stadt Jinhua", "", Head),
            person("Wang Wei", "王伟", "Direktor", "Büro für auswärtige Angelegenheiten Jinhua", "", Member),
            person(
                "Liu Yang",
                "刘洋",
                "Stellvertretender Direktor",
                "Amt für Wirtschaft und Informationstechnik Jinhua",
                "",
                Member,
            ),
            person("Zhang Min", "张敏", "Abteilungsleiterin", "Bildungsamt Jinhua", "", Member),
            person("Huang Lei", "黄磊", "Abteilungsleiter", "Gesundheitskommission Jinhua", "", Member),
            person("Zhao Li", "赵丽", "Protokoll", "Büro für auswärtige Angelegenheiten Jinhua", "", Protocol),
            person("Chen Jing", "陈静", "Dolmetscherin", "Büro für auswärtige Angelegenheiten Jinhua", "", Interpreter),
        ],
    )?;
    let mayor = "Bürgermeister Frank Peter Ullrich";
    loader.programme(
        &trip,
        &members,
        &[
            entry(Flight, "Ankunft: Flug CA 965 Shanghai Pudong – Frankfurt", ("2026-06-15T00:35", SHANGHAI), ("2026-06-15T07:00", BERLIN), "Flughafen Frankfurt, Terminal 1"),
            entry(Transfer, "Transfer nach Düren", ("2026-06-15T08:30", BERLIN), ("2026-06-15T11:00", BERLIN), "Frankfurt – Düren"),
            Entry {
                address: "Aussichtspunkt Indemann, 52459 Inden",
                hosts: "RWE Power, Strukturwandel-Team",
                notes: "Panoramablick auf den Tagebau; wetterfeste Kleidung.",
                ..entry(Visit, "Tagebau Inden: Strukturwandel im Rheinischen Revier", ("2026-06-15T14:00", BERLIN), ("2026-06-15T16:00", BERLIN), "Tagebau Inden")
            },
            entry(Meal, "Abendessen", ("2026-06-15T18:30", BERLIN), ("2026-06-15T20:30", BERLIN), "Hotel in Düren"),
            Entry {
                address: "Kaiserplatz 2–4, 52349 Düren",
                hosts: mayor,
                notes: "Eintrag in das Goldene Buch der Stadt.",
                ..entry(Reception, "Empfang im Rathaus", ("2026-06-16T10:00", BERLIN), ("2026-06-16T11:30", BERLIN), "Rathaus Düren")
            },
            entry(Meal, "Mittagessen", ("2026-06-16T12:00", BERLIN), ("2026-06-16T13:30", BERLIN), "Rathaus Düren"),
            Entry {
                address: "Altenteich 14, 52349 Düren",
                hosts: "Schulleitung und Lehrkräfte des deutsch-chinesischen Schulaustausches",
                ..entry(Visit, "Besuch des Stiftischen Gymnasiums", ("2026-06-16T14:00", BERLIN), ("2026-06-16T15:15", BERLIN), "Stiftisches Gymnasium")
            },
            Entry {
                hosts: mayor,
                notes: "Unterzeichnung des Memorandums am „Glückspavillon“, dem Geschenk Jinhuas zum 10-jährigen Jubiläum.",
                internal: "Zwei Ausfertigungen (deutsch/chinesisch) bereithalten; Presse ab 15:45 Uhr.",
                ..entry(Ceremony, "Unterzeichnung des Memorandums", ("2026-06-16T16:00", BERLIN), ("2026-06-16T17:00", BERLIN), "Alte Stadtgärtnerei")
            },
            Entry {
                address: "Hoeschplatz 1, 52349 Düren",
                hosts: "Museumsdirektorin Anja Dorn",
                ..entry(Visit, "Führung im Leopold-Hoesch-Museum und Ausklang", ("2026-06-16T17:45", BERLIN), ("2026-06-16T20:00", BERLIN), "Leopold-Hoesch-Museum")
            },
            Entry {
                only: &[0, 1, 6],
                hosts: "Wirtschaftsförderung Düren",
                ..entry(Meeting, "Gespräch zur Wirtschaftskooperation", ("2026-06-17T08:30", BERLIN), ("2026-06-17T09:30", BERLIN), "Rathaus Düren")
            },
            entry(Transfer, "Transfer zum Flughafen Frankfurt", ("2026-06-17T10:00", BERLIN), ("2026-06-17T12:30", BERLIN), "Düren – Frankfurt"),
            entry(Flight, "Abflug: Flug CA 966 Frankfurt – Shanghai Pudong", ("2026-06-17T14:30", BERLIN), ("2026-06-18T07:30", SHANGHAI), "Flughafen Frankfurt, Terminal 1"),
        ],
    )
}

fn yangzhou_in_kaiserslautern(loader: &mut Loader, partnership: &str) -> Result<()> {
    use ItemKind::*;
    use MemberRole::*;
    let trip = loader.trip(
        partnership,
        "Delegation aus Yangzhou in der Wirtschaftsregion Kaiserslautern",
        Direction::Incoming,
        "Yangzhou",
        BERLIN,
        ("2026-07-08", "2026-07-09"),
        "Folgebesuch zum Rahmenabkommen von 2019: Unterzeichnung eines Memorandums zu Start-ups und Technologie.",
        TripStatus::Done,
        "21-köpfige Delegation; Betreuung durch das China-Kompetenzzentrum der WFK.",
    )?;
    loader.serve(&trip, &["Wirtschaft und Handel", "Bildung und Wissenschaft"])?;
    let members = loader.delegation(
        &trip,
        &[
            person("Xia Xinmin", "夏心旻", "Oberbürgermeister", "Stadt Yangzhou", "", Head),
            person("Sun Hao", "孙浩", "Direktor", "Handelsamt Yangzhou", "", Member),
            person("Xu Fang", "徐芳", "Dolmetscherin", "Stadt Yangzhou", "", Interpreter),
        ],
    )?;
    loader.programme(
        &trip,
        &members,
        &[
            Entry {
                address: "Willy-Brandt-Platz 1, 67657 Kaiserslautern",
                hosts: "Bürgermeisterin Beate Kimmel, Landrat Ralf Leßmeister",
                ..entry(
                    Ceremony,
                    "Begrüßung und Unterzeichnung des Memorandums",
                    ("2026-07-08T10:00", BERLIN),
                    ("2026-07-08T12:00", BERLIN),
                    "Rathaus Kaiserslautern",
                )
            },
            Entry {
                hosts: "Wirtschaftsförderungsgesellschaft Stadt und Landkreis Kaiserslautern (WFK)",
                ..entry(
                    Visit,
                    "Besuch von Start-ups und Forschungseinrichtungen",
                    ("2026-07-08T14:00", BERLIN),
                    ("2026-07-08T17:00", BERLIN),
                    "Technologiepark Kaiserslautern",
                )
            },
        ],
    )?;
    Ok(())
}

fn herne_to_luzhou(loader: &mut Loader, partnership: &str) -> Result<()> {
    loader.trip(
        partnership,
        "Delegationsreise nach Luzhou",
        Direction::Outgoing,
        "Luzhou",
        SHANGHAI,
        ("2027-05-10", "2027-05-15"),
        "Ein Jahr Städtepartnerschaft Herne–Luzhou: Gesundheitswesen, Bildung, grüne Infrastruktur, ruhrvalley.",
        TripStatus::Idea,
        "",
    )?;
    Ok(())
}

/// What the delegations gave and received, for the gifts register. Givers and recipients are
/// register entries named as the trips above created them.
fn gifts_of_the_seed_trips(conn: &Connection) -> Result<()> {
    use crate::gifts::{create_gift, GiftDecision::*, GiftDirection::*, GiftInput};
    use RegisterKind::{Organisation as Org, Person as Who};
    let to_jinhua = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
    let from_jinhua = "Besuch der Delegation aus Jinhua in Düren";
    let from_yangzhou = "Delegation aus Yangzhou in der Wirtschaftsregion Kaiserslautern";
    let (landrat, zhu, ullrich) = ((Who, "Wolfgang Spelthahn"), (Who, "Zhu Chonglie"), (Who, "Frank Peter Ullrich"));
    let (kimmel, xia) = ((Who, "Beate Kimmel"), (Who, "Xia Xinmin"));
    let (kreis, jinhua) = ((Org, "Kreis Düren"), (Org, "Stadtregierung Jinhua"));
    let conference = "Empfang und Konferenz zur Zusammenarbeit";
    let gifts = [
        (
            to_jinhua,
            Given,
            "Porzellanteller mit Ansicht der Burg Nideggen, handbemalt",
            landrat,
            zhu,
            conference,
            "2026-10-23",
            "180,00",
            "EUR",
            "",
        ),
        (
            to_jinhua,
            Given,
            "Bildband „Der Kreis Düren“ und Mappe mit handgeschöpftem Dürener Papier",
            kreis,
            jinhua,
            "Abendessen auf Einladung der Stadtregierung",
            "2026-10-23",
            "65,00",
            "EUR",
            "",
        ),
        (
            to_jinhua,
            Received,
            "Teeservice aus Longquan-Seladon in Holzkassette",
            zhu,
            landrat,
            conference,
            "2026-10-23",
            "1.200,00",
            "CNY",
            "Vitrine im Büro des Landrats, Kreishaus Düren",
        ),
        (
            to_jinhua,
            Received,
            "Seidenmalerei „Berge von Jinhua“, gerahmt",
            jinhua,
            kreis,
            "Arbeitsgespräch: nächste Schritte der Kooperation",
            "2026-10-26",
            "2.800,00",
            "CNY",
            "Kreishaus Düren, Sitzungssaal",
        ),
        (
            from_jinhua,
            Given,
            "Gerahmte Stadtansicht auf handgeschöpftem Papier aus Düren",
            ullrich,
            zhu,
            "Empfang im Rathaus",
            "2026-06-16",
            "120,00",
            "EUR",
            "",
        ),
        (
            from_jinhua,
            Received,
            "Rollbild mit Kalligrafie „Freundschaft über tausend Meilen“",
            zhu,
            ullrich,
            "Unterzeichnung des Memorandums",
            "2026-06-16",
            "1.500,00",
            "CNY",
            "Rathaus Düren, Amtszimmer des Bürgermeisters",
        ),
        (
            from_yangzhou,
            Received,
            "Lackschatulle mit Perlmutteinlagen (Yangzhouer Lackkunst)",
            xia,
            kimmel,
            "Begrüßung und Unterzeichnung des Memorandums",
            "2026-07-08",
            "900,00",
            "CNY",
            "Rathaus Kaiserslautern, Vitrine im Foyer",
        ),
        (
            from_yangzhou,
            Given,
            "Pfälzer Weinpräsent mit Bildband „Kaiserslautern“",
            kimmel,
            xia,
            "Begrüßung und Unterzeichnung des Memorandums",
            "2026-07-08",
            "45,00",
            "EUR",
            "",
        ),
    ];
    let entry = |(kind, name): (RegisterKind, &str)| -> Result<RegisterRef> {
        let sql = match kind {
            Who => "SELECT id FROM people WHERE name_latin = ?1 ORDER BY created_at LIMIT 1",
            Org => "SELECT id FROM organisations WHERE name = ?1 ORDER BY created_at LIMIT 1",
        };
        Ok(RegisterRef { kind, id: conn.query_row(sql, [name], |row| row.get(0))? })
    };
    // What the office decided of the received gifts above its limit; the lacquer box from
    // Yangzhou still waits for a decision.
    let decisions = [
        ("Teeservice aus Longquan-Seladon in Holzkassette", KeptByOffice, "Landrat Wolfgang Spelthahn", "2026-11-03"),
        ("Seidenmalerei „Berge von Jinhua“, gerahmt", KeptByOffice, "Landrat Wolfgang Spelthahn", "2026-11-03"),
        (
            "Rollbild mit Kalligrafie „Freundschaft über tausend Meilen“",
            Museum,
            "Bürgermeister Frank Peter Ullrich",
            "2026-07-01",
        ),
    ];
    for (trip, direction, description, giver, recipient, occasion, given_on, value, currency, kept_at) in gifts {
        let trip_id: String = conn.query_row("SELECT id FROM trips WHERE title = ?1", [trip], |row| row.get(0))?;
        let decided = decisions.iter().find(|(what, ..)| *what == description);
        let input = GiftInput {
            direction,
            description: description.into(),
            giver: Some(entry(giver)?),
            recipient: Some(entry(recipient)?),
            occasion: occasion.into(),
            given_on: given_on.into(),
            value: value.into(),
            currency: currency.into(),
            kept_at: kept_at.into(),
            notes: String::new(),
            partnership_id: None,
            decision: decided.map(|(_, decision, ..)| *decision),
            decided_by: decided.map(|(_, _, by, _)| by.to_string()).unwrap_or_default(),
            decided_on: decided.map(|(.., on)| on.to_string()).unwrap_or_default(),
            published: decided.is_some(),
        };
        create_gift(conn, &trip_id, &input)?;
    }
    // No trip brought it: Jinhua's present for the tenth anniversary of the partnership, which
    // stands in the Alte Stadtgärtnerei where the memorandum of 2026 was signed.
    let stadt_dueren: String = conn.query_row(
        "SELECT id FROM partnerships WHERE our_side = 'Stadt Düren' AND partner_place = 'Jinhua'",
        [],
        |row| row.get(0),
    )?;
    let pavilion = GiftInput {
        direction: Received,
        description: "„Glückspavillon“ im chinesischen Stil".into(),
        giver: Some(entry((Org, "Stadtregierung Jinhua"))?),
        recipient: Some(entry((Org, "Stadt Düren"))?),
        occasion: "10 Jahre Städtepartnerschaft Düren – Jinhua".into(),
        given_on: "2012-10-12".into(),
        value: String::new(),
        currency: "EUR".into(),
        kept_at: "Alte Stadtgärtnerei Düren".into(),
        notes: String::new(),
        partnership_id: Some(stadt_dueren),
        decision: Some(KeptByOffice),
        decided_by: "Rat der Stadt Düren".into(),
        decided_on: "2012-11-06".into(),
        published: true,
    };
    crate::gifts::create_gift_without_trip(conn, &pavilion)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_seed_trips_without_warnings_in_one_transaction() {
        let conn = crate::store::open_in_memory().unwrap();
        let summary = load_demo(&conn).unwrap();
        assert_eq!((summary.partnerships, summary.agreements, summary.trips), (4, 6, 5));
        let page = crate::trips::list_trips(&conn, &Default::default()).unwrap();
        assert_eq!(page.total, 5);
        for trip in &page.items {
            assert!(trip.partnership_label.is_some(), "{} is linked to its partnership", trip.title);
            let view = crate::programme::programme_view(&conn, &trip.id).unwrap();
            assert!(view.warnings.is_empty(), "{}: {:?}", trip.title, view.warnings);
            assert!(view.outside.is_empty(), "{}", trip.title);
        }
        let jinhua = page.items.iter().find(|t| t.title.starts_with("Delegationsreise des Kreises")).unwrap();
        assert_eq!((jinhua.member_count, jinhua.item_count), (8, 19));

        // The party secretary signed the memorandum, hosted the delegation in Jinhua and
        // led the delegation to Düren: one record with all of it.
        let query = crate::contacts::people::RegisterQuery { search: "朱重烈".into(), ..Default::default() };
        let zhu = crate::contacts::people::list_people(&conn, &query).unwrap().items.remove(0);
        let record = crate::contacts::people::person_record(&conn, &zhu.id).unwrap();
        assert_eq!(record.agreements.len(), 1);
        assert_eq!(record.trips.len(), 2);
        use crate::contacts::people::ItemPart;
        assert!(record.items.iter().any(|i| i.part == ItemPart::Hosted));
        assert!(record.items.iter().any(|i| i.part == ItemPart::TookPart));
    }

    #[test]
    fn three_companies_registered_for_kaiserslautern_and_firms_attended_in_jinhua() {
        use crate::contacts::people::{list_people, person_record, ItemPart, RegisterQuery};
        use crate::registrations::{trip_registrations, RegistrationStatus};
        let conn = crate::store::open_in_memory().unwrap();
        load_demo(&conn).unwrap();
        let trip = crate::trips::list_trips(&conn, &Default::default())
            .unwrap()
            .items
            .into_iter()
            .find(|t| t.title == participants::KAISERSLAUTERN_TRIP)
            .unwrap();
        let list = trip_registrations(&conn, &trip.id).unwrap();
        let companies: Vec<_> = list.registrations.iter().map(|r| (r.organisation.as_str(), r.status)).collect();
        assert_eq!(
            companies,
            [
                ("Westpfalz Präzisionstechnik GmbH", RegistrationStatus::Confirmed),
                ("Barbarossa Logistik GmbH & Co. KG", RegistrationStatus::Registered),
                ("Lautertal Software AG", RegistrationStatus::Registered),
                ("Hochschule Kaiserslautern", RegistrationStatus::Invited),
            ]
        );
        assert_eq!(list.registrations[0].member.as_ref().unwrap().label, "Dr. Katrin HAUCK");
        assert_eq!(list.cost_shares_cents, 195_000 * 2 + 120_000);

        let query = RegisterQuery { search: "Ye Qing".into(), ..Default::default() };
        let ye = list_people(&conn, &query).unwrap().items.remove(0);
        let items = person_record(&conn, &ye.id).unwrap().items;
        assert_eq!(
            items.iter().map(|i| (i.title.as_str(), i.part)).collect::<Vec<_>>(),
            [("Empfang und Konferenz zur Zusammenarbeit", ItemPart::Attended)]
        );
    }
}
