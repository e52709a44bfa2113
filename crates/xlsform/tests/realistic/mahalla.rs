//! A settlement / mahalla profile as a district team fills it with the mahalla committee: no
//! settings sheet, Uzbek Latin first (`Label::O'zbekcha`, an ASCII apostrophe) and Russian
//! (`label::Русский`), a region → district → mahalla cascade by `choice_filter`, a street list
//! `select_one_from_file streets.csv` whose CSV nobody attached, many `select_multiple …
//! or_other`, choices filtered by an earlier answer (`selected(${infra}, name)`), a repeat of
//! facilities counted by a question and a committee added by hand, population checks across
//! questions.
//!
//! Import warnings (9): `streets.csv`, `facilities.csv` and `prices.csv` (`pulldata`) are not
//! supplied, so their three lists are empty; `map.jpg` is not supplied; no settings sheet, so
//! no `version` and no `default_language` (Uzbek Latin, the first, opens).

use serde_json::json;

use super::sheet::{Form, Sheet};

const L: &str = "Label::O'zbekcha | label::Русский";

fn block(s: &mut Sheet, columns: &str, rows: &str) {
    s.block(&format!("{}\n{rows}", columns.replace("{L}", L)));
}

const COLS: &str = "type | name | {L} | required | relevance | constraint | constraint_message::O'zbekcha | constraint_message::Русский | calculation | choice_filter | appearance | repeat_count | image::O'zbekcha";

pub fn form() -> Form {
    let mut s = Sheet::new("survey");
    block(
        &mut s,
        COLS,
        r"
        start | start
        today | today
        begin_group | location | Joylashuv | Местоположение | | | | | | | | field-list | | map.jpg
        select_one region␠ | region | Viloyat | Область | yes
        select_one district | district | Tuman | Район | yes | | | | | | region = ${region} | minimal
        select_one mahalla | mahalla | Mahalla | Махалля | yes | | | | | | district = ${district} | minimal
        select_one_from_file streets.csv | street | Koʻcha | Улица
        select_multiple_from_file facilities.csv | nearby | Yaqin muassasalar | Ближайшие учреждения
        geopoint | centre | Mahalla markazi | Центр махалли
        select_one role or_other | resp_role | Javob beruvchi | Респондент | TRUE
        text | resp_name | Ismi | Имя | TRUE
        text | resp_phone | Telefoni | Телефон | | | regex(., '^[0-9]{9}$') | 9 ta raqam | 9 цифр
        calculate | place | | | | | | | | concat(jr:choice-name(${region}, '${region}'), ' / ', jr:choice-name(${district}, '${district}'), ' / ', jr:choice-name(${mahalla}, '${mahalla}'))
        end_group
        begin_group | people | Aholi | Население
        integer | households | Xonadonlar soni | Число домохозяйств | TRUE | | . > 0 and . < 20000 | 1 dan 20000 gacha | От 1 до 20000
        integer | population | Aholi soni | Число жителей | TRUE | | . >= ${households} | Xonadonlardan kam boʻlmaydi | Не меньше числа домохозяйств
        integer | men | Erkaklar | Мужчины | TRUE | | . <= ${population} | Aholidan koʻp | Больше населения
        integer | women | Ayollar | Женщины | TRUE | | . + ${men} = ${population} | Erkaklar + ayollar = aholi | Мужчины + женщины = население
        integer | under5 | 5 yoshgacha bolalar | Дети до 5 лет | yes | | . <= ${population}
        integer | age6_17 | 6–17 yoshli | 6–17 лет | yes | | . <= ${population}
        integer | over60 | 60 dan katta | Старше 60 | yes | | . <= ${population}
        integer | disabled | Nogironligi bor | С инвалидностью | yes | | . <= ${population}
        integer | displaced_hh | Koʻchirilgan xonadonlar | Перемещённые домохозяйства | | | . <= ${households}
        integer | poor_hh | Kam taʼminlangan xonadonlar | Малообеспеченные | | | . <= ${households}
        calculate | hh_size_avg | | | | | | | | if(${households} > 0, round(${population} div ${households}, 1), '')
        calculate | pct_children | | | | | | | | if(${population} > 0, round((${under5} + ${age6_17}) * 100 div ${population}, 1), '')
        calculate | pct_elderly | | | | | | | | if(${population} > 0, round(${over60} * 100 div ${population}, 1), '')
        calculate | pct_poor | | | | | | | | if(${households} > 0, round(coalesce(${poor_hh}, 0) * 100 div ${households}, 1), '')
        calculate | dependency | | | | | | | | if(${population} - ${under5} - ${age6_17} - ${over60} > 0, round((${under5} + ${age6_17} + ${over60}) div (${population} - ${under5} - ${age6_17} - ${over60}), 2), '')
        end_group
        ",
    );
    infrastructure(&mut s);
    services(&mut s);
    economy(&mut s);
    hazards(&mut s);
    housing(&mut s);
    block(
        &mut s,
        COLS,
        r"
        begin_group | social | Ijtimoiy hayot | Общественная жизнь
        select_multiple orgs or_other | orgs | Mahallada qaysi tashkilotlar ishlaydi? | Какие организации работают? | | | | | | | | minimal
        select_multiple groups | vulnerable | Eng zaif guruhlar | Наиболее уязвимые группы | TRUE | | count-selected(.) <= 3 | Koʻpi bilan 3 ta | Не более 3
        select_one groups | most_vulnerable | Ulardan eng zaifi | Самая уязвимая из них | yes | count-selected(${vulnerable}) > 1 | | | | | selected(${vulnerable}, name)
        calculate | most_vulnerable_name | | | | | | | | if(count-selected(${vulnerable}) = 1, jr:choice-name(selected-at(${vulnerable}, 0), '${vulnerable}'), jr:choice-name(${most_vulnerable}, '${most_vulnerable}'))
        select_one issue | issue1 | Birinchi muammo | Первая проблема | TRUE
        select_one issue | issue2 | Ikkinchi muammo | Вторая проблема | TRUE | ${issue1} != '' | | | | | name != ${issue1}
        select_one issue | issue3 | Uchinchi muammo | Третья проблема | | ${issue2} != '' | | | | | name != ${issue1} and name != ${issue2}
        calculate | issues | | | | | | | | concat(${issue1}, ',', ${issue2}, ',', ${issue3})
        integer | n_facilities | Nechta asosiy muassasani qayd etasiz? | Сколько учреждений опишете? | yes | | . >= 0 and . <= 10 | 0 dan 10 gacha | От 0 до 10
        end_group
        begin_repeat | facility | Muassasa | Учреждение | | | | | | | | | ${n_facilities}
        calculate | fac_no | | | | | | | | position(..)
        select_one fac_type | fac_type | ${fac_no}-muassasa turi | Тип учреждения ${fac_no} | TRUE
        text | fac_name | Nomi | Название | TRUE
        select_one condition | fac_cond | Holati | Состояние | yes
        integer | fac_staff | Xodimlar soni | Сотрудников | | | . >= 0
        select_multiple fac_needs | fac_needs | Nima kerak? | Что нужно? | | ${fac_cond} != 'good'
        calculate | fac_label | | | | | | | | concat(${fac_no}, '. ', ${fac_name}, ' (', jr:choice-name(${fac_type}, '${fac_type}'), ')')
        end_repeat
        calculate | fac_bad | | | | | | | | count(${facility}[fac_cond = 'bad'])
        calculate | fac_staff_total | | | | | | | | sum(${fac_staff})
        calculate | fac_first | | | | | | | | if(${n_facilities} > 0, indexed-repeat(${fac_label}, ${facility}, 1), '')
        begin_repeat | committee | Mahalla faollari | Актив махалли
        text | com_name | Ismi | Имя | yes
        select_one com_role | com_role | Lavozimi | Должность | yes
        select_one sex | com_sex | Jinsi | Пол | yes | | | | | | | horizontal
        end_repeat
        calculate | com_n | | | | | | | | count(${committee})
        calculate | com_women | | | | | | | | count(${committee}[com_sex = 'f'])
        calculate | com_chair | | | | | | | | count(${committee}[com_role = 'chair'])
        note | com_check | Raisni belgilang | Отметьте председателя | | ${com_chair} = 0
        begin_group | close | Yakun | Завершение
        select_one yn | map_drawn | Xarita chizildimi? | Нарисована ли карта? | yes
        image | map_photo | Xarita rasmi | Фото карты | | ${map_drawn} = 'yes'
        text | notes | Izohlar | Примечания | | | | | | | | multiline
        calculate | profile_code | | | | | | | | concat(${region}, '-', ${district}, '-', ${mahalla}, '-', ${households})
        calculate | profile_uid | | | | | | | | if(${mahalla} = '', '', once(concat(${district}, '-', ${mahalla})))
        calculate | uid_length | | | | | | | | string-length(uuid())
        calculate | notes_committee | | | | | | | | contains(${notes}, 'committee')
        calculate | phone_mobile | | | | | | | | starts-with(${resp_phone}, '9')
        calculate | resp_clean | | | | | | | | normalize-space(${resp_name})
        calculate | sex_gap | | | | | | | | abs(${men} - ${women})
        calculate | thousands | | | | | | | | ceiling(${population} div 1000)
        calculate | map_flag | | | | | | | | boolean-from-string(if(${map_drawn} = 'yes', '1', '0'))
        calculate | region_code | | | | | | | | translate(${region}, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
        calculate | hh_text | | | | | | | | concat(string(${households}), ' / ', number('12.50') + 1)
        calculate | bread_ref | | | | | | | | pulldata('prices', 'price', 'item', 'bread')
        calculate | year_started | | | | | | | | format-date(today(), '%Y')
        end_group
        ",
    );
    Form {
        name: "mahalla_profile",
        sheets: vec![s, choices()],
        script: script(),
        expect: expect(),
        languages: &[("Русский", "ru"), ("O'zbekcha", "uz-Latn")],
    }
}

/// Infrastructure questions, each a `select_multiple … or_other` and a follow-up.
const INFRA: [(&str, &str, &str); 10] = [
    (
        "water",
        "Ichimlik suvi manbalari",
        "Источники питьевой воды",
    ),
    ("power", "Elektr taʼminoti", "Электроснабжение"),
    ("heat", "Isitish", "Отопление"),
    ("gas", "Gaz taʼminoti", "Газоснабжение"),
    ("sewer", "Kanalizatsiya", "Канализация"),
    ("waste", "Chiqindilar", "Мусор"),
    ("road", "Yoʻllar", "Дороги"),
    ("transport", "Transport", "Транспорт"),
    ("telecom", "Aloqa", "Связь"),
    ("light", "Koʻcha yoritish", "Уличное освещение"),
];

fn infrastructure(s: &mut Sheet) {
    block(
        s,
        COLS,
        "begin_group | infra_grp | Infratuzilma | Инфраструктура",
    );
    for (n, uz, ru) in INFRA {
        block(
            s,
            COLS,
            &format!(
                "select_multiple {n} or_other | {n} | {uz}: nimalar bor? | {ru}: что есть? | TRUE | | not(selected(., 'none') and count-selected(.) > 1) | «Yoʻq» bilan birga emas | «Нет» нельзя совмещать
                 integer | {n}_hours | {uz}: kuniga necha soat ishlaydi? | {ru}: часов в день? | | not(selected(${{{n}}}, 'none')) and ${{{n}}} != '' | . >= 0 and . <= 24 | 0 dan 24 gacha | От 0 до 24
                 calculate | {n}_n | | | | | | | | count-selected(${{{n}}})"
            ),
        );
    }
    block(
        s,
        COLS,
        r"
        select_multiple infra | infra | Qaysi tizimlar ishlaydi? | Какие системы работают? | yes | | | | | | | minimal
        select_one infra | infra_worst | Eng yomoni qaysi? | Какая в худшем состоянии? | yes | ${infra} != '' | | | | | selected(${infra}, name)
        calculate | infra_worst_name | | | | | | | | jr:choice-name(${infra_worst}, '${infra_worst}')
        calculate | infra_score | | | | | | | | ${water_n} + ${power_n} + ${heat_n} + ${gas_n} + ${sewer_n} + ${waste_n} + ${road_n} + ${transport_n} + ${telecom_n} + ${light_n}
        calculate | power_cut | | | | | | | | if(${power_hours} != '' and ${power_hours} < 12, 'yes', 'no')
        end_group
        ",
    );
}

/// Services: present in the mahalla? if not, how far.
const SERVICES: [(&str, &str, &str); 18] = [
    ("kindergarten", "Bogʻcha", "Детский сад"),
    ("school", "Maktab", "Школа"),
    ("college", "Kollej", "Колледж"),
    ("polyclinic", "Poliklinika", "Поликлиника"),
    ("fap", "Qishloq vrachlik punkti", "Сельский врачебный пункт"),
    ("pharmacy", "Dorixona", "Аптека"),
    ("maternity", "Tugʻruqxona", "Роддом"),
    ("market", "Bozor", "Рынок"),
    ("shop", "Doʻkon", "Магазин"),
    ("bank", "Bank", "Банк"),
    ("atm", "Bankomat", "Банкомат"),
    ("post", "Pochta", "Почта"),
    ("mosque", "Masjid", "Мечеть"),
    ("sport", "Sport maydoni", "Спортплощадка"),
    ("playground", "Bolalar maydonchasi", "Детская площадка"),
    ("police", "Profilaktika inspektori", "Участковый"),
    ("bus", "Avtobus bekati", "Остановка"),
    ("social", "Ijtimoiy xizmat", "Соцслужба"),
];

fn services(s: &mut Sheet) {
    block(s, COLS, "begin_group | services | Xizmatlar | Услуги");
    for (n, uz, ru) in SERVICES {
        block(
            s,
            COLS,
            &format!(
                "select_one yn | has_{n} | {uz} mahallada bormi? | {ru} есть в махалле? | TRUE | | | | | | | horizontal
                 decimal | km_{n} | Eng yaqini necha km? | Сколько км до ближайшего? | yes | ${{has_{n}}} = 'no' | . > 0 and . < 200 | 0 dan 200 km gacha | От 0 до 200 км"
            ),
        );
    }
    let has: Vec<String> = SERVICES
        .iter()
        .map(|(n, ..)| format!("if(${{has_{n}}} = 'yes', 1, 0)"))
        .collect();
    let far: Vec<String> = SERVICES
        .iter()
        .map(|(n, ..)| format!("if(${{km_{n}}} > 5, 1, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | services_here | {}
             calculate | services_far | {}
             calculate | health_km | if(${{has_polyclinic}} = 'yes' or ${{has_fap}} = 'yes', 0, min(coalesce(${{km_polyclinic}}, 999), coalesce(${{km_fap}}, 999)))
             end_group",
            has.join(" + "),
            far.join(" + ")
        ),
    );
}

/// Prices of basic goods (UZS).
const GOODS: [(&str, &str); 10] = [
    ("bread", "Non"),
    ("flour", "Un (1 kg)"),
    ("rice", "Guruch (1 kg)"),
    ("oil", "Yogʻ (1 l)"),
    ("sugar", "Shakar (1 kg)"),
    ("meat", "Goʻsht (1 kg)"),
    ("potato", "Kartoshka (1 kg)"),
    ("onion", "Piyoz (1 kg)"),
    ("milk", "Sut (1 l)"),
    ("eggs", "Tuxum (10 ta)"),
];

fn economy(s: &mut Sheet) {
    block(
        s,
        COLS,
        r"
        begin_group | economy | Iqtisodiyot | Экономика
        select_multiple livelihood or_other | livelihood | Asosiy daromad manbalari | Основные источники дохода | TRUE | | count-selected(.) <= 4 | Koʻpi bilan 4 ta | Не более 4 | | | minimal
        integer | unemployed_pct | Ishsizlar ulushi (%) | Доля безработных (%) | | | . >= 0 and . <= 100 | 0–100 | 0–100
        integer | migrants | Chet elda ishlayotganlar | Работают за рубежом | | | . >= 0 and . <= ${population} | Aholidan koʻp emas | Не больше населения
        select_one yn | market_access | Bozorga borish oson mi? | Легко ли добраться до рынка? | yes
        ",
    );
    for (n, uz) in GOODS {
        block(
            s,
            COLS,
            &format!(
                "decimal | price_{n} | {uz} narxi (soʻm) | Цена: {n} (сум) | | | . > 0 | Musbat son | Положительное число"
            ),
        );
    }
    block(
        s,
        "type | name | calculation",
        "calculate | basket | coalesce(${price_bread}, 0) * 30 + coalesce(${price_flour}, 0) * 10 + coalesce(${price_rice}, 0) * 5 + coalesce(${price_oil}, 0) * 2 + coalesce(${price_sugar}, 0) * 2 + coalesce(${price_meat}, 0) * 3
         calculate | basket_k | round(${basket} div 1000, 0)
         calculate | prices_given | count(${price_bread}[. != '']) + count(${price_meat}[. != ''])
         end_group",
    );
}

const HAZARDS: [(&str, &str, &str); 8] = [
    ("flood", "Suv toshqini", "Наводнение"),
    ("mudflow", "Sel", "Сель"),
    ("quake", "Zilzila", "Землетрясение"),
    ("drought", "Qurgʻoqchilik", "Засуха"),
    ("heat", "Jazirama", "Жара"),
    ("frost", "Sovuq", "Мороз"),
    ("fire", "Yongʻin", "Пожар"),
    ("landslide", "Koʻchki", "Оползень"),
];

fn hazards(s: &mut Sheet) {
    block(
        s,
        COLS,
        "begin_group | hazards_grp | Xavflar | Опасности
         select_multiple hazard | hazards | Soʻnggi 5 yilda qaysi ofatlar boʻldi? | Какие бедствия были за 5 лет? | TRUE | | not(selected(., 'none') and count-selected(.) > 1) | «Yoʻq» bilan birga emas | «Нет» нельзя совмещать",
    );
    for (n, uz, ru) in HAZARDS {
        block(
            s,
            COLS,
            &format!(
                "integer | {n}_year | {uz}: qaysi yili? | {ru}: в каком году? | yes | selected(${{hazards}}, '{n}') | . >= 2020 and . <= 2026 | 2020–2026 | 2020–2026
                 integer | {n}_hh | {uz}: nechta xonadon zarar koʻrdi? | {ru}: сколько семей пострадало? | | selected(${{hazards}}, '{n}') | . <= ${{households}} | Xonadonlardan koʻp | Больше числа семей"
            ),
        );
    }
    let hit: Vec<String> = HAZARDS
        .iter()
        .map(|(n, ..)| format!("coalesce(${{{n}_hh}}, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | hazard_n | if(selected(${{hazards}}, 'none'), 0, count-selected(${{hazards}}))
             calculate | hazard_hh | {}
             calculate | hazard_first | jr:choice-name(selected-at(${{hazards}}, 0), '${{hazards}}')
             calculate | hazard_recent | max(coalesce(${{flood_year}}, 0), coalesce(${{mudflow_year}}, 0), coalesce(${{quake_year}}, 0), coalesce(${{heat_year}}, 0))
             end_group",
            hit.join(" + ")
        ),
    );
}

/// Houses by wall material and state, and programmes that reached the mahalla.
const HOUSES: [(&str, &str, &str); 8] = [
    ("brick", "Gʻisht uylar", "Кирпичные дома"),
    ("adobe", "Paxsa uylar", "Глинобитные дома"),
    ("block", "Blok uylar", "Блочные дома"),
    ("flats", "Koʻp qavatli uylar", "Многоэтажные дома"),
    ("damaged", "Shikastlangan uylar", "Повреждённые дома"),
    ("empty", "Boʻsh uylar", "Пустующие дома"),
    ("no_gas", "Gazsiz uylar", "Дома без газа"),
    ("no_water", "Suvsiz uylar", "Дома без воды"),
];

const PROGRAMMES: [&str; 12] = [
    "temir_daftar",
    "ayollar_daftari",
    "yoshlar_daftari",
    "subsidy_housing",
    "subsidy_business",
    "microcredit",
    "job_fair",
    "vocational",
    "child_allowance",
    "low_income",
    "winter_help",
    "repairs",
];

fn housing(s: &mut Sheet) {
    block(s, COLS, "begin_group | housing | Uy-joy | Жильё");
    for (n, uz, ru) in HOUSES {
        block(
            s,
            COLS,
            &format!(
                "integer | houses_{n} | {uz} soni | {ru}: число | yes | | . >= 0 and . <= ${{households}} | Xonadonlardan koʻp emas | Не больше числа домохозяйств"
            ),
        );
    }
    block(
        s,
        "type | name | calculation",
        "calculate | houses_total | coalesce(${houses_brick}, 0) + coalesce(${houses_adobe}, 0) + coalesce(${houses_block}, 0) + coalesce(${houses_flats}, 0)
         calculate | pct_adobe | if(${houses_total} > 0, round(${houses_adobe} * 100 div ${houses_total}, 1), '')
         end_group",
    );
    block(s, COLS, "begin_group | programmes | Dasturlar | Программы");
    for p in PROGRAMMES {
        block(
            s,
            COLS,
            &format!(
                "select_one yn | prog_{p} | «{p}» dasturi mahallaga yetib keldimi? | Программа «{p}» дошла? | | | | | | | | horizontal
                 integer | prog_{p}_hh | Nechta xonadon? | Сколько семей? | yes | ${{prog_{p}}} = 'yes' | . > 0 and . <= ${{households}} | 1 dan xonadonlar sonigacha | От 1 до числа семей"
            ),
        );
    }
    let reached: Vec<String> = PROGRAMMES
        .iter()
        .map(|p| format!("coalesce(${{prog_{p}_hh}}, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | prog_reach | {}\n             calculate | prog_cover | if(${{households}} > 0, round(${{prog_reach}} * 100 div ${{households}}, 0), '')\n             end_group",
            reached.join(" + ")
        ),
    );
}

fn choices() -> Sheet {
    let mut c = Sheet::new("choices");
    block(
        &mut c,
        "list_name | name | {L} | region | district",
        r"
        region␠ | toshkent | Toshkent viloyati | Ташкентская область
        region␠ | fargona | Fargʻona viloyati | Ферганская область
        district | chirchiq | Chirchiq | Чирчик | toshkent
        district | bekobod | Bekobod | Бекабад | toshkent
        district | margilon | Margʻilon | Маргилан | fargona
        district | quvasoy | Quvasoy | Кувасай | fargona
        mahalla | navbahor | Navbahor | Навбахор | toshkent | chirchiq
        mahalla | guliston | Guliston | Гулистан | toshkent | chirchiq
        mahalla | tinchlik | Tinchlik | Тинчлик | toshkent | bekobod
        mahalla | atlas | Atlas | Атлас | fargona | margilon
        mahalla | ipakchi | Ipakchi | Ипакчи | fargona | margilon
        mahalla | mustaqillik | Mustaqillik | Мустакиллик | fargona | quvasoy
        role | rais | Mahalla raisi | Председатель махалли
        role | kotib | Kotib | Секретарь
        role | posbon | Posbon | Посбон
        role | xotin_qiz | Xotin-qizlar faoli | Активистка
        yn | yes | Ha | Да
        yn | no | Yoʻq | Нет
        sex | m | Erkak | Мужчина
        sex | f | Ayol | Женщина
        orgs | makhalla | Mahalla qoʻmitasi | Комитет махалли
        orgs | ngo | NNT | ННО
        orgs | youth | Yoshlar ittifoqi | Союз молодёжи
        orgs | women | Xotin-qizlar qoʻmitasi | Комитет женщин
        orgs | un | BMT agentligi | Агентство ООН
        groups | elderly | Yolgʻiz keksalar | Одинокие пожилые
        groups | disabled | Nogironlar | Люди с инвалидностью
        groups | large | Koʻp bolali oilalar | Многодетные семьи
        groups | widows | Beva ayollar | Вдовы
        groups | displaced | Koʻchirilganlar | Перемещённые
        groups | migrants_fam | Migrantlar oilalari | Семьи мигрантов
        issue | water | Ichimlik suvi | Питьевая вода
        issue | jobs | Ish oʻrinlari | Рабочие места
        issue | roads | Yoʻllar | Дороги
        issue | power | Elektr | Электричество
        issue | school | Maktab | Школа
        issue | health | Tibbiyot | Медицина
        fac_type | school | Maktab | Школа
        fac_type | clinic | Poliklinika | Поликлиника
        fac_type | kinder | Bogʻcha | Детский сад
        fac_type | market | Bozor | Рынок
        condition | good | Yaxshi | Хорошее
        condition | fair | Oʻrtacha | Среднее
        condition | bad | Yomon | Плохое
        fac_needs | roof | Tom | Крыша
        fac_needs | heating | Isitish | Отопление
        fac_needs | water | Suv | Вода
        fac_needs | staff | Xodimlar | Персонал
        fac_needs | equipment | Jihozlar | Оборудование
        com_role | chair | Rais | Председатель
        com_role | deputy | Oʻrinbosar | Заместитель
        com_role | member | Aʼzo | Член
        infra | water | Suv | Вода
        infra | power | Elektr | Электричество
        infra | heat | Isitish | Отопление
        infra | gas | Gaz | Газ
        infra | sewer | Kanalizatsiya | Канализация
        infra | road | Yoʻl | Дорога
        hazard | flood | Suv toshqini | Наводнение
        hazard | mudflow | Sel | Сель
        hazard | quake | Zilzila | Землетрясение
        hazard | drought | Qurgʻoqchilik | Засуха
        hazard | heat | Jazirama | Жара
        hazard | frost | Sovuq | Мороз
        hazard | fire | Yongʻin | Пожар
        hazard | landslide | Koʻchki | Оползень
        hazard | none | Boʻlmagan | Не было
        livelihood | farming | Dehqonchilik | Земледелие
        livelihood | livestock | Chorvachilik | Животноводство
        livelihood | trade | Savdo | Торговля
        livelihood | crafts | Hunarmandchilik | Ремесло
        livelihood | public | Davlat ishi | Госслужба
        livelihood | migration | Mehnat migratsiyasi | Трудовая миграция
        ",
    );
    let options = [
        ("central", "Markaziy", "Центральное"),
        ("local", "Mahalliy", "Местное"),
        ("private", "Xususiy", "Частное"),
        ("none", "Yoʻq", "Нет"),
    ];
    for (n, ..) in INFRA {
        for (o, uz, ru) in options {
            block(
                &mut c,
                "list_name | name | {L}",
                &format!("{n} | {o} | {uz} | {ru}"),
            );
        }
    }
    c
}

fn set(path: &str, value: impl Into<serde_json::Value>) -> serde_json::Value {
    json!({"set": path, "value": value.into()})
}

fn script() -> serde_json::Value {
    let mut s = vec![
        set("/location/region", "fargona"),
        set("/location/district", "margilon"),
        set("/location/mahalla", "navbahor"), // in Chirchiq: dropped
        set("/location/mahalla", "atlas"),
        set("/location/street", "ipak_yoli"), // the CSV is missing: no choices, dropped
        set("/location/centre", "40.47 71.72 480 8"),
        set("/location/resp_role", "other"),
        set("/location/resp_role_other", "Imom"),
        set("/location/resp_name", "  Rahim   aka "),
        set("/location/resp_phone", "90 123 45 67"),
        set("/people/households", 850),
        set("/people/population", 4100),
        set("/people/men", 2000),
        set("/people/women", 2050), // 2000 + 2050 ≠ 4100: a violation
        set("/people/under5", 520),
        set("/people/age6_17", 1030),
        set("/people/over60", 410),
        set("/people/disabled", 95),
        set("/people/displaced_hh", 12),
        set("/people/poor_hh", 170),
    ];
    let infra = [
        ("water", "central local", Some(6)),
        ("power", "central", Some(9)),
        ("heat", "none local", None),
        ("gas", "central", Some(24)),
        ("sewer", "none", Some(5)),
        ("waste", "local private", None),
        ("road", "local", None),
        ("transport", "private other", None),
        ("telecom", "private central", Some(30)),
        ("light", "", None),
    ];
    for (n, v, hours) in infra {
        if !v.is_empty() {
            s.push(set(&format!("/infra_grp/{n}"), v));
        }
        if let Some(h) = hours {
            s.push(set(&format!("/infra_grp/{n}_hours"), h));
        }
    }
    s.extend([
        set("/infra_grp/transport_other", "Marshrutka"),
        set("/infra_grp/infra", "water power gas road"),
        set("/infra_grp/infra_worst", "sewer"), // not among the answers: dropped
        set("/infra_grp/infra_worst", "road"),
    ]);
    let services = [
        "yes", "yes", "no", "no", "yes", "yes", "no", "no", "yes", "no", "yes", "yes", "yes", "no",
        "yes", "yes", "yes", "",
    ];
    let km = [
        ("college", 7.5),
        ("polyclinic", 3.2),
        ("maternity", 12.0),
        ("market", 2.0),
        ("bank", 250.0),
        ("sport", 1.5),
        ("kindergarten", 4.0), // there is one: not relevant
    ];
    for ((n, ..), v) in SERVICES.iter().zip(services) {
        if !v.is_empty() {
            s.push(set(&format!("/services/has_{n}"), v));
        }
    }
    for (n, v) in km {
        s.push(set(&format!("/services/km_{n}"), v));
    }
    s.extend([
        json!({"language": "Русский"}),
        set(
            "/economy/livelihood",
            "trade migration crafts other farming",
        ),
        set("/economy/livelihood_other", "Atlas weaving"),
        set("/economy/unemployed_pct", 18),
        set("/economy/migrants", 600),
        set("/economy/market_access", "yes"),
        set("/economy/price_bread", 4000),
        set("/economy/price_flour", 7500),
        set("/economy/price_rice", 18000),
        set("/economy/price_oil", 21000),
        set("/economy/price_sugar", 14000),
        set("/economy/price_meat", 110000),
        set("/economy/price_milk", -1),
        set("/hazards_grp/hazards", "mudflow heat"),
        set("/hazards_grp/mudflow_year", 2024),
        set("/hazards_grp/mudflow_hh", 40),
        set("/hazards_grp/heat_year", 2019),
        set("/hazards_grp/flood_year", 2023), // not selected: not relevant
        set("/social/orgs", "makhalla women other"),
        set("/social/orgs_other", "Qariyalar kengashi"),
        set("/social/vulnerable", "widows elderly large disabled"),
        set("/social/vulnerable", "widows elderly"),
        set("/social/most_vulnerable", "large"), // not among the answers: dropped
        set("/social/most_vulnerable", "widows"),
        set("/social/issue1", "water"),
        set("/social/issue2", "jobs"),
        set("/social/issue3", "water"), // filtered out: dropped
        set("/social/n_facilities", 3),
        set("/facility[1]/fac_type", "school"),
        set("/facility[1]/fac_name", "School 21"),
        set("/facility[1]/fac_cond", "bad"),
        set("/facility[1]/fac_staff", 64),
        set("/facility[1]/fac_needs", "heating roof"),
        set("/facility[2]/fac_type", "clinic"),
        set("/facility[2]/fac_name", "Oila poliklinikasi"),
        set("/facility[2]/fac_cond", "good"),
        set("/facility[2]/fac_staff", 18),
        set("/facility[2]/fac_needs", "staff"), // good condition: not relevant
        set("/facility[3]/fac_type", "kinder"),
        set("/facility[3]/fac_cond", "bad"),
        set("/committee[1]/com_name", "Rahim Karimov"),
        set("/committee[1]/com_role", "deputy"),
        set("/committee[1]/com_sex", "m"),
        json!({"add_repeat": "/committee", "count": 2}),
        set("/committee[2]/com_name", "Mohira Aliyeva"),
        set("/committee[2]/com_role", "member"),
        set("/committee[2]/com_sex", "f"),
        set("/committee[3]/com_name", "Saida Tojiyeva"),
        set("/committee[3]/com_sex", "f"),
        set("/close/map_drawn", "yes"),
        set("/close/notes", "Profile filled with the committee"),
        set("/housing/houses_brick", 420),
        set("/housing/houses_adobe", 300),
        set("/housing/houses_block", 90),
        set("/housing/houses_flats", 2),
        set("/housing/houses_damaged", 900), // more than the households: a violation
        set("/programmes/prog_temir_daftar", "yes"),
        set("/programmes/prog_temir_daftar_hh", 120),
        set("/programmes/prog_microcredit", "yes"),
        set("/programmes/prog_microcredit_hh", 35),
        set("/programmes/prog_winter_help", "yes"),
        set("/programmes/prog_job_fair", "no"),
        json!({"language": "O'zbekcha"}),
        json!({"language": "Русский"}),
    ]);
    serde_json::Value::Array(s)
}

/// ODK's state after the profile, in Russian (checked by reason: 4,100 people in 850
/// households = 4.8; dependency (520 + 1,030 + 410) ÷ 2,140 = 0.92; 11 services present and 3
/// more than 5 km away; the street from the missing CSV dropped; a mahalla outside the district,
/// a worst system not among those answered and a third issue equal to the first all dropped
/// by their filters; `sum()` of staff with one blank is `""`; men + women ≠ population is a
/// violation on `women`; `once()` behind `if()` keeps the first complete code; `pulldata` from
/// the missing `prices.csv` is `""`; `format-date(today(), …)` is left out, as ODK's clock is
/// the machine's).
fn expect() -> serde_json::Value {
    super::sheet::expectations(
        r#"{
        "/location/region": {"value": "fargona"},
        "/location/district": {"value": "margilon"},
        "/location/mahalla": {"value": "atlas"},
        "/location/street": {"value": ""},
        "/location/nearby": {"value": ""},
        "/location/centre": {"value": "40.47 71.72 480.0 8.0"},
        "/location/resp_role": {"value": "other"},
        "/location/resp_phone": {"violation": true, "message": "9 цифр"},
        "/location/place": {"value": "Ферганская область / Маргилан / Атлас"},
        "/people/households": {"value": "850"},
        "/people/population": {"value": "4100"},
        "/people/men": {"value": "2000"},
        "/people/women": {"violation": true, "message": "Мужчины + женщины = население", "value": "2050"},
        "/people/under5": {"value": "520"},
        "/people/age6_17": {"value": "1030"},
        "/people/over60": {"value": "410"},
        "/people/disabled": {"value": "95"},
        "/people/displaced_hh": {"value": "12"},
        "/people/poor_hh": {"value": "170"},
        "/people/hh_size_avg": {"value": "4.8"},
        "/people/pct_children": {"value": "37.8"},
        "/people/pct_elderly": {"value": "10"},
        "/people/pct_poor": {"value": "20"},
        "/people/dependency": {"value": "0.92"},
        "/infra_grp/water": {"value": "central local"},
        "/infra_grp/water_other": {"relevant": false, "value": ""},
        "/infra_grp/water_hours": {"value": "6"},
        "/infra_grp/water_n": {"value": "2"},
        "/infra_grp/power": {"value": "central"},
        "/infra_grp/power_other": {"relevant": false, "value": ""},
        "/infra_grp/power_hours": {"value": "9"},
        "/infra_grp/power_n": {"value": "1"},
        "/infra_grp/heat": {"violation": true, "message": "«Нет» нельзя совмещать", "value": "local none"},
        "/infra_grp/heat_other": {"relevant": false, "value": ""},
        "/infra_grp/heat_hours": {"relevant": false, "value": ""},
        "/infra_grp/heat_n": {"value": "2"},
        "/infra_grp/gas": {"value": "central"},
        "/infra_grp/gas_other": {"relevant": false, "value": ""},
        "/infra_grp/gas_hours": {"value": "24"},
        "/infra_grp/gas_n": {"value": "1"},
        "/infra_grp/sewer": {"value": "none"},
        "/infra_grp/sewer_other": {"relevant": false, "value": ""},
        "/infra_grp/sewer_hours": {"relevant": false, "value": ""},
        "/infra_grp/sewer_n": {"value": "1"},
        "/infra_grp/waste": {"value": "local private"},
        "/infra_grp/waste_other": {"relevant": false, "value": ""},
        "/infra_grp/waste_n": {"value": "2"},
        "/infra_grp/road": {"value": "local"},
        "/infra_grp/road_other": {"relevant": false, "value": ""},
        "/infra_grp/road_n": {"value": "1"},
        "/infra_grp/transport": {"value": "private other"},
        "/infra_grp/transport_n": {"value": "2"},
        "/infra_grp/telecom": {"value": "central private"},
        "/infra_grp/telecom_other": {"relevant": false, "value": ""},
        "/infra_grp/telecom_hours": {"violation": true, "message": "От 0 до 24", "value": "30"},
        "/infra_grp/telecom_n": {"value": "2"},
        "/infra_grp/light": {"violation": true, "value": ""},
        "/infra_grp/light_other": {"relevant": false, "value": ""},
        "/infra_grp/light_hours": {"relevant": false, "value": ""},
        "/infra_grp/light_n": {"value": "0"},
        "/infra_grp/infra": {"value": "water power gas road"},
        "/infra_grp/infra_worst": {"value": "road"},
        "/infra_grp/infra_worst_name": {"value": "Дорога"},
        "/infra_grp/infra_score": {"value": "14"},
        "/infra_grp/power_cut": {"value": "yes"},
        "/services/has_kindergarten": {"value": "yes"},
        "/services/km_kindergarten": {"relevant": false, "value": ""},
        "/services/has_school": {"value": "yes"},
        "/services/km_school": {"relevant": false, "value": ""},
        "/services/has_college": {"value": "no"},
        "/services/km_college": {"value": "7.5"},
        "/services/has_polyclinic": {"value": "no"},
        "/services/km_polyclinic": {"value": "3.2"},
        "/services/has_fap": {"value": "yes"},
        "/services/km_fap": {"relevant": false, "value": ""},
        "/services/has_pharmacy": {"value": "yes"},
        "/services/km_pharmacy": {"relevant": false, "value": ""},
        "/services/has_maternity": {"value": "no"},
        "/services/km_maternity": {"value": "12.0"},
        "/services/has_market": {"value": "no"},
        "/services/km_market": {"value": "2.0"},
        "/services/has_shop": {"value": "yes"},
        "/services/km_shop": {"relevant": false, "value": ""},
        "/services/has_bank": {"value": "no"},
        "/services/km_bank": {"violation": true, "message": "От 0 до 200 км", "value": "250.0"},
        "/services/has_atm": {"value": "yes"},
        "/services/km_atm": {"relevant": false, "value": ""},
        "/services/has_post": {"value": "yes"},
        "/services/km_post": {"relevant": false, "value": ""},
        "/services/has_mosque": {"value": "yes"},
        "/services/km_mosque": {"relevant": false, "value": ""},
        "/services/has_sport": {"value": "no"},
        "/services/km_sport": {"value": "1.5"},
        "/services/has_playground": {"value": "yes"},
        "/services/km_playground": {"relevant": false, "value": ""},
        "/services/has_police": {"value": "yes"},
        "/services/km_police": {"relevant": false, "value": ""},
        "/services/has_bus": {"value": "yes"},
        "/services/km_bus": {"relevant": false, "value": ""},
        "/services/has_social": {"violation": true, "value": ""},
        "/services/km_social": {"relevant": false, "value": ""},
        "/services/services_here": {"value": "11"},
        "/services/services_far": {"value": "3"},
        "/services/health_km": {"value": "0"},
        "/economy/livelihood": {"violation": true, "message": "Не более 4", "value": "farming trade crafts migration other"},
        "/economy/unemployed_pct": {"value": "18"},
        "/economy/migrants": {"value": "600"},
        "/economy/market_access": {"value": "yes"},
        "/economy/price_bread": {"value": "4000.0"},
        "/economy/price_flour": {"value": "7500.0"},
        "/economy/price_rice": {"value": "18000.0"},
        "/economy/price_oil": {"value": "21000.0"},
        "/economy/price_sugar": {"value": "14000.0"},
        "/economy/price_meat": {"value": "110000.0"},
        "/economy/price_milk": {"violation": true, "message": "Положительное число", "value": "-1.0"},
        "/economy/basket": {"value": "685000"},
        "/economy/basket_k": {"value": "685"},
        "/economy/prices_given": {"value": "2"},
        "/hazards_grp/hazards": {"value": "mudflow heat"},
        "/hazards_grp/flood_year": {"relevant": false, "value": ""},
        "/hazards_grp/flood_hh": {"relevant": false, "value": ""},
        "/hazards_grp/mudflow_year": {"value": "2024"},
        "/hazards_grp/mudflow_hh": {"value": "40"},
        "/hazards_grp/quake_year": {"relevant": false, "value": ""},
        "/hazards_grp/quake_hh": {"relevant": false, "value": ""},
        "/hazards_grp/drought_year": {"relevant": false, "value": ""},
        "/hazards_grp/drought_hh": {"relevant": false, "value": ""},
        "/hazards_grp/heat_year": {"violation": true, "message": "2020–2026", "value": "2019"},
        "/hazards_grp/frost_year": {"relevant": false, "value": ""},
        "/hazards_grp/frost_hh": {"relevant": false, "value": ""},
        "/hazards_grp/fire_year": {"relevant": false, "value": ""},
        "/hazards_grp/fire_hh": {"relevant": false, "value": ""},
        "/hazards_grp/landslide_year": {"relevant": false, "value": ""},
        "/hazards_grp/landslide_hh": {"relevant": false, "value": ""},
        "/hazards_grp/hazard_n": {"value": "2"},
        "/hazards_grp/hazard_hh": {"value": "40"},
        "/hazards_grp/hazard_first": {"value": "Сель"},
        "/hazards_grp/hazard_recent": {"value": "2024"},
        "/housing/houses_brick": {"value": "420"},
        "/housing/houses_adobe": {"value": "300"},
        "/housing/houses_block": {"value": "90"},
        "/housing/houses_flats": {"value": "2"},
        "/housing/houses_damaged": {"violation": true, "message": "Не больше числа домохозяйств", "value": "900"},
        "/housing/houses_empty": {"violation": true},
        "/housing/houses_no_gas": {"violation": true},
        "/housing/houses_no_water": {"violation": true},
        "/housing/houses_total": {"value": "812"},
        "/housing/pct_adobe": {"value": "36.9"},
        "/programmes/prog_temir_daftar": {"value": "yes"},
        "/programmes/prog_temir_daftar_hh": {"value": "120"},
        "/programmes/prog_ayollar_daftari": {"value": ""},
        "/programmes/prog_ayollar_daftari_hh": {"relevant": false, "value": ""},
        "/programmes/prog_yoshlar_daftari": {"value": ""},
        "/programmes/prog_yoshlar_daftari_hh": {"relevant": false, "value": ""},
        "/programmes/prog_subsidy_housing": {"value": ""},
        "/programmes/prog_subsidy_housing_hh": {"relevant": false, "value": ""},
        "/programmes/prog_subsidy_business": {"value": ""},
        "/programmes/prog_subsidy_business_hh": {"relevant": false, "value": ""},
        "/programmes/prog_microcredit": {"value": "yes"},
        "/programmes/prog_microcredit_hh": {"value": "35"},
        "/programmes/prog_job_fair": {"value": "no"},
        "/programmes/prog_job_fair_hh": {"relevant": false, "value": ""},
        "/programmes/prog_vocational": {"value": ""},
        "/programmes/prog_vocational_hh": {"relevant": false, "value": ""},
        "/programmes/prog_child_allowance": {"value": ""},
        "/programmes/prog_child_allowance_hh": {"relevant": false, "value": ""},
        "/programmes/prog_low_income": {"value": ""},
        "/programmes/prog_low_income_hh": {"relevant": false, "value": ""},
        "/programmes/prog_winter_help": {"value": "yes"},
        "/programmes/prog_winter_help_hh": {"violation": true},
        "/programmes/prog_repairs": {"value": ""},
        "/programmes/prog_repairs_hh": {"relevant": false, "value": ""},
        "/programmes/prog_reach": {"value": "155"},
        "/programmes/prog_cover": {"value": "18"},
        "/social/orgs": {"value": "makhalla women other"},
        "/social/vulnerable": {"value": "elderly widows"},
        "/social/most_vulnerable": {"value": "widows"},
        "/social/most_vulnerable_name": {"value": "Вдовы"},
        "/social/issue1": {"value": "water"},
        "/social/issue2": {"value": "jobs"},
        "/social/issue3": {"value": ""},
        "/social/issues": {"value": "water,jobs,"},
        "/social/n_facilities": {"value": "3"},
        "/facility": {"count": 3},
        "/facility[1]/fac_no": {"value": "1"},
        "/facility[1]/fac_type": {"value": "school"},
        "/facility[1]/fac_cond": {"value": "bad"},
        "/facility[1]/fac_staff": {"value": "64"},
        "/facility[1]/fac_needs": {"value": "roof heating"},
        "/facility[1]/fac_label": {"value": "1. School 21 (Школа)"},
        "/facility[2]/fac_no": {"value": "2"},
        "/facility[2]/fac_type": {"value": "clinic"},
        "/facility[2]/fac_cond": {"value": "good"},
        "/facility[2]/fac_staff": {"value": "18"},
        "/facility[2]/fac_needs": {"relevant": false, "value": ""},
        "/facility[2]/fac_label": {"value": "2. Oila poliklinikasi (Поликлиника)"},
        "/facility[3]/fac_no": {"value": "3"},
        "/facility[3]/fac_type": {"value": "kinder"},
        "/facility[3]/fac_name": {"violation": true},
        "/facility[3]/fac_cond": {"value": "bad"},
        "/facility[3]/fac_needs": {"value": ""},
        "/facility[3]/fac_label": {"value": "3.  (Детский сад)"},
        "/fac_bad": {"value": "2"},
        "/fac_staff_total": {"value": ""},
        "/fac_first": {"value": "1. School 21 (Школа)"},
        "/committee": {"count": 3},
        "/committee[1]/com_role": {"value": "deputy"},
        "/committee[1]/com_sex": {"value": "m"},
        "/committee[2]/com_role": {"value": "member"},
        "/committee[2]/com_sex": {"value": "f"},
        "/committee[3]/com_role": {"violation": true, "value": ""},
        "/committee[3]/com_sex": {"value": "f"},
        "/com_n": {"value": "3"},
        "/com_women": {"value": "2"},
        "/com_chair": {"value": "0"},
        "/close/map_drawn": {"value": "yes"},
        "/close/profile_code": {"value": "fargona-margilon-atlas-850"},
        "/close/profile_uid": {"value": "margilon-atlas"},
        "/close/uid_length": {"value": "36"},
        "/close/notes_committee": {"value": "true"},
        "/close/phone_mobile": {"value": "true"},
        "/close/resp_clean": {"value": "Rahim aka"},
        "/location/resp_name": {"value": "  Rahim   aka "},
        "/close/sex_gap": {"value": "50"},
        "/close/thousands": {"value": "5"},
        "/close/map_flag": {"value": "true"},
        "/close/region_code": {"value": "FARGONA"},
        "/close/hh_text": {"value": "850 / 13.5"},
        "/close/bread_ref": {"value": ""}
    }"#,
    )
}
