//! The Chinese texts of the example trips between Düren and Jinhua, as a protocol office
//! writes them for the guests and the hosts: each German text of a trip or programme item
//! with its Chinese version. A text not listed has no translation yet.

const CHINESE: &[(&str, &str)] = &[
    // The Kreis Düren delegation to the Städteregion Jinhua, October 2026.
    ("Delegationsreise des Kreises Düren in die Städteregion Jinhua", "德国迪伦县代表团访问金华市"),
    (
        "Anbahnung der Partnerschaft zwischen dem Kreis Düren und der Region Jinhua: Klimaschutz und Wasserstoff, Bildung und Wissenschaft, Wirtschaft und Handel, Kultur und Kunst.",
        "推动迪伦县与金华市建立友好合作关系：气候保护与氢能、教育与科研、经济与贸易、文化与艺术。",
    ),
    ("Flug CA 936 Frankfurt – Shanghai Pudong", "CA936航班 法兰克福—上海浦东"),
    ("Flughafen Frankfurt, Terminal 1", "法兰克福机场1号航站楼"),
    ("Treffpunkt 19:00 Uhr am Schalter der Air China, Terminal 1.", "19:00在1号航站楼中国国际航空公司值机柜台集合。"),
    ("Bustransfer nach Jinhua", "乘大巴前往金华"),
    ("Shanghai Pudong – Jinhua", "上海浦东—金华"),
    ("Check-in Hotel", "酒店入住"),
    ("Jinhua International Hotel", "金华国际大酒店"),
    ("Jinhua, Provinz Zhejiang", "浙江省金华市"),
    ("Empfang und Konferenz zur Zusammenarbeit", "会见暨合作交流会"),
    ("Rathaus Jinhua", "金华市人民政府"),
    ("Dunkler Anzug. Gastgeschenk wird vom Protokoll übergeben.", "着深色正装。礼品由礼宾人员转交。"),
    ("Besuch bei Hydrogenway Technology", "参观Hydrogenway氢能科技公司"),
    ("Hydrogenway Technology, Jinhua", "Hydrogenway氢能科技公司（金华）"),
    ("Wasserstoff-Brennstoffzellenprodukte; Fertigung seit 2016.", "氢燃料电池产品，2016年起投产。"),
    ("Mittagessen", "午餐"),
    ("Besuch bei Jinfei Intelligent Motorcycle Wheel", "参观金飞智能摩托车轮毂公司"),
    ("Jinfei, Jinhua", "金飞公司（金华）"),
    ("Abendessen auf Einladung der Stadtregierung", "金华市人民政府欢迎晚宴"),
    ("Besuch der Zhejiang Normal University", "参观浙江师范大学"),
    ("Zhejiang Normal University (浙江师范大学)", "浙江师范大学"),
    ("Duale Ausbildung, Austausch von Studierenden, Wasserstoff-Technik.", "双元制职业教育、学生交流、氢能技术。"),
    ("Transfer nach Yiwu", "前往义乌"),
    ("Jinhua – Yiwu", "金华—义乌"),
    ("Yiwu International Trade City („Weltsupermarkt“)", "参观义乌国际商贸城（“世界超市”）"),
    ("Yiwu International Trade City", "义乌国际商贸城"),
    ("Festes Schuhwerk; der Markt ist sehr weitläufig.", "请穿舒适的鞋；市场面积很大。"),
    ("Gespräch über Handelsbeziehungen", "经贸关系座谈"),
    ("Besuch des Kulturzentrums", "参观金华文化中心"),
    ("Kulturzentrum Jinhua", "金华文化中心"),
    ("Freie Zeit", "自由活动"),
    ("Aufführung der Wu-Oper (婺剧)", "观看婺剧演出"),
    ("Arbeitsgespräch: nächste Schritte der Kooperation", "工作会谈：下一步合作安排"),
    ("Verabredung konkreter Projekte in den vier Themenbereichen.", "商定四个合作领域的具体项目。"),
    ("Bustransfer nach Shanghai", "乘大巴前往上海"),
    ("Jinhua – Shanghai", "金华—上海"),
    ("Hotel am Flughafen Pudong", "浦东机场酒店"),
    ("Flug CA 935 Shanghai Pudong – Frankfurt", "CA935航班 上海浦东—法兰克福"),
    ("Flughafen Shanghai Pudong, Terminal 2", "上海浦东国际机场2号航站楼"),
    // The Jinhua delegation hosted in Düren, June 2026.
    ("Besuch der Delegation aus Jinhua in Düren", "金华市代表团访问迪伦市"),
    (
        "Erster Besuch aus Jinhua nach mehr als vier Jahren; Unterzeichnung des Memorandums über die Vertiefung des freundschaftlichen Austausches.",
        "四年多来金华代表团首次访问迪伦；签署深化友好交流备忘录。",
    ),
    ("Ankunft: Flug CA 965 Shanghai Pudong – Frankfurt", "抵达：CA965航班 上海浦东—法兰克福"),
    ("Transfer nach Düren", "前往迪伦"),
    ("Frankfurt – Düren", "法兰克福—迪伦"),
    ("Tagebau Inden: Strukturwandel im Rheinischen Revier", "参观因登露天煤矿：莱茵煤矿区的结构转型"),
    ("Tagebau Inden", "因登露天煤矿"),
    ("Aussichtspunkt Indemann, 52459 Inden", "因登“Indemann”观景台"),
    ("Panoramablick auf den Tagebau; wetterfeste Kleidung.", "可俯瞰露天矿全景；请穿防风防雨衣物。"),
    ("Abendessen", "晚餐"),
    ("Hotel in Düren", "迪伦酒店"),
    ("Empfang im Rathaus", "市政厅欢迎仪式"),
    ("Rathaus Düren", "迪伦市政厅"),
    ("Kaiserplatz 2–4, 52349 Düren", "迪伦市凯撒广场2–4号"),
    ("Eintrag in das Goldene Buch der Stadt.", "在迪伦市金册上签名留念。"),
    ("Besuch des Stiftischen Gymnasiums", "参观迪伦施蒂夫蒂什文理中学"),
    ("Stiftisches Gymnasium", "施蒂夫蒂什文理中学"),
    ("Altenteich 14, 52349 Düren", "迪伦市阿尔滕泰希街14号"),
    ("Unterzeichnung des Memorandums", "签署备忘录"),
    ("Alte Stadtgärtnerei", "老城市园艺场"),
    (
        "Unterzeichnung des Memorandums am „Glückspavillon“, dem Geschenk Jinhuas zum 10-jährigen Jubiläum.",
        "在金华市赠送的建交十周年礼物“福亭”前签署备忘录。",
    ),
    ("Führung im Leopold-Hoesch-Museum und Ausklang", "参观利奥波德·赫施博物馆及晚间交流"),
    ("Leopold-Hoesch-Museum", "利奥波德·赫施博物馆"),
    ("Hoeschplatz 1, 52349 Düren", "迪伦市赫施广场1号"),
    ("Gespräch zur Wirtschaftskooperation", "经济合作会谈"),
    ("Transfer zum Flughafen Frankfurt", "前往法兰克福机场"),
    ("Düren – Frankfurt", "迪伦—法兰克福"),
    ("Abflug: Flug CA 966 Frankfurt – Shanghai Pudong", "返程：CA966航班 法兰克福—上海浦东"),
];

/// The Chinese version of a German text of the example trips; empty where there is none.
pub(super) fn chinese(german: &str) -> String {
    CHINESE.iter().find(|(text, _)| *text == german).map(|(_, chinese)| chinese.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::export::document::missing_translations;
    use crate::export::DocumentLanguage;
    use crate::trips::{list_trips, TripQuery};

    #[test]
    fn the_trips_between_dueren_and_jinhua_are_wholly_in_chinese_too() {
        let conn = crate::store::open_in_memory().unwrap();
        crate::demo::load_demo(&conn).unwrap();
        let trips = list_trips(&conn, &TripQuery::default()).unwrap().items;
        for title in [
            "Delegationsreise des Kreises Düren in die Städteregion Jinhua",
            "Besuch der Delegation aus Jinhua in Düren",
        ] {
            let trip = trips.iter().find(|trip| trip.title == title).unwrap();
            let missing = missing_translations(&conn, &trip.id, None, DocumentLanguage::DE_ZH).unwrap();
            assert_eq!(missing, [], "{title}");
        }
        let yangzhou = trips.iter().find(|trip| trip.title.contains("Yangzhou")).unwrap();
        assert!(!missing_translations(&conn, &yangzhou.id, None, DocumentLanguage::DE_ZH).unwrap().is_empty());
    }
}
