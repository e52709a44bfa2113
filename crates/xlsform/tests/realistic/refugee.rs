//! A refugee / IDP household survey in four languages, as a protection cluster shares it: no
//! settings sheet (the first language is the default), headers spelt four ways
//! (`label::English`, `label::Russian (ru)`, `label::Oʻzbekcha`, `Label::Ўзбекча (uz-Cyrl)`,
//! `Hint::Russian (ru)`, `Constraint Message::Oʻzbekcha`, `required_message::English`), a
//! roster filled by adding members (no count), a repeat of places stayed, ages from dates of
//! birth, `or_other` with translations, `jr:choice-name` read after each language switch.
//!
//! Import warnings (9): no settings sheet, so no `version` and no `default_language` (English,
//! the first, opens); `consent_ru.mp3` is not supplied; hints and the required message not
//! written in every language (6).

use serde_json::json;

use super::sheet::{Form, Sheet};

/// The four label columns and their sisters, spelt as the form's authors did.
const L: &str =
    "label::English | label::Russian (ru) | label::Oʻzbekcha | Label::Ўзбекча (uz-Cyrl)";
const CM: &str = "constraint_message::English | Constraint Message::Russian (ru) | Constraint Message::Oʻzbekcha | constraint_message::Ўзбекча (uz-Cyrl)";

fn block(s: &mut Sheet, columns: &str, rows: &str) {
    let head = columns.replace("{L}", L).replace("{CM}", CM);
    s.block(&format!("{head}\n{rows}"));
}

pub fn form() -> Form {
    let mut s = Sheet::new("survey");
    block(
        &mut s,
        "type | name | {L} | Hint::Russian (ru) | hint::English | required | required_message::English | relevance | constraint | {CM} | calculation | appearance | audio::Russian (ru) | default",
        r"
        start | start
        today | today
        begin_group | consent_grp | Consent | Согласие | Rozilik | Розилик | | | | | | | | | | | | field-list
        select_one yn␠ | consent | Do you agree to answer? | Вы согласны ответить? | Javob berishga rozimisiz? | Жавоб беришга розимисиз? | Прочитайте текст согласия | Read the consent text | yes | Consent is needed | | | | | | | | | consent_ru.mp3
        date | int_date | Date of interview | Дата интервью | Suhbat sanasi | Суҳбат санаси | | | yes | | | . >= date('2025-06-01') | Too early | Слишком рано | Juda erta | Жуда эрта
        select_one site | site | Interview site | Место интервью | Suhbat joyi | Суҳбат жойи | | | yes
        end_group
        begin_group | arrival | Arrival | Прибытие | Kelish | Келиш | | | | | ${consent} = 'yes'
        select_one status | status | Status of the household | Статус домохозяйства | Xonadon maqomi | Хонадон мақоми | | | yes
        select_one origin or_other | origin | Where did you come from? | Откуда вы прибыли? | Qayerdan keldingiz? | Қаердан келдингиз? | | | yes
        date | arrival_date | When did you arrive? | Когда вы прибыли? | Qachon keldingiz? | Қачон келдингиз? | | | TRUE | | | . <= ${int_date} | Not after the interview | Не позже интервью | Suhbatdan keyin emas | Суҳбатдан кейин эмас
        calculate | days_since_arrival | | | | | | | | | | | | | | | if(${arrival_date} = '', '', ${int_date} - ${arrival_date})
        select_multiple displ_reason | displ_reason | Why did you leave? | Почему вы уехали? | Nega ketdingiz? | Нега кетдингиз? | Несколько ответов | Select all that apply | yes
        select_one yn | registered | Is the household registered? | Зарегистрировано ли домохозяйство? | Xonadon roʻyxatdan oʻtganmi? | Хонадон рўйхатдан ўтганми? | | | yes | | ${status} != 'host'
        text | reg_no | Registration number | Регистрационный номер | Roʻyxat raqami | Рўйхат рақами | | Like UZB-12-34567 | yes | | ${registered} = 'yes' | regex(., '^[A-Z]{3}-[0-9]{2}-[0-9]{5}$') | Format UZB-12-34567 | Формат UZB-12-34567 | Format UZB-12-34567 | Формат UZB-12-34567
        calculate | reg_country | | | | | | | | | | | | | | | if(${reg_no} = '', '', substr(${reg_no}, 0, 3))
        end_group
        ",
    );
    block(
        &mut s,
        "type | name | {L} | hint::English | required | relevance | constraint | {CM} | calculation | appearance",
        r"
        begin_repeat | hh_member | Household member | Член домохозяйства | Xonadon aʼzosi | Хонадон аъзоси | | | ${consent} = 'yes'
        calculate | mem_no | | | | | | | | | | | | | position(..)
        text | mem_name | Name | Имя | Ism | Исм | | yes
        select_one sex | mem_sex | Sex | Пол | Jinsi | Жинси | | yes | | | | | | | | horizontal
        date | dob | Date of birth | Дата рождения | Tugʻilgan sana | Туғилган сана | If unknown, 1 July of the year | Yes | | . <= ${int_date} and . >= date('1900-01-01') | Impossible date | Невозможная дата | Imkonsiz sana | Имконсиз сана
        calculate | mem_age | | | | | | | | | | | | | if(${dob} = '', '', int((decimal-date-time(${int_date}) - decimal-date-time(${dob})) div 365.25))
        calculate | mem_age_m | | | | | | | | | | | | | if(${dob} = '', '', int((decimal-date-time(${int_date}) - decimal-date-time(${dob})) div 30.4375))
        select_one rel | mem_rel | Relationship to the head | Отношение к главе | Boshliqqa qarindoshligi | Бошлиққа қариндошлиги | | yes | ${mem_no} > 1
        select_one nationality | nationality | Nationality | Гражданство | Fuqarolik | Фуқаролик | | yes
        select_multiple docs | mem_docs | Documents held | Имеющиеся документы | Hujjatlari | Ҳужжатлари | | | | not(selected(., 'none') and count-selected(.) > 1) | None cannot go with a document | Нет нельзя совмещать | Yoʻq bilan birga boʻlmaydi | Йўқ билан бирга бўлмайди
        select_one edu | mem_edu | Highest education | Образование | Maʼlumoti | Маълумоти | | | ${mem_age} >= 6
        select_one work | mem_work | Work in the last 7 days | Работа за 7 дней | Soʻnggi 7 kun ishi | Сўнгги 7 кун иши | | | ${mem_age} >= 15
        select_one yn | mem_disab | Any disability? | Инвалидность? | Nogironlik? | Ногиронлик? | | TRUE
        select_one yn | mem_vacc | Vaccinated against measles? | Привит от кори? | Qizamiqqa qarshi emlanganmi? | Қизамиққа қарши эмланганми? | | | ${mem_age_m} >= 9 and ${mem_age_m} < 60
        select_one yn | mem_separated | Is this child separated from both parents? | Разлучён с родителями? | Ota-onasidan ajralganmi? | Ота-онасидан ажралганми? | | | ${mem_age} < 18 and ${mem_rel} != 'head'
        select_multiple langs | mem_langs | Languages spoken | Языки | Biladigan tillari | Биладиган тиллари | | | ${mem_age} >= 3
        select_one occupation | mem_occ_before | Occupation before leaving | Занятие до отъезда | Ketishdan oldingi kasbi | Кетишдан олдинги касби | | | ${mem_age} >= 15
        select_one yn | mem_phone | Has a mobile phone? | Есть мобильный? | Telefoni bormi? | Телефони борми? | | | ${mem_age} >= 12
        select_one yn | mem_chronic | Chronic illness? | Хроническое заболевание? | Surunkali kasallik? | Сурункали касаллик? | | yes
        select_one yn | mem_school | Attends school now? | Ходит в школу? | Maktabga boradimi? | Мактабга борадими? | | yes | ${mem_age} >= 6 and ${mem_age} <= 17
        calculate | mem_dob_txt | | | | | | | | | | | | | format-date(${dob}, '%d.%m.%Y')
        calculate | is_minor | | | | | | | | | | | | | if(${mem_age} != '' and ${mem_age} < 18, 1, 0)
        calculate | sep_flag | | | | | | | | | | | | | if(${mem_separated} = 'yes', 1, 0)
        note | mem_line | ${mem_no}: ${mem_name} (${mem_age}) | ${mem_no}: ${mem_name} (${mem_age}) | ${mem_no}: ${mem_name} (${mem_age}) | ${mem_no}: ${mem_name} (${mem_age})
        end_repeat
        calculate | n_mem | | | | | | | | | | | | | count(${hh_member})
        calculate | n_minors | | | | | | | | | | | | | sum(${is_minor})
        calculate | n_separated | | | | | | | | | | | | | sum(${sep_flag})
        calculate | n_no_docs | | | | | | | | | | | | | count(${hh_member}[selected(mem_docs, 'none')])
        calculate | first_name | | | | | | | | | | | | | indexed-repeat(${mem_name}, ${hh_member}, 1)
        calculate | head_sex_name | | | | | | | | | | | | | jr:choice-name(indexed-repeat(${mem_sex}, ${hh_member}, 1), '${mem_sex}')
        calculate | hh_code | | | | | | | | | | | | | concat(${site}, '-', ${n_mem}, '-', substr(${first_name}, 0, 3))
        ",
    );
    block(
        &mut s,
        "type | name | {L} | required | relevance | constraint | {CM} | calculation",
        r"
        begin_repeat | stay | Places stayed on the way | Места пребывания | Yoʻldagi joylar | Йўлдаги жойлар | | ${consent} = 'yes'
        text | stay_place | Place | Место | Joy | Жой | yes
        integer | stay_months | Months stayed | Месяцев | Oy | Ой | yes | | . >= 0 and . <= 240 | 0 to 240 months | От 0 до 240 месяцев | 0 dan 240 oygacha | 0 дан 240 ойгача
        select_one yn | stay_safe | Did you feel safe there? | Было безопасно? | Xavfsiz edimi? | Хавфсиз эдими? | yes
        end_repeat
        calculate | stay_total | | | | | | | | | | | | sum(${stay_months})
        calculate | stay_unsafe | | | | | | | | | | | | count(${stay}[stay_safe = 'no'])
        ",
    );
    services(&mut s);
    needs(&mut s);
    cohesion(&mut s);
    assistance(&mut s);
    journey(&mut s);
    housing(&mut s);
    food_health(&mut s);
    block(
        &mut s,
        "type | name | {L} | required | relevance | constraint | {CM} | calculation | appearance",
        r"
        begin_group | future | Intentions | Намерения | Niyatlar | Ниятлар | | ${consent} = 'yes'
        select_one intent | intent | What do you plan in the next 12 months? | Планы на 12 месяцев? | 12 oylik rejalar? | 12 ойлик режалар? | yes
        select_multiple return_cond | return_cond | What would you need to return? | Что нужно для возвращения? | Qaytish uchun nima kerak? | Қайтиш учун нима керак? | | ${intent} = 'return'
        text | intent_place | Where to? | Куда? | Qayerga? | Қаерга? | yes | ${intent} = 'move'
        select_multiple channel | info_channel | How do you prefer to receive information? | Как вы предпочитаете получать информацию? | Maʼlumotni qanday olishni afzal koʻrasiz? | Маълумотни қандай олишни афзал кўрасиз? | yes | | count-selected(.) <= 2 | At most two | Не более двух | Koʻpi bilan ikkita | Кўпи билан иккита | | minimal
        select_one lang | info_lang | In which language? | На каком языке? | Qaysi tilda? | Қайси тилда? | yes
        select_one yn | feedback_know | Do you know how to give feedback or complain? | Знаете, как пожаловаться? | Shikoyat qilishni bilasizmi? | Шикоят қилишни биласизми? | yes
        text | remarks | Remarks | Замечания | Izohlar | Изоҳлар | | | | | | | | | multiline
        ",
    );
    block(
        &mut s,
        "type | name | calculation",
        r"
        calculate | info_lang_name | jr:choice-name(${info_lang}, '${info_lang}')
        calculate | channel_first | jr:choice-name(selected-at(${info_channel}, 0), '${info_channel}')
        calculate | intent_name | jr:choice-name(${intent}, '${intent}')
        calculate | vuln | if(${n_separated} > 0, 3, 0) + if(${n_no_docs} > 0, 2, 0) + if(${needs_severe} >= 3, 2, 0) + if(${services_no} > 5, 1, 0) + if(${cohesion} < 25, 1, 0)
        calculate | vuln_level | if(${vuln} >= 6, 'priority', if(${vuln} >= 3, 'follow-up', 'standard'))
        end_group
        ",
    );
    Form {
        name: "refugee_idp",
        sheets: vec![s, choices()],
        script: script(),
        expect: expect(),
        languages: &[("English", "en"), ("Oʻzbekcha", "uz-Latn")],
    }
}

/// Services: used in the last 3 months?
const SERVICES: [(&str, &str, &str, &str, &str); 12] = [
    (
        "health",
        "a health centre",
        "медпункт",
        "tibbiyot punkti",
        "тиббиёт пункти",
    ),
    (
        "school",
        "school for the children",
        "школа",
        "maktab",
        "мактаб",
    ),
    ("water", "safe water", "чистая вода", "toza suv", "тоза сув"),
    (
        "legal",
        "legal aid",
        "юридическая помощь",
        "yuridik yordam",
        "юридик ёрдам",
    ),
    (
        "cash",
        "cash assistance",
        "денежная помощь",
        "pul yordami",
        "пул ёрдами",
    ),
    (
        "food",
        "food distribution",
        "продовольствие",
        "oziq-ovqat",
        "озиқ-овқат",
    ),
    (
        "psycho",
        "psychosocial support",
        "психосоциальная помощь",
        "psixologik yordam",
        "психологик ёрдам",
    ),
    (
        "job",
        "job centre",
        "центр занятости",
        "bandlik markazi",
        "бандлик маркази",
    ),
    (
        "bank",
        "a bank account",
        "банковский счёт",
        "bank hisobi",
        "банк ҳисоби",
    ),
    (
        "transport",
        "public transport",
        "транспорт",
        "jamoat transporti",
        "жамоат транспорти",
    ),
    ("police", "the police", "полиция", "politsiya", "полиция"),
    (
        "mahalla",
        "the mahalla committee",
        "махаллинский комитет",
        "mahalla qoʻmitasi",
        "маҳалла қўмитаси",
    ),
];

fn services(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | relevance",
        "begin_group | services | Access to services | Доступ к услугам | Xizmatlardan foydalanish | Хизматлардан фойдаланиш | ${consent} = 'yes'",
    );
    for (n, en, ru, uz, cy) in SERVICES {
        block(
            s,
            "type | name | {L} | required | appearance",
            &format!(
                "select_one yn_na | svc_{n} | In the last 3 months, could you use {en}? | Могли ли вы пользоваться: {ru}? | {uz}dan foydalana oldingizmi? | {cy}дан фойдалана олдингизми? | yes | horizontal"
            ),
        );
        block(
            s,
            "type | name | {L} | relevance",
            &format!(
                "select_multiple barrier | bar_{n} | What stopped you? | Что помешало? | Nima toʻsqinlik qildi? | Нима тўсқинлик қилди? | ${{svc_{n}}} = 'no'"
            ),
        );
    }
    let no: Vec<String> = SERVICES
        .iter()
        .map(|(n, ..)| format!("if(${{svc_{n}}} = 'no', 1, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | services_no | {}\n             calculate | bar_cost_n | count-selected(${{bar_health}}) + count-selected(${{bar_school}})\n             end_group",
            no.join(" + ")
        ),
    );
}

const NEEDS: [(&str, &str, &str); 14] = [
    ("food", "Food", "Еда"),
    ("water", "Drinking water", "Питьевая вода"),
    ("shelter", "Shelter", "Жильё"),
    ("toilet", "Toilet", "Туалет"),
    ("health", "Health care", "Медпомощь"),
    ("income", "Income", "Доход"),
    ("education", "Education", "Образование"),
    ("clothes", "Clothes", "Одежда"),
    ("heating", "Heating", "Отопление"),
    ("docs", "Documents", "Документы"),
    ("safety", "Safety", "Безопасность"),
    ("care", "Care for the elderly", "Уход за пожилыми"),
    ("distress", "Distress", "Стресс"),
    ("info", "Information", "Информация"),
];

fn needs(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | relevance",
        "begin_group | needs | Serious problems | Серьёзные проблемы | Jiddiy muammolar | Жиддий муаммолар | ${consent} = 'yes'",
    );
    for (n, en, ru) in NEEDS {
        block(
            s,
            "type | name | {L} | required | appearance",
            &format!(
                "select_one sev | need_{n} | {en}: is this a serious problem? | {ru}: серьёзная проблема? | {n}: jiddiy muammomi? | {n}: жиддий муаммоми? | TRUE | likert"
            ),
        );
    }
    let severe: Vec<String> = NEEDS
        .iter()
        .map(|(n, ..)| format!("if(${{need_{n}}} = '3', 1, 0)"))
        .collect();
    let answered: Vec<String> = NEEDS
        .iter()
        .map(|(n, ..)| format!("if(${{need_{n}}} != '', 1, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | needs_severe | {}\n             calculate | needs_answered | {}\n             end_group",
            severe.join(" + "),
            answered.join(" + ")
        ),
    );
}

const COHESION: [&str; 10] = [
    "I trust my neighbours",
    "Local people treat us fairly",
    "I can ask the mahalla for help",
    "My children have local friends",
    "I feel I belong here",
    "I can find work like local people",
    "Landlords treat us fairly",
    "I understand the local rules",
    "I take part in community events",
    "I would recommend this place",
];

fn cohesion(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | relevance",
        "begin_group | cohesion_grp | Living together | Совместная жизнь | Birga yashash | Бирга яшаш | ${consent} = 'yes'",
    );
    for (i, text) in COHESION.iter().enumerate() {
        block(
            s,
            "type | name | {L} | required | appearance",
            &format!(
                "select_one agree | coh_{i} | {text} | Утверждение {i} | {i}-fikr | {i}-фикр | Yes | likert"
            ),
        );
    }
    let total: Vec<String> = (0..COHESION.len())
        .map(|i| format!("coalesce(${{coh_{i}}}, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | cohesion | {}\n             calculate | cohesion_mean | round(${{cohesion}} div 10, 2)\n             end_group",
            total.join(" + ")
        ),
    );
}

/// Assistance received since arrival: name, English, Russian.
const ASSISTANCE: [(&str, &str, &str); 10] = [
    ("cash", "cash", "деньги"),
    ("food", "food parcels", "продуктовые наборы"),
    ("voucher", "vouchers", "ваучеры"),
    ("nfi", "household items", "предметы быта"),
    ("hygiene", "hygiene kits", "гигиенические наборы"),
    (
        "winter",
        "winter clothes or fuel",
        "зимняя одежда или топливо",
    ),
    ("rent", "rent support", "помощь с арендой"),
    ("medical", "medicine or treatment", "лекарства или лечение"),
    ("legal", "legal counselling", "юридическая консультация"),
    ("school", "school kits", "школьные наборы"),
];

fn assistance(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | relevance",
        "begin_group | assistance | Assistance received | Полученная помощь | Olingan yordam | Олинган ёрдам | ${consent} = 'yes'",
    );
    for (n, en, ru) in ASSISTANCE {
        block(
            s,
            "type | name | {L} | required | relevance | constraint | {CM}",
            &format!(
                "select_one yn | got_{n} | Since arriving, did you receive {en}? | Получали ли вы: {ru}? | {n} oldingizmi? | {n} олдингизми? | yes
                 integer | val_{n} | Value of the {en} (UZS) | Стоимость (сум) | Qiymati (soʻm) | Қиймати (сўм) | yes | ${{got_{n}}} = 'yes' | . >= 0 | Not negative | Не меньше нуля | Manfiy emas | Манфий эмас"
            ),
        );
    }
    let got: Vec<String> = ASSISTANCE
        .iter()
        .map(|(n, ..)| format!("if(${{got_{n}}} = 'yes', 1, 0)"))
        .collect();
    let val: Vec<String> = ASSISTANCE
        .iter()
        .map(|(n, ..)| format!("coalesce(${{val_{n}}}, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | assist_types | {}\n             calculate | assist_value | {}\n             calculate | assist_pc | if(${{n_mem}} > 0, round(${{assist_value}} div ${{n_mem}}, 0), '')\n             end_group",
            got.join(" + "),
            val.join(" + ")
        ),
    );
}

const INCIDENTS: [(&str, &str); 10] = [
    ("theft", "theft or robbery"),
    ("extortion", "extortion or bribes"),
    ("detention", "detention"),
    ("violence", "physical violence"),
    ("sexual", "sexual violence"),
    ("separation", "family separation"),
    ("trafficking", "trafficking or forced work"),
    ("pushback", "being pushed back at a border"),
    ("docs_taken", "documents taken away"),
    ("injury", "injury or illness with no care"),
];

fn journey(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | hint::English | relevance",
        "begin_group | journey | On the way | В пути | Yoʻlda | Йўлда | Ask gently; any answer may be refused | ${consent} = 'yes'",
    );
    for (n, en) in INCIDENTS {
        block(
            s,
            "type | name | {L} | required | relevance",
            &format!(
                "select_one yn_ref | inc_{n} | On the way here, did anyone experience {en}? | В пути: {n}? | Yoʻlda: {n}? | Йўлда: {n}? | TRUE
                 select_one yn | rep_{n} | Was it reported to anyone? | Сообщили ли об этом? | Xabar berildimi? | Хабар берилдими? | | ${{inc_{n}}} = 'yes'"
            ),
        );
    }
    let any: Vec<String> = INCIDENTS
        .iter()
        .map(|(n, _)| format!("if(${{inc_{n}}} = 'yes', 1, 0)"))
        .collect();
    block(
        s,
        "type | name | {L} | relevance | calculation",
        &format!(
            "calculate | incidents | | | | | | {}
             note | refer_note | Offer a referral to the protection desk (${{incidents}} incidents). | Предложите направление (${{incidents}}). | Yoʻllanma taklif qiling (${{incidents}}). | Йўлланма таклиф қилинг (${{incidents}}). | ${{incidents}} > 0
             end_group",
            any.join(" + ")
        ),
    );
}

fn housing(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | required | relevance | constraint | {CM} | calculation | appearance",
        r"
        begin_group | housing | Housing | Жильё | Uy-joy | Уй-жой | | ${consent} = 'yes'
        select_one housing | house_type | Where does the household live? | Где живёт семья? | Oila qayerda yashaydi? | Оила қаерда яшайди? | yes
        integer | house_rooms | Rooms | Комнат | Xonalar | Хоналар | yes | | . >= 1 and . <= 15 | 1 to 15 rooms | От 1 до 15 | 1 dan 15 gacha | 1 дан 15 гача
        integer | house_rent | Monthly rent (UZS) | Аренда (сум) | Ijara (soʻm) | Ижара (сўм) | yes | ${house_type} = 'rented'
        select_one yn | house_contract | Is there a written contract? | Есть договор? | Shartnoma bormi? | Шартнома борми? | | ${house_type} = 'rented'
        select_one yn | house_heating | Is the home heated? | Отапливается? | Isitiladimi? | Иситиладими? | yes
        select_one yn | house_water | Is there running water? | Есть водопровод? | Vodoprovod bormi? | Водопровод борми? | yes
        select_one yn | house_toilet_in | Is the toilet inside? | Туалет внутри? | Hojatxona ichkaridami? | Ҳожатхона ичкаридами? | yes
        select_one yn | house_evict | Were you asked to leave in the last 6 months? | Просили ли съехать? | Koʻchishni soʻrashdimi? | Кўчишни сўрашдими? | yes | ${house_type} != 'own'
        calculate | persons_room | | | | | | | | | | | | if(${house_rooms} > 0, round(${n_mem} div ${house_rooms}, 2), '')
        calculate | overcrowded | | | | | | | | | | | | if(${persons_room} > 3, 'yes', 'no')
        ",
    );
    for skill in [
        "tailoring",
        "cooking",
        "driving",
        "building",
        "farming",
        "teaching",
        "nursing",
        "computers",
        "repairs",
        "hairdressing",
    ] {
        block(
            s,
            "type | name | {L} | appearance",
            &format!(
                "select_one yn | skill_{skill} | Does anyone have {skill} skills to earn from? | Навыки: {skill}? | Koʻnikma: {skill}? | Кўникма: {skill}? | horizontal"
            ),
        );
    }
    block(
        s,
        "type | name | calculation",
        "calculate | skills_n | count-selected(concat(${skill_tailoring}, ' ', ${skill_cooking}, ' ', ${skill_driving}))
         end_group",
    );
}

/// Food groups eaten in the last 7 days (days) and their FCS weights.
const FOOD: [(&str, &str, &str, &str); 8] = [
    ("staples", "bread, rice, potatoes", "хлеб, рис", "2"),
    ("pulses", "beans, peas, lentils", "бобовые", "3"),
    ("veg", "vegetables", "овощи", "1"),
    ("fruit", "fruit", "фрукты", "1"),
    ("meat", "meat, fish, eggs", "мясо, рыба", "4"),
    ("milk", "milk, yoghurt", "молоко", "4"),
    ("sugar", "sugar, honey", "сахар", "0.5"),
    ("oil", "oil, butter", "масло", "0.5"),
];

const HEALTH: [(&str, &str); 12] = [
    ("fever", "fever"),
    ("cough", "cough"),
    ("diarrhoea", "diarrhoea"),
    ("skin", "skin disease"),
    ("injury", "an injury"),
    ("teeth", "tooth pain"),
    ("eyes", "eye problems"),
    ("pregnancy", "problems in pregnancy"),
    ("sleep", "trouble sleeping"),
    ("fear", "constant fear or worry"),
    ("pain", "chronic pain"),
    ("medicine", "no medicine for a chronic illness"),
];

fn food_health(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | relevance",
        "begin_group | food | Food and health | Питание и здоровье | Ovqat va salomatlik | Овқат ва саломатлик | ${consent} = 'yes'",
    );
    for (n, en, ru, _) in FOOD {
        block(
            s,
            "type | name | {L} | required | constraint | {CM}",
            &format!(
                "integer | fd_{n} | Days in the last 7 with {en} | Дней с продуктами: {ru} | {n}: necha kun? | {n}: неча кун? | yes | . >= 0 and . <= 7 | 0 to 7 | От 0 до 7 | 0 dan 7 gacha | 0 дан 7 гача"
            ),
        );
    }
    let fcs: Vec<String> = FOOD
        .iter()
        .map(|(n, _, _, w)| format!("coalesce(${{fd_{n}}}, 0) * {w}"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | fcs | {}\n             calculate | fcs_group | if(${{fcs}} > 35, 'acceptable', if(${{fcs}} > 21, 'borderline', 'poor'))",
            fcs.join(" + ")
        ),
    );
    for (n, en) in HEALTH {
        block(
            s,
            "type | name | {L} | appearance",
            &format!(
                "select_one yn | hl_{n} | In the last month, did anyone have {en}? | За месяц: {n}? | Oxirgi oyda: {n}? | Охирги ойда: {n}? | horizontal"
            ),
        );
    }
    let ill: Vec<String> = HEALTH
        .iter()
        .map(|(n, _)| format!("${{hl_{n}}} = 'yes'"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | any_health | if({}, 'yes', 'no')\n             calculate | mh_flag | if(${{hl_sleep}} = 'yes' and ${{hl_fear}} = 'yes', 1, 0)\n             end_group",
            ill.join(" or ")
        ),
    );
}

fn choices() -> Sheet {
    let mut c = Sheet::new("choices");
    c.block(&format!(
        "list_name | name | {L}
        yn␠ | yes | Yes | Да | Ha | Ҳа
        yn␠ | no | No | Нет | Yoʻq | Йўқ
        yn_na | yes | Yes | Да | Ha | Ҳа
        yn_na | no | No | Нет | Yoʻq | Йўқ
        yn_na | na | Did not need it | Не было нужно | Kerak boʻlmadi | Керак бўлмади
        site | camp | Camp | Лагерь | Lager | Лагерь
        site | host | Host community | Принимающая община | Qabul qiluvchi jamoa | Қабул қилувчи жамоа
        site | transit | Transit centre | Транзитный центр | Tranzit markazi | Транзит маркази
        status | refugee | Refugee | Беженец | Qochqin | Қочқин
        status | idp | Internally displaced | ВПЛ | Ichki koʻchirilgan | Ички кўчирилган
        status | returnee | Returnee | Вернувшийся | Qaytgan | Қайтган
        status | host | Host household | Принимающая семья | Qabul qiluvchi oila | Қабул қилувчи оила
        origin | afg | Afghanistan | Афганистан | Afgʻoniston | Афғонистон
        origin | tjk | Tajikistan | Таджикистан | Tojikiston | Тожикистон
        origin | ukr | Ukraine | Украина | Ukraina | Украина
        origin | kaz | Kazakhstan | Казахстан | Qozogʻiston | Қозоғистон
        displ_reason | conflict | Conflict | Конфликт | Mojaro | Можаро
        displ_reason | disaster | Natural disaster | Стихийное бедствие | Tabiiy ofat | Табиий офат
        displ_reason | economy | No work or income | Нет работы | Ish yoʻq | Иш йўқ
        displ_reason | family | To join family | К семье | Oilaga qoʻshilish | Оилага қўшилиш
        sex | m | Male | Мужской | Erkak | Эркак
        sex | f | Female | Женский | Ayol | Аёл
        rel | head | Head | Глава | Boshliq | Бошлиқ
        rel | spouse | Spouse | Супруг(а) | Turmush oʻrtogʻi | Турмуш ўртоғи
        rel | child | Child | Ребёнок | Farzand | Фарзанд
        rel | grandchild | Grandchild | Внук / внучка | Nevara | Невара
        rel | other | Other | Другое | Boshqa | Бошқа
        nationality | afg | Afghan | Афганец | Afgʻon | Афғон
        nationality | uzb | Uzbek | Узбек | Oʻzbek | Ўзбек
        nationality | stateless | Stateless | Без гражданства | Fuqaroligi yoʻq | Фуқаролиги йўқ
        docs | passport | Passport | Паспорт | Pasport | Паспорт
        docs | birth | Birth certificate | Свидетельство о рождении | Tugʻilganlik guvohnomasi | Туғилганлик гувоҳномаси
        docs | refugee_card | Refugee card | Удостоверение беженца | Qochqin guvohnomasi | Қочқин гувоҳномаси
        docs | none | None | Нет | Yoʻq | Йўқ
        edu | none | None | Нет | Yoʻq | Йўқ
        edu | primary | Primary | Начальное | Boshlangʻich | Бошланғич
        edu | secondary | Secondary | Среднее | Oʻrta | Ўрта
        edu | higher | Higher | Высшее | Oliy | Олий
        work | none | Did not work | Не работал(а) | Ishlamadi | Ишламади
        work | paid | Paid work | Оплачиваемая работа | Haq toʻlanadigan ish | Ҳақ тўланадиган иш
        work | unpaid | Unpaid family work | Неоплачиваемая | Haq toʻlanmaydigan | Ҳақ тўланмайдиган
        barrier | cost | Cost | Стоимость | Narxi | Нархи
        barrier | docs | No documents | Нет документов | Hujjat yoʻq | Ҳужжат йўқ
        barrier | language | Language | Язык | Til | Тил
        barrier | distance | Distance | Расстояние | Masofa | Масофа
        barrier | refused | Refused | Отказали | Rad etishdi | Рад этишди
        sev | 1 | No problem | Не проблема | Muammo emas | Муаммо эмас
        sev | 2 | A problem | Проблема | Muammo | Муаммо
        sev | 3 | A serious problem | Серьёзная проблема | Jiddiy muammo | Жиддий муаммо
        agree | 1 | Strongly disagree | Совсем не согласен | Mutlaqo qoʻshilmayman | Мутлақо қўшилмайман
        agree | 2 | Disagree | Не согласен | Qoʻshilmayman | Қўшилмайман
        agree | 3 | Neutral | Нейтрально | Betaraf | Бетараф
        agree | 4 | Agree | Согласен | Qoʻshilaman | Қўшиламан
        agree | 5 | Strongly agree | Полностью согласен | Toʻliq qoʻshilaman | Тўлиқ қўшиламан
        intent | stay | Stay here | Остаться | Shu yerda qolish | Шу ерда қолиш
        intent | return | Return home | Вернуться домой | Uyga qaytish | Уйга қайтиш
        intent | move | Move elsewhere | Переехать | Boshqa joyga koʻchish | Бошқа жойга кўчиш
        intent | unknown | Do not know | Не знаю | Bilmayman | Билмайман
        return_cond | safety | Safety | Безопасность | Xavfsizlik | Хавфсизлик
        return_cond | house | A house to live in | Жильё | Uy-joy | Уй-жой
        return_cond | work | Work | Работа | Ish | Иш
        return_cond | docs | Documents | Документы | Hujjatlar | Ҳужжатлар
        channel | phone | Phone call | Звонок | Qoʻngʻiroq | Қўнғироқ
        channel | telegram | Telegram | Телеграм | Telegram | Телеграм
        channel | mahalla | Mahalla meetings | Собрания махалли | Mahalla yigʻinlari | Маҳалла йиғинлари
        channel | leaflet | Leaflets | Листовки | Varaqalar | Варақалар
        lang | uz | Uzbek | Узбекский | Oʻzbek tili | Ўзбек тили
        lang | ru | Russian | Русский | Rus tili | Рус тили
        lang | dari | Dari | Дари | Dariy | Дарий
        langs | uz | Uzbek | Узбекский | Oʻzbek | Ўзбек
        langs | ru | Russian | Русский | Rus | Рус
        langs | dari | Dari | Дари | Dariy | Дарий
        langs | pashto | Pashto | Пушту | Pushtu | Пушту
        langs | en | English | Английский | Ingliz | Инглиз
        occupation | farmer | Farmer | Фермер | Dehqon | Деҳқон
        occupation | trader | Trader | Торговец | Savdogar | Савдогар
        occupation | teacher | Teacher | Учитель | Oʻqituvchi | Ўқитувчи
        occupation | builder | Builder | Строитель | Quruvchi | Қурувчи
        occupation | student | Student | Студент | Talaba | Талаба
        occupation | none | None | Нет | Yoʻq | Йўқ
        yn_ref | yes | Yes | Да | Ha | Ҳа
        yn_ref | no | No | Нет | Yoʻq | Йўқ
        yn_ref | refuse | Prefers not to say | Не хочет отвечать | Aytishni istamaydi | Айтишни истамайди
        housing | rented | Rented flat or house | Съёмное жильё | Ijara uy | Ижара уй
        housing | hosted | With relatives or friends | У родных | Qarindoshlarnikida | Қариндошларникида
        housing | collective | Collective centre | Коллективный центр | Jamoaviy markaz | Жамоавий марказ
        housing | own | Own home | Своё жильё | Oʻz uyi | Ўз уйи
        "
    ));
    c
}

fn set(path: &str, value: impl Into<serde_json::Value>) -> serde_json::Value {
    json!({"set": path, "value": value.into()})
}

fn script() -> serde_json::Value {
    let mut s = vec![
        set("/consent_grp/int_date", "2026-01-10"),
        set("/consent_grp/site", "host"),
        set("/consent_grp/consent", "yes"),
        set("/arrival/status", "refugee"),
        set("/arrival/origin", "other"),
        set("/arrival/origin_other", "Iran"),
        set("/arrival/arrival_date", "2025-08-20"),
        set("/arrival/displ_reason", "family conflict"),
        set("/arrival/registered", "yes"),
        set("/arrival/reg_no", "uzb-1-2345"),
        json!({"language": "ru"}),
        set("/arrival/reg_no", "UZB-07-12345"),
        json!({"add_repeat": "/hh_member", "count": 4}),
        set("/hh_member[1]/mem_langs", "ru dari"),
        set("/hh_member[1]/mem_occ_before", "teacher"),
        set("/hh_member[1]/mem_phone", "yes"),
        set("/hh_member[1]/mem_chronic", "no"),
        set("/hh_member[3]/mem_school", "no"),
        set("/hh_member[3]/mem_chronic", "yes"),
        set("/hh_member[4]/mem_langs", "dari"), // a baby: not relevant
    ];
    // name, sex, dob, relation, nationality, documents, education, work, disability,
    // vaccinated, separated
    let members = [
        (
            "Abdul Rahimi",
            "m",
            "1985-03-15",
            "",
            "afg",
            "passport refugee_card",
            "secondary",
            "paid",
            "no",
            "",
            "",
        ),
        (
            "Zarina Rahimi",
            "f",
            "1990-11-02",
            "spouse",
            "afg",
            "passport",
            "primary",
            "none",
            "no",
            "",
            "",
        ),
        (
            "Omid",
            "m",
            "2012-05-20",
            "child",
            "afg",
            "none birth",
            "primary",
            "",
            "yes",
            "",
            "no",
        ),
        (
            "Parisa",
            "f",
            "2024-06-30",
            "child",
            "stateless",
            "none",
            "",
            "",
            "no",
            "yes",
            "no",
        ),
        (
            "Nilufar",
            "f",
            "2015-01-09",
            "other",
            "uzb",
            "birth",
            "primary",
            "",
            "no",
            "",
            "yes",
        ),
    ];
    for (i, m) in members.iter().enumerate() {
        let p = format!("/hh_member[{}]", i + 1);
        let (name, sex, dob, rel, nat, docs, edu, work, disab, vacc, sep) = *m;
        s.push(set(&format!("{p}/mem_name"), name));
        s.push(set(&format!("{p}/mem_sex"), sex));
        s.push(set(&format!("{p}/dob"), dob));
        for (q, v) in [
            ("mem_rel", rel),
            ("nationality", nat),
            ("mem_docs", docs),
            ("mem_edu", edu),
            ("mem_work", work),
            ("mem_disab", disab),
            ("mem_vacc", vacc),
            ("mem_separated", sep),
        ] {
            if !v.is_empty() {
                s.push(set(&format!("{p}/{q}"), v));
            }
        }
    }
    s.extend([
        json!({"language": "Oʻzbekcha"}),
        set("/hh_member[2]/dob", "2027-01-01"), // after the interview: a violation
        set("/hh_member[4]/mem_work", "paid"),  // a baby: not relevant, kept
        json!({"add_repeat": "/hh_member"}),
        set("/hh_member[6]/mem_name", "Visitor"),
        json!({"remove_repeat": "/hh_member", "index": 6}),
        json!({"add_repeat": "/stay", "count": 2}),
        set("/stay[1]/stay_place", "Mashhad"),
        set("/stay[1]/stay_months", 14),
        set("/stay[1]/stay_safe", "no"),
        set("/stay[2]/stay_place", "Termez"),
        set("/stay[2]/stay_months", 300),
        set("/stay[2]/stay_safe", "yes"),
        set("/stay[3]/stay_place", "Tashkent"),
        set("/stay[3]/stay_months", 5),
    ]);
    let services = [
        "yes", "no", "yes", "no", "na", "yes", "no", "no", "no", "yes", "", "yes",
    ];
    for ((n, ..), v) in SERVICES.iter().zip(services) {
        if !v.is_empty() {
            s.push(set(&format!("/services/svc_{n}"), v));
        }
    }
    s.extend([
        set("/services/bar_school", "language docs"),
        set("/services/bar_legal", "cost"),
        set("/services/bar_psycho", "language"),
        set("/services/bar_health", "cost"), // health was used: not relevant
    ]);
    let needs = [
        "3", "1", "3", "2", "2", "3", "2", "1", "3", "3", "1", "", "2", "1",
    ];
    for ((n, ..), v) in NEEDS.iter().zip(needs) {
        if !v.is_empty() {
            s.push(set(&format!("/needs/need_{n}"), v));
        }
    }
    for (i, v) in [4, 3, 2, 5, 3, 2, 1, 4, 3, 0].into_iter().enumerate() {
        if v > 0 {
            s.push(set(&format!("/cohesion_grp/coh_{i}"), v.to_string()));
        }
    }
    s.extend([
        set("/assistance/got_cash", "yes"),
        set("/assistance/val_cash", 1_200_000),
        set("/assistance/got_food", "yes"),
        set("/assistance/val_food", -5),
        set("/assistance/got_winter", "yes"),
        set("/assistance/got_rent", "no"),
        set("/assistance/val_rent", 400_000), // not relevant: not counted
        set("/journey/inc_theft", "yes"),
        set("/journey/rep_theft", "no"),
        set("/journey/inc_extortion", "refuse"),
        set("/journey/inc_pushback", "yes"),
        set("/journey/inc_violence", "no"),
        set("/housing/house_type", "hosted"),
        set("/housing/house_rooms", 2),
        set("/housing/house_rent", 900_000), // not relevant for the hosted
        set("/housing/house_heating", "no"),
        set("/housing/house_evict", "yes"),
        set("/housing/skill_tailoring", "yes"),
        set("/housing/skill_cooking", "no"),
        set("/housing/skill_driving", "yes"),
        set("/food/fd_staples", 7),
        set("/food/fd_pulses", 3),
        set("/food/fd_veg", 4),
        set("/food/fd_fruit", 1),
        set("/food/fd_meat", 1),
        set("/food/fd_milk", 2),
        set("/food/fd_sugar", 7),
        set("/food/fd_oil", 12),
        set("/food/hl_fever", "no"),
        set("/food/hl_sleep", "yes"),
        set("/food/hl_fear", "yes"),
        json!({"language": "English"}),
        set("/future/intent", "return"),
        set("/future/return_cond", "work safety"),
        set("/future/intent_place", "Kabul"), // not relevant
        set("/future/info_channel", "telegram phone mahalla"),
        set("/future/info_lang", "dari"),
        set("/future/feedback_know", "no"),
        set("/future/remarks", "Family hosted by an uncle"),
        json!({"language": "uz-Cyrl"}),
    ]);
    serde_json::Value::Array(s)
}

/// ODK's state after the interview, in Uzbek Cyrillic (checked by reason: 143 days from
/// 20 August to 10 January; 40 years and 489 months from 15 March 1985; a date of birth after
/// the interview gives age 0 and still counts as a minor; assistance 1,200,000 − 5 (the
/// negative value is a violation but counted) over 5 members; FCS 49.5 with the 12 days of oil
/// counted; vulnerability 3 + 2 + 2 = 7, `priority`; choice names in Uzbek Cyrillic).
fn expect() -> serde_json::Value {
    super::sheet::expectations(
        r#"{
        "/consent_grp/consent": {"value": "yes"},
        "/consent_grp/int_date": {"value": "2026-01-10"},
        "/consent_grp/site": {"value": "host"},
        "/arrival/status": {"value": "refugee"},
        "/arrival/origin": {"value": "other"},
        "/arrival/arrival_date": {"value": "2025-08-20"},
        "/arrival/days_since_arrival": {"value": "143"},
        "/arrival/displ_reason": {"value": "conflict family"},
        "/arrival/registered": {"value": "yes"},
        "/arrival/reg_country": {"value": "UZB"},
        "/hh_member": {"count": 5},
        "/hh_member[1]/mem_no": {"value": "1"},
        "/hh_member[1]/mem_sex": {"value": "m"},
        "/hh_member[1]/dob": {"value": "1985-03-15"},
        "/hh_member[1]/mem_age": {"value": "40"},
        "/hh_member[1]/mem_age_m": {"value": "489"},
        "/hh_member[1]/mem_rel": {"relevant": false, "value": ""},
        "/hh_member[1]/nationality": {"value": "afg"},
        "/hh_member[1]/mem_docs": {"value": "passport refugee_card"},
        "/hh_member[1]/mem_edu": {"value": "secondary"},
        "/hh_member[1]/mem_work": {"value": "paid"},
        "/hh_member[1]/mem_disab": {"value": "no"},
        "/hh_member[1]/mem_vacc": {"relevant": false, "value": ""},
        "/hh_member[1]/mem_separated": {"relevant": false, "value": ""},
        "/hh_member[1]/mem_langs": {"value": "ru dari"},
        "/hh_member[1]/mem_occ_before": {"value": "teacher"},
        "/hh_member[1]/mem_phone": {"value": "yes"},
        "/hh_member[1]/mem_chronic": {"value": "no"},
        "/hh_member[1]/mem_school": {"relevant": false, "value": ""},
        "/hh_member[1]/mem_dob_txt": {"value": "15.03.1985"},
        "/hh_member[1]/is_minor": {"value": "0"},
        "/hh_member[1]/sep_flag": {"value": "0"},
        "/hh_member[2]/mem_no": {"value": "2"},
        "/hh_member[2]/mem_sex": {"value": "f"},
        "/hh_member[2]/dob": {"violation": true, "message": "Имконсиз сана", "value": "2027-01-01"},
        "/hh_member[2]/mem_age": {"value": "0"},
        "/hh_member[2]/mem_age_m": {"value": "-11"},
        "/hh_member[2]/mem_rel": {"value": "spouse"},
        "/hh_member[2]/nationality": {"value": "afg"},
        "/hh_member[2]/mem_docs": {"value": "passport"},
        "/hh_member[2]/mem_edu": {"relevant": false, "value": ""},
        "/hh_member[2]/mem_work": {"relevant": false, "value": ""},
        "/hh_member[2]/mem_disab": {"value": "no"},
        "/hh_member[2]/mem_vacc": {"relevant": false, "value": ""},
        "/hh_member[2]/mem_separated": {"value": ""},
        "/hh_member[2]/mem_langs": {"relevant": false, "value": ""},
        "/hh_member[2]/mem_occ_before": {"relevant": false, "value": ""},
        "/hh_member[2]/mem_phone": {"relevant": false, "value": ""},
        "/hh_member[2]/mem_chronic": {"violation": true, "value": ""},
        "/hh_member[2]/mem_school": {"relevant": false, "value": ""},
        "/hh_member[2]/mem_dob_txt": {"value": "01.01.2027"},
        "/hh_member[2]/is_minor": {"value": "1"},
        "/hh_member[2]/sep_flag": {"value": "0"},
        "/hh_member[3]/mem_no": {"value": "3"},
        "/hh_member[3]/mem_sex": {"value": "m"},
        "/hh_member[3]/dob": {"value": "2012-05-20"},
        "/hh_member[3]/mem_age": {"value": "13"},
        "/hh_member[3]/mem_age_m": {"value": "163"},
        "/hh_member[3]/mem_rel": {"value": "child"},
        "/hh_member[3]/nationality": {"value": "afg"},
        "/hh_member[3]/mem_docs": {"violation": true, "message": "Йўқ билан бирга бўлмайди", "value": "birth none"},
        "/hh_member[3]/mem_edu": {"value": "primary"},
        "/hh_member[3]/mem_work": {"relevant": false, "value": ""},
        "/hh_member[3]/mem_disab": {"value": "yes"},
        "/hh_member[3]/mem_vacc": {"relevant": false, "value": ""},
        "/hh_member[3]/mem_separated": {"value": "no"},
        "/hh_member[3]/mem_langs": {"value": ""},
        "/hh_member[3]/mem_occ_before": {"relevant": false, "value": ""},
        "/hh_member[3]/mem_phone": {"value": ""},
        "/hh_member[3]/mem_chronic": {"value": "yes"},
        "/hh_member[3]/mem_school": {"value": "no"},
        "/hh_member[3]/mem_dob_txt": {"value": "20.05.2012"},
        "/hh_member[3]/is_minor": {"value": "1"},
        "/hh_member[3]/sep_flag": {"value": "0"},
        "/hh_member[4]/mem_no": {"value": "4"},
        "/hh_member[4]/mem_sex": {"value": "f"},
        "/hh_member[4]/dob": {"value": "2024-06-30"},
        "/hh_member[4]/mem_age": {"value": "1"},
        "/hh_member[4]/mem_age_m": {"value": "18"},
        "/hh_member[4]/mem_rel": {"value": "child"},
        "/hh_member[4]/nationality": {"value": "stateless"},
        "/hh_member[4]/mem_docs": {"value": "none"},
        "/hh_member[4]/mem_edu": {"relevant": false, "value": ""},
        "/hh_member[4]/mem_work": {"relevant": false, "value": ""},
        "/hh_member[4]/mem_disab": {"value": "no"},
        "/hh_member[4]/mem_vacc": {"value": "yes"},
        "/hh_member[4]/mem_separated": {"value": "no"},
        "/hh_member[4]/mem_langs": {"relevant": false, "value": ""},
        "/hh_member[4]/mem_occ_before": {"relevant": false, "value": ""},
        "/hh_member[4]/mem_phone": {"relevant": false, "value": ""},
        "/hh_member[4]/mem_chronic": {"violation": true, "value": ""},
        "/hh_member[4]/mem_school": {"relevant": false, "value": ""},
        "/hh_member[4]/mem_dob_txt": {"value": "30.06.2024"},
        "/hh_member[4]/is_minor": {"value": "1"},
        "/hh_member[4]/sep_flag": {"value": "0"},
        "/hh_member[5]/mem_no": {"value": "5"},
        "/hh_member[5]/mem_sex": {"value": "f"},
        "/hh_member[5]/dob": {"value": "2015-01-09"},
        "/hh_member[5]/mem_age": {"value": "11"},
        "/hh_member[5]/mem_age_m": {"value": "132"},
        "/hh_member[5]/mem_rel": {"value": "other"},
        "/hh_member[5]/nationality": {"value": "uzb"},
        "/hh_member[5]/mem_docs": {"value": "birth"},
        "/hh_member[5]/mem_edu": {"value": "primary"},
        "/hh_member[5]/mem_work": {"relevant": false, "value": ""},
        "/hh_member[5]/mem_disab": {"value": "no"},
        "/hh_member[5]/mem_vacc": {"relevant": false, "value": ""},
        "/hh_member[5]/mem_separated": {"value": "yes"},
        "/hh_member[5]/mem_langs": {"value": ""},
        "/hh_member[5]/mem_occ_before": {"relevant": false, "value": ""},
        "/hh_member[5]/mem_phone": {"relevant": false, "value": ""},
        "/hh_member[5]/mem_chronic": {"violation": true, "value": ""},
        "/hh_member[5]/mem_school": {"violation": true, "value": ""},
        "/hh_member[5]/mem_dob_txt": {"value": "09.01.2015"},
        "/hh_member[5]/is_minor": {"value": "1"},
        "/hh_member[5]/sep_flag": {"value": "1"},
        "/n_mem": {"value": "5"},
        "/n_minors": {"value": "4"},
        "/n_separated": {"value": "1"},
        "/n_no_docs": {"value": "2"},
        "/first_name": {"value": "Abdul Rahimi"},
        "/head_sex_name": {"value": "Эркак"},
        "/hh_code": {"value": "host-5-Abd"},
        "/stay": {"count": 3},
        "/stay[1]/stay_months": {"value": "14"},
        "/stay[1]/stay_safe": {"value": "no"},
        "/stay[2]/stay_months": {"violation": true, "message": "0 дан 240 ойгача", "value": "300"},
        "/stay[2]/stay_safe": {"value": "yes"},
        "/stay[3]/stay_months": {"value": "5"},
        "/stay[3]/stay_safe": {"violation": true, "value": ""},
        "/stay_total": {"value": "319"},
        "/stay_unsafe": {"value": "1"},
        "/services/svc_health": {"value": "yes"},
        "/services/bar_health": {"relevant": false, "value": ""},
        "/services/svc_school": {"value": "no"},
        "/services/bar_school": {"value": "docs language"},
        "/services/svc_water": {"value": "yes"},
        "/services/bar_water": {"relevant": false, "value": ""},
        "/services/svc_legal": {"value": "no"},
        "/services/bar_legal": {"value": "cost"},
        "/services/svc_cash": {"value": "na"},
        "/services/bar_cash": {"relevant": false, "value": ""},
        "/services/svc_food": {"value": "yes"},
        "/services/bar_food": {"relevant": false, "value": ""},
        "/services/svc_psycho": {"value": "no"},
        "/services/bar_psycho": {"value": "language"},
        "/services/svc_job": {"value": "no"},
        "/services/bar_job": {"value": ""},
        "/services/svc_bank": {"value": "no"},
        "/services/bar_bank": {"value": ""},
        "/services/svc_transport": {"value": "yes"},
        "/services/bar_transport": {"relevant": false, "value": ""},
        "/services/svc_police": {"violation": true, "value": ""},
        "/services/bar_police": {"relevant": false, "value": ""},
        "/services/svc_mahalla": {"value": "yes"},
        "/services/bar_mahalla": {"relevant": false, "value": ""},
        "/services/services_no": {"value": "5"},
        "/services/bar_cost_n": {"value": "2"},
        "/needs/need_food": {"value": "3"},
        "/needs/need_water": {"value": "1"},
        "/needs/need_shelter": {"value": "3"},
        "/needs/need_toilet": {"value": "2"},
        "/needs/need_health": {"value": "2"},
        "/needs/need_income": {"value": "3"},
        "/needs/need_education": {"value": "2"},
        "/needs/need_clothes": {"value": "1"},
        "/needs/need_heating": {"value": "3"},
        "/needs/need_docs": {"value": "3"},
        "/needs/need_safety": {"value": "1"},
        "/needs/need_care": {"violation": true, "value": ""},
        "/needs/need_distress": {"value": "2"},
        "/needs/need_info": {"value": "1"},
        "/needs/needs_severe": {"value": "5"},
        "/needs/needs_answered": {"value": "13"},
        "/cohesion_grp/coh_0": {"value": "4"},
        "/cohesion_grp/coh_1": {"value": "3"},
        "/cohesion_grp/coh_2": {"value": "2"},
        "/cohesion_grp/coh_3": {"value": "5"},
        "/cohesion_grp/coh_4": {"value": "3"},
        "/cohesion_grp/coh_5": {"value": "2"},
        "/cohesion_grp/coh_6": {"value": "1"},
        "/cohesion_grp/coh_7": {"value": "4"},
        "/cohesion_grp/coh_8": {"value": "3"},
        "/cohesion_grp/coh_9": {"violation": true, "value": ""},
        "/cohesion_grp/cohesion": {"value": "27"},
        "/cohesion_grp/cohesion_mean": {"value": "2.7"},
        "/assistance/got_cash": {"value": "yes"},
        "/assistance/val_cash": {"value": "1200000"},
        "/assistance/got_food": {"value": "yes"},
        "/assistance/val_food": {"violation": true, "message": "Манфий эмас", "value": "-5"},
        "/assistance/got_voucher": {"violation": true, "value": ""},
        "/assistance/val_voucher": {"relevant": false, "value": ""},
        "/assistance/got_nfi": {"violation": true, "value": ""},
        "/assistance/val_nfi": {"relevant": false, "value": ""},
        "/assistance/got_hygiene": {"violation": true, "value": ""},
        "/assistance/val_hygiene": {"relevant": false, "value": ""},
        "/assistance/got_winter": {"value": "yes"},
        "/assistance/val_winter": {"violation": true},
        "/assistance/got_rent": {"value": "no"},
        "/assistance/val_rent": {"relevant": false, "value": ""},
        "/assistance/got_medical": {"violation": true, "value": ""},
        "/assistance/val_medical": {"relevant": false, "value": ""},
        "/assistance/got_legal": {"violation": true, "value": ""},
        "/assistance/val_legal": {"relevant": false, "value": ""},
        "/assistance/got_school": {"violation": true, "value": ""},
        "/assistance/val_school": {"relevant": false, "value": ""},
        "/assistance/assist_types": {"value": "3"},
        "/assistance/assist_value": {"value": "1199995"},
        "/assistance/assist_pc": {"value": "239999"},
        "/journey/inc_theft": {"value": "yes"},
        "/journey/rep_theft": {"value": "no"},
        "/journey/inc_extortion": {"value": "refuse"},
        "/journey/rep_extortion": {"relevant": false, "value": ""},
        "/journey/inc_detention": {"violation": true, "value": ""},
        "/journey/rep_detention": {"relevant": false, "value": ""},
        "/journey/inc_violence": {"value": "no"},
        "/journey/rep_violence": {"relevant": false, "value": ""},
        "/journey/inc_sexual": {"violation": true, "value": ""},
        "/journey/rep_sexual": {"relevant": false, "value": ""},
        "/journey/inc_separation": {"violation": true, "value": ""},
        "/journey/rep_separation": {"relevant": false, "value": ""},
        "/journey/inc_trafficking": {"violation": true, "value": ""},
        "/journey/rep_trafficking": {"relevant": false, "value": ""},
        "/journey/inc_pushback": {"value": "yes"},
        "/journey/rep_pushback": {"value": ""},
        "/journey/inc_docs_taken": {"violation": true, "value": ""},
        "/journey/rep_docs_taken": {"relevant": false, "value": ""},
        "/journey/inc_injury": {"violation": true, "value": ""},
        "/journey/rep_injury": {"relevant": false, "value": ""},
        "/journey/incidents": {"value": "2"},
        "/housing/house_type": {"value": "hosted"},
        "/housing/house_rooms": {"value": "2"},
        "/housing/house_rent": {"relevant": false, "value": ""},
        "/housing/house_contract": {"relevant": false, "value": ""},
        "/housing/house_heating": {"value": "no"},
        "/housing/house_water": {"violation": true, "value": ""},
        "/housing/house_toilet_in": {"violation": true, "value": ""},
        "/housing/house_evict": {"value": "yes"},
        "/housing/persons_room": {"value": "2.5"},
        "/housing/overcrowded": {"value": "no"},
        "/housing/skill_tailoring": {"value": "yes"},
        "/housing/skill_cooking": {"value": "no"},
        "/housing/skill_driving": {"value": "yes"},
        "/housing/skill_building": {"value": ""},
        "/housing/skill_farming": {"value": ""},
        "/housing/skill_teaching": {"value": ""},
        "/housing/skill_nursing": {"value": ""},
        "/housing/skill_computers": {"value": ""},
        "/housing/skill_repairs": {"value": ""},
        "/housing/skill_hairdressing": {"value": ""},
        "/housing/skills_n": {"value": "3"},
        "/food/fd_staples": {"value": "7"},
        "/food/fd_pulses": {"value": "3"},
        "/food/fd_veg": {"value": "4"},
        "/food/fd_fruit": {"value": "1"},
        "/food/fd_meat": {"value": "1"},
        "/food/fd_milk": {"value": "2"},
        "/food/fd_sugar": {"value": "7"},
        "/food/fd_oil": {"violation": true, "message": "0 дан 7 гача", "value": "12"},
        "/food/fcs": {"value": "49.5"},
        "/food/fcs_group": {"value": "acceptable"},
        "/food/hl_fever": {"value": "no"},
        "/food/hl_cough": {"value": ""},
        "/food/hl_diarrhoea": {"value": ""},
        "/food/hl_skin": {"value": ""},
        "/food/hl_injury": {"value": ""},
        "/food/hl_teeth": {"value": ""},
        "/food/hl_eyes": {"value": ""},
        "/food/hl_pregnancy": {"value": ""},
        "/food/hl_sleep": {"value": "yes"},
        "/food/hl_fear": {"value": "yes"},
        "/food/hl_pain": {"value": ""},
        "/food/hl_medicine": {"value": ""},
        "/food/any_health": {"value": "yes"},
        "/food/mh_flag": {"value": "1"},
        "/future/intent": {"value": "return"},
        "/future/return_cond": {"value": "safety work"},
        "/future/intent_place": {"relevant": false, "value": ""},
        "/future/info_channel": {"violation": true, "message": "Кўпи билан иккита", "value": "phone telegram mahalla"},
        "/future/info_lang": {"value": "dari"},
        "/future/feedback_know": {"value": "no"},
        "/future/info_lang_name": {"value": "Дарий"},
        "/future/channel_first": {"value": "Қўнғироқ"},
        "/future/intent_name": {"value": "Уйга қайтиш"},
        "/future/vuln": {"value": "7"},
        "/future/vuln_level": {"value": "priority"}
    }"#,
    )
}
