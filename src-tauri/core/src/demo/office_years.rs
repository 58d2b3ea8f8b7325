//! An office with decades of history, to measure Partnerdesk and try it at scale
//! (`partnerdesk demo --office-years 20`): a hundred trips a year, both ways, across six
//! partnerships; a register of German and Chinese people (names in characters and pinyin) and
//! organisations; each trip with a delegation from it, a programme of twenty items hosted by
//! its organisations, follow-up tasks, outcomes and gifts; agreements signed over the years.
//! The same seed gives the same office; a database that holds records already is refused.

use chrono::{Days, NaiveDate, TimeZone, Utc};
use rusqlite::Connection;
use serde::Serialize;

use crate::contacts::find_or_create::{ensure_person, NewPerson};
use crate::contacts::organisations::{create_organisation, OrganisationInput, OrganisationKind};
use crate::delegation::{add_member, MemberInput};
use crate::error::{Error, Result};
use crate::gifts::{create_gift, GiftDecision, GiftDirection, GiftInput};
use crate::names::transliteration::{organisation_pinyin, person_pinyin};
use crate::outcomes::{add_outcome, OutcomeInput};
use crate::partnerships::agreements::{add_agreement, AgreementInput, AgreementKind};
use crate::partnerships::{create_partnership, OurSideKind, PartnershipInput, PartnershipKind, PartnershipStatus};
use crate::programme::{add_item, ItemInput, ItemKind};
use crate::store::atomically;
use crate::tasks::{create_task, TaskInput, TaskStatus};
use crate::trips::{create_trip, TripInput, TripStatus};
use crate::vocabulary::{Direction, MemberRole, RegisterKind, RegisterRef, Side};

pub const TRIPS_PER_YEAR: usize = 100;
const MEMBERS_PER_TRIP: usize = 10;
const ITEMS_PER_TRIP: usize = 20;
const TASKS_PER_TRIP: usize = 25;
const CHINESE_PEOPLE_PER_YEAR: usize = 800;
const GERMAN_PEOPLE_PER_YEAR: usize = 100;
/// The last year of the office's history; its last trips are still ahead.
const LAST_YEAR: i32 = 2026;
/// The day the office's history is written as of: trips before it are done.
const AS_OF: (i32, u32, u32) = (2026, 12, 1);

/// What the office holds once written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OfficeSummary {
    pub years: usize,
    pub partnerships: usize,
    pub agreements: usize,
    pub trips: usize,
    pub members: usize,
    pub items: usize,
    pub people: usize,
    pub organisations: usize,
    pub tasks: usize,
    pub outcomes: usize,
    pub gifts: usize,
}

/// SplitMix64: the office's randomness, the same for the same seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % bound.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for at in (1..items.len()).rev() {
            items.swap(at, self.below(at + 1));
        }
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗",
];
const GIVEN: &[&str] = &[
    "伟", "娜", "磊", "敏", "静", "丽", "强", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
    "刚", "华", "玲", "芳", "鹏", "辉", "红", "建", "国", "文", "斌",
];
const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Bernd",
    "Claudia",
    "Dieter",
    "Elke",
    "Frank",
    "Gabriele",
    "Hans",
    "Ingrid",
    "Jürgen",
    "Karin",
    "Lothar",
    "Monika",
    "Norbert",
    "Petra",
    "Rainer",
    "Sabine",
    "Thomas",
    "Ursula",
    "Volker",
    "Waltraud",
    "Yvonne",
    "Jörg",
    "Ulrike",
    "Stefan",
    "Kerstin",
    "Michael",
    "Birgit",
    "Andreas",
    "Heike",
    "Matthias",
    "Susanne",
    "Christian",
    "Martina",
    "Markus",
    "Andrea",
    "Tobias",
    "Katrin",
    "Sebastian",
    "Julia",
];
const FAMILY_NAMES: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Schmitz",
    "Krause",
    "Meier",
    "Lehmann",
    "Schmid",
    "Schulze",
    "Maier",
    "Köhler",
    "Herrmann",
    "König",
    "Walter",
    "Mayer",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Lang",
    "Scholz",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Krings",
];
const PARTIES: &[&str] = &["CDU", "SPD", "Grüne", "FDP", "Linke", "Freie Wähler"];
const GERMAN_FUNCTIONS: &[&str] = &[
    "Ratsmitglied",
    "Ratsmitglied",
    "Ratsmitglied",
    "Geschäftsführer",
    "Geschäftsführerin",
    "Schulleiterin",
    "Leiter des Amtes für Wirtschaftsförderung",
    "Referentin für internationale Beziehungen",
    "Dolmetscherin",
    "Pressesprecher",
];
const CHINESE_FUNCTIONS: &[&str] = &[
    "Bürgermeister",
    "Stellvertretende Bürgermeisterin",
    "Direktor des Außenamts",
    "Direktorin des Bildungsbüros",
    "Abteilungsleiter",
    "Geschäftsführer",
    "Dolmetscherin",
    "Sekretär",
    "Schulleiter",
    "Professorin",
];

/// A partner city with its districts, for the register's organisations.
struct City {
    name: &'static str,
    han: &'static str,
}

const CITIES: &[City] = &[
    City { name: "Jinhua", han: "金华" },
    City { name: "Yiwu", han: "义乌" },
    City { name: "Lanxi", han: "兰溪" },
    City { name: "Dongyang", han: "东阳" },
    City { name: "Yongkang", han: "永康" },
    City { name: "Wuyi", han: "武义" },
    City { name: "Pujiang", han: "浦江" },
    City { name: "Yangzhou", han: "扬州" },
    City { name: "Jiangdu", han: "江都" },
    City { name: "Yizheng", han: "仪征" },
    City { name: "Gaoyou", han: "高邮" },
    City { name: "Baoying", han: "宝应" },
    City { name: "Luzhou", han: "泸州" },
    City { name: "Hejiang", han: "合江" },
    City { name: "Xuyong", han: "叙永" },
    City { name: "Gulin", han: "古蔺" },
];
const BUREAUS: &[(&str, &str, OrganisationKind)] = &[
    ("市教育局", "Bildungsbüro", OrganisationKind::Government),
    ("市外事办公室", "Außenamt", OrganisationKind::Government),
    ("市商务局", "Handelsbüro", OrganisationKind::Government),
    ("市文化和旅游局", "Kultur- und Tourismusbüro", OrganisationKind::Government),
    ("市科学技术局", "Wissenschaftsbüro", OrganisationKind::Government),
    ("市卫生健康委员会", "Gesundheitskommission", OrganisationKind::Government),
    ("市人民政府", "Stadtregierung", OrganisationKind::CityHall),
    ("市体育局", "Sportbüro", OrganisationKind::Government),
    ("市生态环境局", "Umweltbüro", OrganisationKind::Government),
    ("市委", "Parteikomitee", OrganisationKind::PartyCommittee),
];
const BRANDS: &[&str] = &["华联", "东方", "金龙", "天宇", "恒通", "新世纪"];
const INDUSTRIES: &[(&str, &str)] = &[
    ("科技", "Technologie"),
    ("新能源", "Neue Energien"),
    ("机械", "Maschinenbau"),
    ("纺织", "Textil"),
    ("医药", "Pharma"),
    ("物流", "Logistik"),
    ("食品", "Lebensmittel"),
    ("汽车零部件", "Autoteile"),
    ("化工", "Chemie"),
    ("电子", "Elektronik"),
];
const TOWNS: &[&str] = &[
    "Düren",
    "Kreuzau",
    "Nideggen",
    "Jülich",
    "Langerwehe",
    "Niederzier",
    "Merzenich",
    "Nörvenich",
    "Vettweiß",
    "Heimbach",
    "Kaiserslautern",
    "Landstuhl",
    "Ramstein",
    "Otterberg",
    "Herne",
    "Bochum",
    "Castrop-Rauxel",
    "Wanne-Eickel",
    "Hürtgenwald",
    "Inden",
];
const INSTITUTIONS: &[(&str, OrganisationKind)] = &[
    ("Stadtwerke", OrganisationKind::Company),
    ("Sparkasse", OrganisationKind::Company),
    ("Gymnasium", OrganisationKind::School),
    ("Realschule", OrganisationKind::School),
    ("Musikschule", OrganisationKind::School),
    ("Volkshochschule", OrganisationKind::School),
    ("Stadtbibliothek", OrganisationKind::Other),
    ("Stadtmuseum", OrganisationKind::Museum),
    ("Sportverein", OrganisationKind::Association),
    ("Partnerschaftsverein", OrganisationKind::Association),
];
const GERMAN_INDUSTRIES: &[&str] =
    &["Papier", "Maschinenbau", "Logistik", "Solartechnik", "Wasserstoff", "Medizintechnik"];

struct PartnershipPlan {
    our_side: &'static str,
    our_side_kind: OurSideKind,
    home_zone: &'static str,
    city: &'static str,
    province: &'static str,
    kind: PartnershipKind,
    since: &'static str,
    /// The city's organisations in `CITIES`, from..to.
    cities: (usize, usize),
}

const PARTNERSHIPS: &[PartnershipPlan] = &[
    PartnershipPlan {
        our_side: "Stadt Düren",
        our_side_kind: OurSideKind::City,
        home_zone: "Europe/Berlin",
        city: "Jinhua",
        province: "Zhejiang",
        kind: PartnershipKind::TownTwinning,
        since: "2002-01-01",
        cities: (0, 7),
    },
    PartnershipPlan {
        our_side: "Kreis Düren",
        our_side_kind: OurSideKind::District,
        home_zone: "Europe/Berlin",
        city: "Jinhua (Städteregion)",
        province: "Zhejiang",
        kind: PartnershipKind::RegionalCooperation,
        since: "2006-05-12",
        cities: (0, 7),
    },
    PartnershipPlan {
        our_side: "Kreis Düren",
        our_side_kind: OurSideKind::District,
        home_zone: "Europe/Berlin",
        city: "Yiwu",
        province: "Zhejiang",
        kind: PartnershipKind::ProjectPartnership,
        since: "2014-09-01",
        cities: (1, 2),
    },
    PartnershipPlan {
        our_side: "Stadt Kaiserslautern",
        our_side_kind: OurSideKind::City,
        home_zone: "Europe/Berlin",
        city: "Yangzhou",
        province: "Jiangsu",
        kind: PartnershipKind::TownTwinning,
        since: "1997-04-20",
        cities: (7, 12),
    },
    PartnershipPlan {
        our_side: "Wirtschaftsförderung Westpfalz",
        our_side_kind: OurSideKind::Agency,
        home_zone: "Europe/Berlin",
        city: "Jiangdu",
        province: "Jiangsu",
        kind: PartnershipKind::ProjectPartnership,
        since: "2011-03-15",
        cities: (8, 9),
    },
    PartnershipPlan {
        our_side: "Stadt Herne",
        our_side_kind: OurSideKind::City,
        home_zone: "Europe/Berlin",
        city: "Luzhou",
        province: "Sichuan",
        kind: PartnershipKind::Friendship,
        since: "2005-10-08",
        cities: (12, 16),
    },
];

const ITEM_PLANS: &[(ItemKind, &str)] = &[
    (ItemKind::Reception, "Empfang durch {org}"),
    (ItemKind::Meeting, "Arbeitsgespräch mit {org}"),
    (ItemKind::Visit, "Besuch bei {org}"),
    (ItemKind::Meal, "Abendessen auf Einladung von {org}"),
    (ItemKind::Meeting, "Fachgespräch Schüleraustausch mit {org}"),
    (ItemKind::Visit, "Besichtigung der Produktion von {org}"),
    (ItemKind::Ceremony, "Unterzeichnung einer Absichtserklärung mit {org}"),
    (ItemKind::Transfer, "Bustransfer zu {org}"),
];
const TASK_PLANS: &[&str] = &[
    "Dankschreiben an {org} senden",
    "Fotos und Pressemitteilung an die Lokalpresse",
    "Bericht für den Ausschuss für internationale Beziehungen",
    "Angebot für den Schüleraustausch mit {org} prüfen",
    "Kontaktdaten von {org} ins Register übernehmen",
    "Rückfragen von {org} zur Kooperation beantworten",
    "Abrechnung der Reisekosten",
    "Gegenbesuch mit {org} abstimmen",
];
const GIFTS: &[(&str, &str, &str)] = &[
    ("Porzellanteller mit Stadtansicht, handbemalt", "180,00", "EUR"),
    ("Bildband über die Region und Mappe mit handgeschöpftem Papier", "65,00", "EUR"),
    ("Teeservice aus Longquan-Seladon in Holzkassette", "1.200,00", "CNY"),
    ("Seidenmalerei, gerahmt", "2.800,00", "CNY"),
    ("Kalligrafie mit einem Vers über die Freundschaft", "900,00", "CNY"),
];

/// Writes an office of `years` years of history, from `seed`, into an empty database.
pub fn write_office(conn: &Connection, years: usize, seed: u64) -> Result<OfficeSummary> {
    if !(1..=50).contains(&years) {
        return Err(Error::field("office_years", "out_of_range", "give between 1 and 50 years"));
    }
    let records: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM trips) + (SELECT count(*) FROM people) + (SELECT count(*) FROM organisations)
              + (SELECT count(*) FROM partnerships) + (SELECT count(*) FROM tasks)",
        [],
        |row| row.get(0),
    )?;
    if records > 0 {
        return Err(Error::field(
            "office_years",
            "not_empty",
            "this database holds records already; the office's history is written only into an empty one",
        ));
    }
    atomically(conn, |conn| Writer::new(conn, years, seed).write())
}

struct Writer<'c> {
    conn: &'c Connection,
    rng: Rng,
    years: usize,
    summary: OfficeSummary,
    themes: Vec<String>,
    as_of: NaiveDate,
}

/// The register of one side: people and organisations by partner city, or of the home towns.
struct Register {
    chinese: Vec<(String, String)>,
    german: Vec<(String, String)>,
    /// Organisations in China per city, in `CITIES` order.
    chinese_organisations: Vec<Vec<(String, String)>>,
    german_organisations: Vec<(String, String)>,
}

impl<'c> Writer<'c> {
    fn new(conn: &'c Connection, years: usize, seed: u64) -> Self {
        Writer {
            conn,
            rng: Rng(seed),
            years,
            summary: OfficeSummary { years, ..OfficeSummary::default() },
            themes: Vec::new(),
            as_of: NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap_or_default(),
        }
    }

    fn write(mut self) -> Result<OfficeSummary> {
        self.themes = self
            .conn
            .prepare("SELECT id FROM theme_areas ORDER BY id")?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let register = self.register()?;
        let mut partnership_ids = Vec::new();
        for plan in PARTNERSHIPS {
            partnership_ids.push(self.partnership(plan, &register)?);
        }
        let first_year = LAST_YEAR - self.years as i32 + 1;
        for year in first_year..=LAST_YEAR {
            for number in 0..TRIPS_PER_YEAR {
                let which = self.rng.below(PARTNERSHIPS.len());
                self.trip(year, number, &PARTNERSHIPS[which], &partnership_ids[which], &register)?;
            }
        }
        Ok(self.summary)
    }

    fn register(&mut self) -> Result<Register> {
        let mut two_characters: Vec<String> =
            SURNAMES.iter().flat_map(|surname| GIVEN.iter().map(move |given| format!("{surname}{given}"))).collect();
        let mut three_characters: Vec<String> = SURNAMES
            .iter()
            .flat_map(|surname| {
                GIVEN.iter().flat_map(move |first| GIVEN.iter().map(move |second| format!("{surname}{first}{second}")))
            })
            .collect();
        self.rng.shuffle(&mut two_characters);
        self.rng.shuffle(&mut three_characters);
        // Two-character names such as 王伟 are common: a quarter of the people have one.
        let wanted = CHINESE_PEOPLE_PER_YEAR * self.years;
        two_characters.truncate(wanted / 4);
        three_characters.truncate(wanted - two_characters.len());
        let chinese_names = two_characters.into_iter().chain(three_characters);
        let mut chinese = Vec::new();
        for original in chinese_names {
            let latin = person_pinyin(&original, "").unwrap_or_else(|| original.clone());
            let function = self.rng.pick(CHINESE_FUNCTIONS).to_string();
            let id = ensure_person(self.conn, &NewPerson::named(latin.clone(), original, function, Side::Partner))?;
            chinese.push((id, latin));
        }
        let mut german_names: Vec<String> = FIRST_NAMES
            .iter()
            .flat_map(|first| FAMILY_NAMES.iter().map(move |family| format!("{first} {family}")))
            .collect();
        self.rng.shuffle(&mut german_names);
        german_names.truncate(GERMAN_PEOPLE_PER_YEAR * self.years);
        let mut german = Vec::new();
        for name in german_names {
            let function = self.rng.pick(GERMAN_FUNCTIONS).to_string();
            let id = ensure_person(self.conn, &NewPerson::named(name.clone(), String::new(), function, Side::Ours))?;
            german.push((id, name));
        }
        self.summary.people = chinese.len() + german.len();

        let mut chinese_organisations = Vec::new();
        for city in CITIES {
            let mut here = Vec::new();
            for (suffix, german_name, kind) in BUREAUS {
                let original = format!("{}{suffix}", city.han);
                here.push(self.organisation(
                    &format!("{german_name} {}", city.name),
                    &original,
                    *kind,
                    Side::Partner,
                )?);
            }
            for school in 1..=(self.years.min(20)) {
                let original = format!("{}市第{school}中学", city.han);
                let name = format!("Mittelschule Nr. {school} {}", city.name);
                here.push(self.organisation(&name, &original, OrganisationKind::School, Side::Partner)?);
            }
            for brand in BRANDS.iter().take(self.years.div_ceil(4)) {
                for (industry, german_industry) in INDUSTRIES {
                    let original = format!("{}{brand}{industry}有限公司", city.han);
                    let latin = organisation_pinyin(&format!("{}{brand}", city.han)).unwrap_or_default();
                    let name = format!("{latin} {german_industry} Co., Ltd.");
                    here.push(self.organisation(&name, &original, OrganisationKind::Company, Side::Partner)?);
                }
            }
            chinese_organisations.push(here);
        }
        let mut german_organisations = Vec::new();
        for town in TOWNS {
            for (institution, kind) in INSTITUTIONS {
                german_organisations.push(self.organisation(
                    &format!("{institution} {town}"),
                    "",
                    *kind,
                    Side::Ours,
                )?);
            }
        }
        for family in FAMILY_NAMES.iter().take(self.years * 2 + 10) {
            for industry in GERMAN_INDUSTRIES {
                let name = format!("{family} {industry} GmbH");
                german_organisations.push(self.organisation(&name, "", OrganisationKind::Company, Side::Ours)?);
            }
        }
        Ok(Register { chinese, german, chinese_organisations, german_organisations })
    }

    fn organisation(
        &mut self,
        name: &str,
        original: &str,
        kind: OrganisationKind,
        side: Side,
    ) -> Result<(String, String)> {
        let input = OrganisationInput {
            name: name.to_string(),
            name_original: original.to_string(),
            kind: Some(kind),
            side: Some(side),
            ..OrganisationInput::default()
        };
        let organisation = create_organisation(self.conn, &input)?;
        self.summary.organisations += 1;
        Ok((organisation.id, name.to_string()))
    }

    fn partnership(&mut self, plan: &PartnershipPlan, register: &Register) -> Result<String> {
        let input = PartnershipInput {
            our_side: plan.our_side.into(),
            our_side_kind: plan.our_side_kind,
            partner_place: plan.city.into(),
            partner_province: plan.province.into(),
            partner_country: "China".into(),
            partner_zone: "Asia/Shanghai".into(),
            kind: plan.kind,
            since: plan.since.into(),
            status: PartnershipStatus::Active,
            description: format!(
                "{} und {} arbeiten in Bildung, Wirtschaft und Kultur zusammen.",
                plan.our_side, plan.city
            ),
            our_body_ids: Vec::new(),
        };
        let partnership = create_partnership(self.conn, &input, self.as_of)?;
        self.summary.partnerships += 1;
        let first_year = LAST_YEAR - self.years as i32 + 1;
        for year in (first_year..=LAST_YEAR).step_by(4) {
            let signed_on = format!("{year}-{:02}-{:02}", 1 + self.rng.below(12), 1 + self.rng.below(28));
            let until = format!("{}-12-31", year + 4);
            let (ours, _) = self.rng.pick(&register.german).clone();
            let (theirs, _) = self.rng.pick(&register.chinese).clone();
            let kind = *self.rng.pick(&[
                AgreementKind::Memorandum,
                AgreementKind::CooperationAgreement,
                AgreementKind::LetterOfIntent,
            ]);
            let input = AgreementInput {
                title: format!("Vereinbarung {} – {} {year}", plan.our_side, plan.city),
                kind,
                signed_on: signed_on.clone(),
                signed_at: plan.city.into(),
                valid_from: signed_on,
                valid_until: until,
                notes: String::new(),
                theme_ids: vec![self.rng.pick(&self.themes).clone()],
                signatories: vec![
                    RegisterRef { kind: RegisterKind::Person, id: ours },
                    RegisterRef { kind: RegisterKind::Person, id: theirs },
                ],
                signed_trip_id: None,
                signed_item_id: None,
            };
            add_agreement(self.conn, &partnership.id, &input, self.as_of)?;
            self.summary.agreements += 1;
        }
        Ok(partnership.id)
    }

    fn trip(
        &mut self,
        year: i32,
        number: usize,
        plan: &PartnershipPlan,
        partnership_id: &str,
        register: &Register,
    ) -> Result<()> {
        let outgoing = number.is_multiple_of(2);
        let start =
            NaiveDate::from_ymd_opt(year, 1, 5).unwrap_or_default() + Days::new((number * 355 / TRIPS_PER_YEAR) as u64);
        let days = 4 + self.rng.below(10) as u64;
        let end = start + Days::new(days - 1);
        let status = if end < self.as_of {
            if self.rng.below(40) == 0 {
                TripStatus::Cancelled
            } else {
                TripStatus::Done
            }
        } else if start < self.as_of + Days::new(90) {
            TripStatus::Confirmed
        } else {
            TripStatus::Planning
        };
        let city = &CITIES[plan.cities.0 + self.rng.below(plan.cities.1 - plan.cities.0)];
        let (title, zone) = if outgoing {
            (format!("Delegationsreise {} nach {} {year}", plan.our_side, city.name), "Asia/Shanghai")
        } else {
            (format!("Delegation aus {} zu Gast bei {} {year}", city.name, plan.our_side), plan.home_zone)
        };
        let trip = create_trip(
            self.conn,
            &TripInput {
                title,
                direction: if outgoing { Direction::Outgoing } else { Direction::Incoming },
                partner_place: city.name.into(),
                partner_country: "China".into(),
                time_zone: zone.into(),
                start_date: start.to_string(),
                end_date: end.to_string(),
                purpose: format!(
                    "Austausch zu {}",
                    ["Bildung", "Wirtschaft", "Kultur", "Klimaschutz", "Sport"][number % 5]
                ),
                // The history's programmes were handed out in German only.
                second_language: None,
                title_translation: String::new(),
                purpose_translation: String::new(),
                status,
                notes: String::new(),
                partnership_id: Some(partnership_id.to_string()),
                theme_ids: vec![self.rng.pick(&self.themes).clone()],
                further_partnership_ids: Vec::new(),
            },
        )?;
        self.summary.trips += 1;

        let travellers = if outgoing { &register.german } else { &register.chinese };
        let first = self.rng.below(travellers.len());
        for seat in 0..MEMBERS_PER_TRIP {
            let (person_id, name) = &travellers[(first + seat * 7) % travellers.len()];
            let role = match seat {
                0 => MemberRole::Head,
                1 if !outgoing => MemberRole::Interpreter,
                2 => MemberRole::Protocol,
                _ => MemberRole::Member,
            };
            let input = MemberInput {
                person_id: Some(person_id.clone()),
                name_latin: name.clone(),
                party: if outgoing && seat > 2 { self.rng.pick(PARTIES).to_string() } else { String::new() },
                role: Some(role),
                ..MemberInput::default()
            };
            add_member(self.conn, &trip.id, &input)?;
            self.summary.members += 1;
        }

        let hosts: &[(String, String)] =
            if outgoing { &register.chinese_organisations[city_index(city)] } else { &register.german_organisations };
        let mut item_ids = Vec::new();
        let mut host_names = Vec::new();
        for slot in 0..ITEMS_PER_TRIP {
            let day = start + Days::new((slot as u64 * days) / ITEMS_PER_TRIP as u64);
            let hour = 9 + (slot % 3) * 4;
            let (kind, template) = self.rng.pick(ITEM_PLANS);
            let (host_id, host_name) = self.rng.pick(hosts).clone();
            let at = |hour: usize| format!("{day}T{hour:02}:00");
            let input = ItemInput {
                place: host_name.clone(),
                hosts: vec![RegisterRef { kind: RegisterKind::Organisation, id: host_id }],
                ..ItemInput::new(
                    *kind,
                    &template.replace("{org}", &host_name),
                    (&at(hour), zone),
                    (&at(hour + 2), zone),
                )
            };
            item_ids.push(add_item(self.conn, &trip.id, &input)?.id);
            host_names.push(host_name);
            self.summary.items += 1;
        }
        if status == TripStatus::Done {
            let after = Utc.from_utc_datetime(&end.and_hms_opt(20, 0, 0).unwrap_or_default());
            for (slot, text) in
                [(1, "Zusammenarbeit in der Berufsbildung vertiefen"), (4, "Gegenbesuch im nächsten Jahr vereinbart")]
            {
                let input = OutcomeInput {
                    text: format!("{text} ({})", host_names[slot]),
                    people: Vec::new(),
                    project_id: None,
                };
                add_outcome(self.conn, &item_ids[slot], &input, after)?;
                self.summary.outcomes += 1;
            }
            for direction in [GiftDirection::Given, GiftDirection::Received] {
                let (description, value, currency) = *self.rng.pick(GIFTS);
                let input = GiftInput {
                    direction,
                    description: description.into(),
                    giver: None,
                    recipient: None,
                    occasion: host_names[0].clone(),
                    given_on: start.to_string(),
                    value: value.into(),
                    currency: currency.into(),
                    kept_at: String::new(),
                    notes: String::new(),
                    partnership_id: None,
                    // Gifts of years gone by were decided on and published at the time.
                    decision: (direction == GiftDirection::Received).then_some(GiftDecision::KeptByOffice),
                    decided_by: String::new(),
                    decided_on: String::new(),
                    published: direction == GiftDirection::Received,
                };
                create_gift(self.conn, &trip.id, &input)?;
                self.summary.gifts += 1;
            }
        }
        for task in 0..TASKS_PER_TRIP {
            let due = end + Days::new(7 + 3 * task as u64);
            let task_status = if due >= self.as_of || self.rng.below(50) == 0 {
                TaskStatus::Open
            } else if self.rng.below(10) == 0 {
                TaskStatus::Dropped
            } else {
                TaskStatus::Done
            };
            let template = self.rng.pick(TASK_PLANS);
            let host = self.rng.pick(&host_names).clone();
            let input = TaskInput {
                title: template.replace("{org}", &host),
                due_date: due.to_string(),
                status: Some(task_status),
                trip_id: Some(trip.id.clone()),
                ..TaskInput::default()
            };
            create_task(self.conn, &input, self.as_of)?;
            self.summary.tasks += 1;
        }
        Ok(())
    }
}

fn city_index(city: &City) -> usize {
    CITIES.iter().position(|other| other.name == city.name).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::open_in_memory;

    #[test]
    fn one_year_of_an_office_is_written_the_same_from_the_same_seed_and_only_into_an_empty_database() {
        let dump = |seed: u64| {
            let conn = open_in_memory().unwrap();
            let summary = write_office(&conn, 1, seed).unwrap();
            let titles: Vec<String> = conn
                .prepare("SELECT title || start_date FROM trips ORDER BY start_date, title")
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (conn, summary, titles)
        };
        let (conn, summary, titles) = dump(7);
        assert_eq!(summary.trips, TRIPS_PER_YEAR);
        assert_eq!(summary.items, TRIPS_PER_YEAR * ITEMS_PER_TRIP);
        assert_eq!(summary.members, TRIPS_PER_YEAR * MEMBERS_PER_TRIP);
        assert_eq!(summary.tasks, TRIPS_PER_YEAR * TASKS_PER_TRIP);
        assert_eq!(summary.people, CHINESE_PEOPLE_PER_YEAR + GERMAN_PEOPLE_PER_YEAR);
        let count = |sql: &str| conn.query_row(sql, [], |row| row.get::<_, i64>(0)).unwrap() as usize;
        assert_eq!(count("SELECT count(*) FROM people"), summary.people, "members are the register's people");
        assert_eq!(count("SELECT count(*) FROM organisations"), summary.organisations);
        assert_eq!(count("SELECT count(*) FROM programme_items"), summary.items);
        assert!(count("SELECT count(*) FROM people WHERE length(name_original) = 2") > 50, "many two-character names");
        let (latin, original): (String, String) = conn
            .query_row("SELECT name_latin, name_original FROM people WHERE name_original <> '' LIMIT 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .unwrap();
        assert_eq!(Some(latin), person_pinyin(&original, ""), "names in characters and pinyin");
        assert!(summary.outcomes > 0 && summary.gifts > 0 && summary.agreements > 0, "{summary:?}");

        let (_, again, same_titles) = dump(7);
        assert_eq!((again, same_titles), (summary, titles.clone()));
        let (_, _, other_titles) = dump(8);
        assert_ne!(other_titles, titles, "another seed, another office");

        let refused = write_office(&conn, 1, 7);
        assert!(matches!(refused, Err(Error::Validation(ref fields)) if fields[0].code == "not_empty"), "{refused:?}");
        assert_eq!(count("SELECT count(*) FROM trips"), TRIPS_PER_YEAR, "nothing added");
    }
}
