use std::io::Write;
use std::process::{Command, Stdio};

use super::*;
use crate::contacts::organisations::{create_organisation, OrganisationInput};
use crate::contacts::people::{create_person, PersonInput};
use crate::delegation::{add_member, MemberInput};
use crate::export::{html::programme_html, pdf::programme_pdf};
use crate::programme::{add_item, ItemInput};
use crate::store::open_in_memory;
use crate::trips::create_trip;
use crate::trips::tests::trip_input;
use crate::vocabulary::{RegisterRef, SecondLanguage, TranslatedField};

const BERLIN: &str = "Europe/Berlin";
const SHANGHAI: &str = "Asia/Shanghai";

struct Fixture {
    conn: Connection,
    trip: String,
    mayor: String,
    interpreter: String,
}

/// The Düren delegation to Jinhua across the end of German summer time (25 October 2026): a
/// night flight, a reception hosted by Zhu Chonglie (朱重烈) and talks only the mayor attends.
fn delegation_to_jinhua(title: &str) -> Fixture {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input(title)).unwrap().id;
    let member = |input: MemberInput| add_member(&conn, &trip, &input).unwrap().member.id;
    member(MemberInput {
        name_latin: "Wolfgang Spelthahn".into(),
        function_title: "Landrat".into(),
        organisation: "Kreis Düren".into(),
        role: Some(MemberRole::Head),
        phone: "+49 2421 22-1000".into(),
        email: "landrat@kreis-dueren.de".into(),
        ..Default::default()
    });
    let mayor = member(MemberInput {
        name_latin: "Frank Peter Ullrich".into(),
        function_title: "Bürgermeister".into(),
        organisation: "Stadt Düren".into(),
        ..Default::default()
    });
    let interpreter = member(MemberInput {
        name_latin: "Li Na".into(),
        name_original: "李娜".into(),
        role: Some(MemberRole::Interpreter),
        ..Default::default()
    });
    let secretary = create_person(
        &conn,
        &PersonInput {
            name_latin: "Zhu Chonglie".into(),
            name_original: "朱重烈".into(),
            function_title: "Parteisekretär".into(),
            phone: "+86 579 8200 0000".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let city = create_organisation(
        &conn,
        &OrganisationInput {
            name: "Stadtregierung Jinhua".into(),
            name_original: "金华市人民政府".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let items = [
        ItemInput {
            address: "Frankfurt am Main, Terminal 2".into(),
            ..ItemInput::new(
                ItemKind::Flight,
                "Flug FRA – PVG",
                ("2026-10-24T21:30", BERLIN),
                ("2026-10-25T15:00", SHANGHAI),
            )
        },
        ItemInput {
            place: "Rathaus Jinhua".into(),
            hosts: vec![
                RegisterRef { kind: RegisterKind::Person, id: secretary.id.clone() },
                RegisterRef { kind: RegisterKind::Organisation, id: city.id.clone() },
            ],
            notes_participants: "Bitte Gastgeschenke mitbringen".into(),
            notes_internal: "Sitzordnung noch mit dem Außenamt klären".into(),
            title_translation: "欢迎宴会".into(),
            place_translation: "金华市政府大楼".into(),
            notes_translation: "请携带礼品".into(),
            ..ItemInput::new(
                ItemKind::Reception,
                "Empfang im Rathaus",
                ("2026-10-25T19:00", SHANGHAI),
                ("2026-10-25T21:00", SHANGHAI),
            )
        },
        ItemInput {
            everyone: false,
            participant_ids: vec![mayor.clone()],
            title_translation: "氢能会谈".into(),
            ..ItemInput::new(
                ItemKind::Meeting,
                "Gespräch Wasserstoff",
                ("2026-10-26T09:00", SHANGHAI),
                ("2026-10-26T10:00", SHANGHAI),
            )
        },
    ];
    for item in &items {
        add_item(&conn, &trip, item).unwrap();
    }
    Fixture { conn, trip, mayor, interpreter }
}

/// The text of a PDF with every run of white space (line ends of wrapped cells) as one space.
fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-", "-"], pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{tool} failed");
    String::from_utf8(output.stdout).unwrap()
}

fn all_items(document: &ProgrammeDocument) -> Vec<&Item> {
    document.days.iter().flat_map(|day| &day.items).collect()
}

#[test]
fn items_stand_on_their_local_day_with_home_time_across_the_clock_change() {
    let f = delegation_to_jinhua("Jinhua 2026");
    let document = programme_document(&f.conn, &f.trip, None, DocumentLanguage::DE_ZH).unwrap();
    let headings: Vec<(&str, &str)> =
        document.days.iter().map(|d| (d.heading.text.as_str(), d.heading.second.as_str())).collect();
    assert_eq!(
        headings,
        [
            ("Samstag, 24. Oktober 2026", "10月24日 星期六"),
            ("Sonntag, 25. Oktober 2026", "10月25日 星期日"),
            ("Montag, 26. Oktober 2026", "10月26日 星期一")
        ]
    );
    let items = all_items(&document);
    let times: Vec<(&str, &str, &str, &str)> =
        items.iter().map(|i| (i.time.as_str(), i.zone.as_str(), i.home_time.as_str(), i.home_zone.as_str())).collect();
    assert_eq!(
        times,
        [
            // Lands at 15:00 in Shanghai, 08:00 in Germany: summer time ended that night.
            ("21:30 – 15:00 (+1)", "MESZ – CST", "21:30 – 08:00 (+1)", "MESZ – MEZ"),
            ("19:00 – 21:00", "CST", "12:00 – 14:00", "MEZ"),
            ("09:00 – 10:00", "CST", "02:00 – 03:00", "MEZ"),
        ]
    );
    assert!(document.shows_home_time);
    assert_eq!(document.labels.programme, Label { text: "Programm".into(), second: "日程".into() });
    assert_eq!(document.labels.home_time.text, "Zeit in Deutschland");
    assert_eq!(document.cover.occasion.text, "Delegationsreise nach Jinhua, China");
    assert_eq!(document.cover.head.as_ref().unwrap().name, "Wolfgang Spelthahn");

    let reception = items[1];
    let hosts: Vec<(&str, &str)> = reception.hosts.iter().map(|h| (h.name.as_str(), h.original.as_str())).collect();
    assert_eq!(hosts, [("Zhu Chonglie", "朱重烈"), ("Stadtregierung Jinhua", "金华市人民政府")]);
    assert_eq!(reception.hosts[0].function, "Parteisekretär");
    assert_eq!(items[2].participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Frank Peter Ullrich"]);
    let delegation: Vec<(i64, &str, &str)> =
        document.delegation.iter().map(|d| (d.number, d.person.name.as_str(), d.role.second.as_str())).collect();
    assert_eq!(
        delegation,
        [(1, "Wolfgang Spelthahn", "团长"), (2, "Frank Peter Ullrich", "团员"), (3, "Li Na", "翻译")]
    );
    let contacts: Vec<&str> = document.member_contacts.iter().map(|c| c.phone.as_str()).collect();
    assert_eq!(contacts, ["+49 2421 22-1000"]);
    let host_contacts: Vec<(&str, &str)> =
        document.host_contacts.iter().map(|c| (c.person.name.as_str(), c.phone.as_str())).collect();
    assert_eq!(host_contacts, [("Zhu Chonglie", "+86 579 8200 0000")], "the city has no phone or e-mail");

    let english = programme_document(&f.conn, &f.trip, None, DocumentLanguage::EN).unwrap();
    assert_eq!(english.days[0].heading, Label { text: "Saturday, 24 October 2026".into(), second: String::new() });
    assert_eq!(english.labels.programme.second, "", "no Chinese in a monolingual document");
    assert_eq!(english.lang, "en");
}

#[test]
fn the_bilingual_pdf_holds_chinese_names_and_headings_the_items_and_home_time() {
    let f = delegation_to_jinhua("Delegationsreise Jinhua 2026");
    let pdf = programme_pdf(&f.conn, &f.trip, None, DocumentLanguage::DE_ZH).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    for expected in [
        "Delegationsreise Jinhua 2026",
        "Delegationsreise nach Jinhua, China",
        "Programm",
        "日程",
        "代表团",
        "Kontakte",
        "联系方式",
        "Sonntag, 25. Oktober 2026",
        "Flug FRA – PVG",
        "Empfang im Rathaus",
        "Gespräch Wasserstoff",
        "朱重烈",
        "金华市人民政府",
        "李娜",
        "Zeit in Deutschland",
        "12:00 – 14:00",
        "Bitte Gastgeschenke mitbringen",
        "+86 579 8200 0000",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from the PDF text:\n{text}");
    }
    assert!(!text.contains("Sitzordnung"), "internal notes never leave the app");

    let fonts = poppler("pdffonts", &["-"], &pdf);
    for font in ["NotoSans-Regular", "NotoSans-Bold", "NotoSansCJKsc-Regular"] {
        let line = fonts.lines().find(|l| l.contains(font)).unwrap_or_else(|| panic!("{font} not used:\n{fonts}"));
        assert!(line.contains(" yes "), "{font} embedded:\n{fonts}");
    }
    assert!(fonts.lines().skip(2).all(|l| l.contains("Noto")), "only the bundled fonts:\n{fonts}");
}

#[test]
fn a_members_programme_holds_only_their_items_and_names_them() {
    let f = delegation_to_jinhua("Jinhua 2026");
    let interpreters = pdf_text(&programme_pdf(&f.conn, &f.trip, Some(&f.interpreter), DocumentLanguage::DE).unwrap());
    assert!(interpreters.contains("Persönliches Programm für"));
    assert!(interpreters.contains("Empfang im Rathaus"));
    assert!(!interpreters.contains("Gespräch Wasserstoff"), "the talks are the mayor's only");
    let mayors = pdf_text(&programme_pdf(&f.conn, &f.trip, Some(&f.mayor), DocumentLanguage::DE).unwrap());
    assert!(mayors.contains("Gespräch Wasserstoff"));
    assert!(mayors.contains("Frank Peter Ullrich"));

    let html = programme_html(&f.conn, &f.trip, Some(&f.interpreter), DocumentLanguage::DE_ZH).unwrap();
    assert!(html.contains("Empfang im Rathaus") && html.contains("李娜"));
    assert!(!html.contains("Gespräch Wasserstoff"));
    let whole = programme_html(&f.conn, &f.trip, None, DocumentLanguage::DE_ZH).unwrap();
    assert!(whole.contains("Gespräch Wasserstoff"));
    assert!(!whole.contains("Persönliches Programm"));
}

#[test]
fn an_unknown_member_or_one_of_another_trip_is_not_found() {
    let f = delegation_to_jinhua("Jinhua 2026");
    let other = create_trip(&f.conn, &trip_input("Yangzhou 2026")).unwrap().id;
    for (trip, member) in [(f.trip.as_str(), "no-such-member"), (other.as_str(), f.mayor.as_str())] {
        assert!(matches!(programme_pdf(&f.conn, trip, Some(member), DocumentLanguage::DE), Err(Error::NotFound(_))));
        assert!(matches!(programme_html(&f.conn, trip, Some(member), DocumentLanguage::DE), Err(Error::NotFound(_))));
    }
    assert!(matches!(programme_pdf(&f.conn, "no-such-trip", None, DocumentLanguage::DE), Err(Error::NotFound(_))));

    let empty = pdf_text(&programme_pdf(&f.conn, &other, None, DocumentLanguage::EN_ZH).unwrap());
    assert!(empty.contains("Yangzhou 2026") && empty.contains("Programme 日程"), "{empty}");
    assert!(programme_html(&f.conn, &other, None, DocumentLanguage::DE).unwrap().contains("Yangzhou 2026"));
}

#[test]
fn the_html_file_refers_to_nothing_outside_itself_and_escapes_what_users_type() {
    let f = delegation_to_jinhua("Besuch <script>alert('x')</script> & mehr");
    let html = programme_html(&f.conn, &f.trip, None, DocumentLanguage::EN_ZH).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Besuch &lt;script&gt;alert('x')&lt;/script&gt; &amp; mehr"));
    assert!(!html.contains("<script"), "no script, and the typed one escaped");
    assert!(!html.contains("Sitzordnung"), "internal notes never leave the app");
    let lower = html.to_lowercase();
    for outside in ["http", "src=", "url(", "@import", "<link", "<img", "<iframe", "<object", "<embed"] {
        assert!(!lower.contains(outside), "{outside:?} in the HTML");
    }
    let targets: Vec<&str> = lower.split("href=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect();
    assert_eq!(targets, ["#programme", "#delegation", "#contacts"]);
    for expected in
        ["Programme", "日程", "朱重烈", "Time in Germany", "12:00 – 14:00", "Bitte Gastgeschenke mitbringen"]
    {
        assert!(html.contains(expected), "{expected:?} missing from the HTML");
    }
    assert!(html.contains("prefers-color-scheme: dark") && html.contains("@media print"));
}

#[test]
fn typst_markup_in_a_title_is_set_as_text() {
    let f = delegation_to_jinhua("Jinhua *2026* #panic(\"x\") $a$ <b> [c] \\ @d");
    let text = pdf_text(&programme_pdf(&f.conn, &f.trip, None, DocumentLanguage::EN).unwrap());
    assert!(text.contains("Jinhua *2026* #panic(\"x\") $a$ <b> [c] \\ @d"), "{text}");
}

/// The fixture's trip with Chinese as its second language and its title translated.
fn in_chinese_too(f: &Fixture) {
    let input = crate::trips::TripInput {
        second_language: Some(SecondLanguage::Zh),
        title_translation: "迪伦代表团访问金华".into(),
        ..trip_input("Delegationsreise Jinhua 2026")
    };
    crate::trips::update_trip(&f.conn, &f.trip, &input).unwrap();
}

#[test]
fn the_trips_own_texts_stand_beside_their_chinese_in_every_export() {
    let f = delegation_to_jinhua("Delegationsreise Jinhua 2026");
    let before = pdf_text(&programme_pdf(&f.conn, &f.trip, None, DocumentLanguage::DE_ZH).unwrap());
    assert!(!before.contains("欢迎宴会"), "a trip without a second language prints no translation");
    in_chinese_too(&f);

    let text = pdf_text(&programme_pdf(&f.conn, &f.trip, None, DocumentLanguage::DE_ZH).unwrap());
    for expected in [
        "Delegationsreise Jinhua 2026",
        "迪伦代表团访问金华",
        "Empfang im Rathaus",
        "欢迎宴会",
        "金华市政府大楼",
        "请携带礼品",
        "氢能会谈",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from the PDF text:\n{text}");
    }
    let german = pdf_text(&programme_pdf(&f.conn, &f.trip, None, DocumentLanguage::DE).unwrap());
    assert!(german.contains("Empfang im Rathaus") && !german.contains("欢迎宴会"), "German alone: {german}");

    let chinese = programme_document(&f.conn, &f.trip, None, DocumentLanguage::ZH).unwrap();
    assert_eq!((chinese.lang, chinese.second_lang), ("zh", ""));
    assert_eq!(chinese.labels.programme, Label { text: "日程".into(), second: String::new() });
    assert_eq!(chinese.cover.title.text, "迪伦代表团访问金华");
    assert_eq!(chinese.days[1].heading.text, "10月25日 星期日");
    let titles: Vec<&str> = all_items(&chinese).iter().map(|item| item.title.text.as_str()).collect();
    assert_eq!(titles, ["Flug FRA – PVG", "欢迎宴会", "氢能会谈"], "an untranslated title stays as written");

    let html = programme_html(&f.conn, &f.trip, None, DocumentLanguage::EN_ZH).unwrap();
    assert!(html.contains("<span lang=\"zh-Hans\">欢迎宴会</span>"), "{html}");
    assert!(html.contains("请携带礼品") && html.contains("Programme"));

    let calendar = crate::export::calendar::trip_calendar(&f.conn, &f.trip, None, DocumentLanguage::DE_ZH).unwrap();
    let unfolded = calendar.replace("\r\n ", "");
    assert!(unfolded.contains("SUMMARY:Empfang im Rathaus / 欢迎宴会"), "{unfolded}");
    assert!(unfolded.contains("LOCATION:Rathaus Jinhua / 金华市政府大楼"), "{unfolded}");
    assert!(unfolded.contains("Bitte Gastgeschenke mitbringen\\n\\n请携带礼品"), "{unfolded}");
    let partner_calendar =
        crate::export::calendar::trip_calendar(&f.conn, &f.trip, None, DocumentLanguage::ZH).unwrap();
    assert!(partner_calendar.contains("SUMMARY:欢迎宴会"), "{partner_calendar}");

    let found = crate::search::search(&f.conn, "欢迎", None).unwrap();
    assert_eq!(found.iter().map(|hit| hit.title.as_str()).collect::<Vec<_>>(), ["Empfang im Rathaus"]);
}

#[test]
fn every_text_without_its_translation_is_named_before_an_export() {
    let f = delegation_to_jinhua("Delegationsreise Jinhua 2026");
    in_chinese_too(&f);
    let named = |language: DocumentLanguage, member: Option<&str>| -> Vec<(String, Vec<TranslatedField>)> {
        missing_translations(&f.conn, &f.trip, member, language)
            .unwrap()
            .into_iter()
            .map(|missing| (missing.title, missing.fields))
            .collect()
    };
    use TranslatedField::*;
    let expected = vec![
        ("Delegationsreise Jinhua 2026".to_string(), vec![Purpose]),
        ("Flug FRA – PVG".to_string(), vec![Title, Address]),
    ];
    assert_eq!(named(DocumentLanguage::DE_ZH, None), expected);
    assert_eq!(named(DocumentLanguage::ZH, None), expected);
    assert_eq!(named(DocumentLanguage::DE, None), vec![], "a German document needs no translation");
    let french: DocumentLanguage = "de+fr".parse().unwrap();
    assert_eq!(named(french, None).len(), 4, "the trip has no French texts at all");
    assert_eq!(named(DocumentLanguage::DE_ZH, Some(&f.interpreter)), expected, "the talks are the mayor's only");
    assert!(matches!(
        missing_translations(&f.conn, &f.trip, Some("no-such-member"), DocumentLanguage::DE_ZH),
        Err(Error::NotFound(_))
    ));

    let view = crate::programme::programme_view(&f.conn, &f.trip).unwrap();
    let marked: Vec<Vec<TranslatedField>> =
        view.days.iter().flat_map(|day| &day.items).map(|item| item.untranslated.clone()).collect();
    assert_eq!(marked, [vec![Title, Address], vec![], vec![]]);
}

#[test]
fn a_document_language_is_read_from_its_short_form_or_refused_with_a_reason() {
    for (text, language) in [
        ("de", DocumentLanguage::DE),
        ("zh", DocumentLanguage::ZH),
        ("en+zh", DocumentLanguage::EN_ZH),
        ("de+fr", DocumentLanguage { main: MainLanguage::De, second: Some(SecondLanguage::Fr) }),
    ] {
        assert_eq!(text.parse::<DocumentLanguage>(), Ok(language));
        assert_eq!(language.to_string(), text);
        assert_eq!(serde_json::to_string(&language).unwrap(), format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<DocumentLanguage>(&format!("\"{text}\"")).unwrap(), language);
    }
    for (text, reason) in [
        ("fr", "starts with de, en or zh"),
        ("zh+de", "a Chinese document has no second language"),
        ("de+de", "the second language is the first one"),
        ("de+ru", "no second language Partnerdesk prints"),
        ("", "starts with de, en or zh"),
    ] {
        let refused = text.parse::<DocumentLanguage>().unwrap_err();
        assert!(refused.contains(reason), "{text:?}: {refused}");
    }
    assert!(serde_json::from_str::<DocumentLanguage>("\"de+xx\"").is_err());
}

#[test]
fn the_public_gifts_list_holds_the_published_gifts_of_its_year() {
    use calamine::{Data, Reader};
    let conn = crate::store::open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    let bytes = crate::export::gifts::public_gifts_xlsx(&conn, 2026, crate::vocabulary::Language::De).unwrap();
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Geschenke").unwrap();
    let described: Vec<String> =
        (3..sheet.height() as u32).map(|row| sheet.get_value((row, 1)).unwrap().to_string()).collect();
    assert_eq!(
        described,
        [
            "Rollbild mit Kalligrafie „Freundschaft über tausend Meilen“",
            "Teeservice aus Longquan-Seladon in Holzkassette",
            "Seidenmalerei „Berge von Jinhua“, gerahmt"
        ],
        "received, decided and published; the undecided lacquer box is not"
    );
    assert_eq!(sheet.get_value((3, 7)), Some(&Data::String("An ein Museum übergeben".into())));

    let pdf = crate::export::gifts::public_gifts_pdf(&conn, 2012, crate::vocabulary::Language::De).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("Angenommene Geschenke 2012"), "{text}");
    assert!(text.contains("Glückspavillon") && text.contains("Verbleibt im Haus"), "{text}");
    assert!(
        !crate::export::gifts::public_gifts_pdf(&conn, 2030, crate::vocabulary::Language::En).unwrap().is_empty(),
        "an empty year still makes a page"
    );
}

#[test]
fn the_cost_overview_prints_every_line_the_approval_and_what_companies_pay_back() {
    let conn = crate::store::open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    let trip: String = conn
        .query_row("SELECT id FROM trips WHERE title LIKE 'Delegationsreise des Kreises Düren%'", [], |row| row.get(0))
        .unwrap();
    let pdf = crate::export::costs_pdf::costs_pdf(&conn, &trip, crate::vocabulary::Language::De).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    for expected in [
        "Kostenübersicht",
        "Genehmigt von Landrat Wolfgang Spelthahn",
        "Nur für den Dienstgebrauch",
        "Nach Kostenträger",
        "33.600,00 CNY",
        "7,7215",
        "Erstattungen durch Teilnehmende und Firmen",
        "Ralf Dick (privat)",
        "zu Empfang und Konferenz zur Zusammenarbeit",
        "1.11.01-54310",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
}

#[test]
fn the_briefing_folder_has_the_people_we_meet_the_internal_notes_and_no_personal_data() {
    use crate::export::briefing::briefing_document;
    let conn = crate::store::open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    let trip: String = conn
        .query_row("SELECT id FROM trips WHERE title LIKE 'Delegationsreise des Kreises Düren%'", [], |row| row.get(0))
        .unwrap();
    let head: String = conn
        .query_row("SELECT id FROM members WHERE trip_id = ?1 AND role = 'head'", [&trip], |row| row.get(0))
        .unwrap();
    let document = briefing_document(&conn, &trip, Some(&head), DocumentLanguage::DE).unwrap();
    let briefing = document.briefing.as_ref().unwrap();
    assert_eq!(briefing.reader.as_ref().unwrap().name, "Wolfgang Spelthahn");
    let card = |name: &str| briefing.cards.iter().find(|card| card.person.name == name).unwrap();

    let zhu = card("Zhu Chonglie");
    assert_eq!(zhu.person.original, "朱重烈");
    assert_eq!(
        zhu.before,
        ["06/2026 · Besuch der Delegation aus Jinhua in Düren (Parteisekretär; Mitglied der Delegation)"]
    );
    assert!(zhu
        .here
        .iter()
        .any(|here| here.starts_with("23.10.2026 09:00 · Empfang und Konferenz zur Zusammenarbeit")));
    assert!(zhu.gifts.iter().any(|gift| gift.contains("von uns:")), "what we gave him before: {:?}", zhu.gifts);
    assert!(zhu.agreed.iter().any(|agreed| agreed.starts_with("Memorandum über die Vertiefung")), "{:?}", zhu.agreed);

    let guest = card("Ye Qing");
    assert_eq!(guest.here, ["23.10.2026 09:00 · Empfang und Konferenz zur Zusammenarbeit (Gast)"]);
    assert!(guest.before.is_empty() && guest.gifts.is_empty(), "a first meeting");
    let names: Vec<&str> = briefing.cards.iter().map(|card| card.person.name.as_str()).collect();
    assert!(!names.contains(&"Markus Schiffer"), "a guest from our own side gets no card: {names:?}");

    let history = briefing.history.as_ref().unwrap();
    assert!(history.partnership.starts_with("Kreis Düren – Jinhua"));
    assert!(!history.open.is_empty(), "the open tasks of the partnership");
    assert_eq!(briefing.practical[0], "Jinhua ist der Zeit zu Hause 6 Stunden voraus.");

    let text = pdf_text(&crate::export::pdf::render(&document).unwrap());
    let html = crate::export::html::render(&document);
    for shown in [text.as_str(), html.as_str()] {
        assert!(shown.contains("Gesprächsmappe") && shown.contains("Gesprächspartner"));
        assert!(shown.contains("Sitzordnung mit dem Außenamt Jinhua abgestimmt."), "the internal note, marked");
        assert!(shown.contains("Intern"));
    }
    let personal: Vec<(String, String, String)> = conn
        .prepare("SELECT dietary, accessibility, passport_number FROM members WHERE trip_id = ?1")
        .unwrap()
        .query_map([&trip], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for (dietary, accessibility, passport) in personal {
        for field in [dietary, accessibility, passport].into_iter().filter(|field| !field.is_empty()) {
            assert!(!text.contains(&field) && !html.contains(&field), "{field} must not be in the briefing");
        }
    }
    let programme = pdf_text(&crate::export::pdf::programme_pdf(&conn, &trip, None, DocumentLanguage::DE).unwrap());
    assert!(!programme.contains("Sitzordnung mit dem Außenamt"), "the programme never prints internal notes");

    let Err(Error::Validation(fields)) = briefing_document(&conn, &trip, None, DocumentLanguage::ZH) else {
        panic!("a Chinese briefing folder was made")
    };
    assert_eq!(fields[0].code, "briefing_language");
}
