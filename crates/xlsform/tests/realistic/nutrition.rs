//! A SMART-style nutrition and anthropometry survey: children under five counted by a
//! question (`repeat_count`), ages in months from dates of birth (or as reported when the
//! date is unknown), weight, height and MUAC with range constraints and their messages,
//! approximate z-scores, IYCF for the under-twos, women 15–49, FIES, deaths since the start
//! of the recall period (another counted repeat), relevance chains; English and Russian, a
//! settings sheet with `instance_name`, `relevant` spelt `relevance`, `required` as Excel
//! booleans and `yes`.
//!
//! Import warnings (9): `muac_tape.png` is not supplied; 8 hints only in English.

use serde_json::json;

use super::sheet::{Form, Sheet};

const L: &str = "label::English (en) | label::Русский (ru)";
const CM: &str = "constraint message::English (en) | constraint message::Русский (ru)";

fn block(s: &mut Sheet, columns: &str, rows: &str) {
    s.block(&format!(
        "{}\n{rows}",
        columns.replace("{L}", L).replace("{CM}", CM)
    ));
}

const COLS: &str = "type | name | {L} | hint::English (en) | required | relevance | constraint | {CM} | calculation | appearance | repeat_count | image::English (en) | default";

pub fn form() -> Form {
    let mut s = Sheet::new("survey");
    block(
        &mut s,
        COLS,
        r"
        start | start
        end | end
        deviceid | deviceid
        begin group | id | Identification | Идентификация | | | | | | | | field-list
        integer | cluster | Cluster number | Номер кластера | 1 to 40 | TRUE | | . >= 1 and . <= 40 | Clusters are numbered 1 to 40 | Кластеры с 1 по 40
        select_one team | team | Team | Команда | | TRUE
        integer | hh_no | Household number | Номер домохозяйства | | TRUE | | . >= 1 and . <= 30 | 1 to 30 | От 1 до 30
        date | int_date | Date of interview | Дата интервью | | TRUE | | . >= date('2026-01-05') and . <= date('2026-02-28') | The survey runs 5 January to 28 February | Опрос идёт с 5 января по 28 февраля
        select_one yn | consent | Consent given? | Согласие получено? | | TRUE
        calculate | hh_id | | | | | | | | | concat(${cluster}, '-', ${team}, '-', ${hh_no})
        end group
        begin group | hh | Household | Домохозяйство | | | ${consent} = 'yes'
        integer | hh_size | Household members | Членов домохозяйства | | TRUE | | . >= 1 and . <= 30 | 1 to 30 | От 1 до 30
        integer | n_u5 | Children 0–59 months | Дети 0–59 месяцев | | TRUE | | . >= 0 and . <= ${hh_size} | Not more than the household | Не больше членов домохозяйства
        integer | n_women | Women 15–49 years | Женщины 15–49 лет | | TRUE | | . >= 0 and . <= ${hh_size} | Not more than the household | Не больше членов домохозяйства
        integer | n_deaths | Deaths since 1 October 2025 | Смерти с 1 октября 2025 | | TRUE | | . >= 0 and . <= 10 | 0 to 10 | От 0 до 10
        end group
        ",
    );
    roster(&mut s);
    children(&mut s);
    women(&mut s);
    household(&mut s);
    extra(&mut s);
    block(
        &mut s,
        COLS,
        r"
        begin repeat | death | Death | Смерть | | | ${consent} = 'yes' | | | | | | ${n_deaths}
        calculate | d_no | | | | | | | | | position(..)
        select_one sex | d_sex | Sex of the person who died (${d_no}) | Пол умершего (${d_no}) | | TRUE
        integer | d_age | Age in years | Возраст в годах | | TRUE | | . >= 0 and . <= 110 | 0 to 110 | От 0 до 110
        date | d_date | Date of death | Дата смерти | | TRUE | | . >= date('2025-10-01') and . <= ${int_date} | Within the recall period | В пределах периода
        select_one cause | d_cause | Cause | Причина | | yes
        calculate | d_u5 | | | | | | | | | if(${d_age} < 5, 1, 0)
        end repeat
        calculate | deaths_u5 | | | | | | | | | sum(${d_u5})
        calculate | cdr | | | | | | | | | if(${hh_size} > 0, round(${n_deaths} * 10000 div (${hh_size} * 104), 2), '')
        begin group | summary | Summary | Итог | | | ${consent} = 'yes'
        calculate | n_children | | | | | | | | | count(${child})
        calculate | n_sam | | | | | | | | | count(${child}[muac_cat = 'sam' or oedema = 'yes'])
        calculate | n_mam | | | | | | | | | count(${child}[muac_cat = 'mam'])
        calculate | n_stunted | | | | | | | | | count(${child}[haz < -2])
        calculate | n_flagged | | | | | | | | | sum(${flag})
        calculate | mean_muac | | | | | | | | | if(count(${child}[muac != '']) > 0, round(sum(${child}[muac != '']/muac) div count(${child}[muac != '']), 1), '')
        calculate | youngest_m | | | | | | | | | min(${age_m})
        calculate | first_child | | | | | | | | | if(${n_u5} > 0, concat(indexed-repeat(${c_name}, ${child}, 1), ' ', indexed-repeat(${age_m}, ${child}, 1), 'm'), '')
        note | refer_note | Refer ${n_sam} child(ren) to the OTP and ${n_mam} to the TSFP. | Направьте ${n_sam} детей в OTP и ${n_mam} в TSFP. | | | ${n_sam} + ${n_mam} > 0
        text | remarks | Remarks | Примечания | | | | | | | | multiline
        end group
        ",
    );
    Form {
        name: "nutrition_smart",
        sheets: vec![s, choices(), settings()],
        script: script(),
        expect: expect(),
        languages: &[],
    }
}

fn roster(s: &mut Sheet) {
    block(
        s,
        COLS,
        r"
        begin repeat | member | Household member | Член домохозяйства | | | ${consent} = 'yes' | | | | | | ${hh_size}
        calculate | m_no | | | | | | | | | position(..)
        text | m_name | Name of member ${m_no} | Имя члена ${m_no} | | TRUE
        select_one sex | m_sex | Sex | Пол | | TRUE | | | | | | horizontal
        integer | m_age | Age in years | Возраст | Under 1 year: 0 | TRUE | | . >= 0 and . <= 110 | 0 to 110 | От 0 до 110
        select_one yn | m_slept | Slept here last night? | Ночевал(а) здесь? | | TRUE
        select_one yn | m_joined | Joined since 1 October 2025? | Присоединился с 1 октября? | | yes
        select_one yn | m_born | Born since 1 October 2025? | Родился с 1 октября? | | yes | ${m_joined} = 'yes' and ${m_age} < 1
        select_one yn | m_school | Attends school? | Учится? | | | ${m_age} >= 6 and ${m_age} <= 18
        select_one yn | m_works | Worked last week? | Работал(а)? | | | ${m_age} >= 15
        select_one yn | m_chronic | Chronic illness? | Хроническое заболевание? | | TRUE
        calculate | m_u5 | | | | | | | | | if(${m_age} < 5, 1, 0)
        calculate | m_w | | | | | | | | | if(${m_sex} = 'f' and ${m_age} >= 15 and ${m_age} <= 49, 1, 0)
        end repeat
        calculate | roster_u5 | | | | | | | | | sum(${m_u5})
        calculate | roster_w | | | | | | | | | sum(${m_w})
        calculate | roster_joined | | | | | | | | | count(${member}[m_joined = 'yes'])
        note | roster_check | The roster has ${roster_u5} children under 5 and ${roster_w} women 15–49; you entered ${n_u5} and ${n_women}. | В списке ${roster_u5} детей и ${roster_w} женщин. | | | ${roster_u5} != ${n_u5} or ${roster_w} != ${n_women}
        ",
    );
}

/// Milestones asked by age (months from, text).
const MILESTONES: [(u32, &str, &str); 12] = [
    (2, "smile", "smiles at people"),
    (4, "head", "holds the head up"),
    (6, "sit", "sits without support"),
    (9, "crawl", "crawls"),
    (12, "stand", "stands holding on"),
    (15, "walk", "walks alone"),
    (18, "words", "says several words"),
    (24, "phrases", "says two words together"),
    (30, "run", "runs"),
    (36, "draw", "draws a line"),
    (42, "dress", "dresses with help"),
    (48, "count", "counts to five"),
];

/// Food groups eaten yesterday (IYCF, children 6–23 months).
const IYCF: [&str; 8] = [
    "breastmilk",
    "grains",
    "pulses",
    "dairy",
    "flesh",
    "eggs",
    "vita_veg",
    "other_veg",
];

fn children(s: &mut Sheet) {
    block(
        s,
        COLS,
        r"
        begin repeat | child | Child under five | Ребёнок до пяти лет | | | ${consent} = 'yes' | | | | | | ${n_u5}
        calculate | c_no | | | | | | | | | position(..)
        text | c_name | Name of child ${c_no} | Имя ребёнка ${c_no} | | TRUE
        select_one sex | c_sex | Sex of ${c_name} | Пол ${c_name} | | TRUE | | | | | | horizontal
        select_one yn | dob_known | Is the exact date of birth known? | Известна ли точная дата рождения? | Ask for a document | TRUE
        date | dob | Date of birth | Дата рождения | | TRUE | ${dob_known} = 'yes' | . <= ${int_date} and (decimal-date-time(${int_date}) - decimal-date-time(.)) div 30.4375 < 60 | Must be under 60 months at the interview | Должно быть меньше 60 месяцев
        integer | age_rep | Age in months (as reported) | Возраст в месяцах (со слов) | Use the local events calendar | TRUE | ${dob_known} = 'no' | . >= 0 and . <= 59 | 0 to 59 months | От 0 до 59 месяцев
        calculate | age_m | | | | | | | | | if(${dob_known} = 'yes', if(${dob} = '', '', int((decimal-date-time(${int_date}) - decimal-date-time(${dob})) div 30.4375)), ${age_rep})
        calculate | age_d | | | | | | | | | if(${dob} = '', '', ${int_date} - ${dob})
        note | age_note | ${c_name} is ${age_m} months old | ${c_name}: ${age_m} мес.
        decimal | weight | Weight (kg) | Вес (кг) | To 0.1 kg | TRUE | | . >= 1 and . <= 30 | Weight must be 1 to 30 kg | Вес от 1 до 30 кг
        decimal | height | Length or height (cm) | Рост (см) | To 0.1 cm | TRUE | | . >= 45 and . <= 120 | Height must be 45 to 120 cm | Рост от 45 до 120 см
        select_one position | measured | How was the child measured? | Как измеряли? | Lying under 24 months | TRUE | ${height} != ''
        calculate | height_adj | | | | | | | | | if(${measured} = 'standing' and ${age_m} < 24, ${height} + 0.7, if(${measured} = 'lying' and ${age_m} >= 24, ${height} - 0.7, ${height}))
        select_one yn | oedema | Bilateral pitting oedema? | Двусторонние отёки? | Press both feet for 3 seconds | TRUE
        decimal | muac | MUAC (mm) | ОКП (мм) | | TRUE | ${age_m} >= 6 | . >= 75 and . <= 220 | MUAC must be 75 to 220 mm | ОКП от 75 до 220 мм | | | | muac_tape.png
        calculate | muac_cat | | | | | | | | | if(${muac} = '', '', if(${muac} < 115, 'sam', if(${muac} < 125, 'mam', 'normal')))
        calculate | wfh_median | | | | | | | | | if(${height_adj} = '', '', round(0.0021 * pow(${height_adj}, 2) - 0.106 * ${height_adj} + 4.2, 2))
        calculate | whz | | | | | | | | | if(${weight} = '' or ${wfh_median} = '', '', round((${weight} - ${wfh_median}) div (0.09 * ${wfh_median}), 2))
        calculate | hfa_median | | | | | | | | | if(${age_m} = '', '', if(${age_m} < 12, 50 + 2.1 * ${age_m}, if(${age_m} < 24, 75.2 + 0.9 * (${age_m} - 12), 86 + 0.65 * (${age_m} - 24))))
        calculate | haz | | | | | | | | | if(${height_adj} = '' or ${hfa_median} = '', '', round((${height_adj} - ${hfa_median}) div (0.037 * ${hfa_median}), 2))
        calculate | whz_cat | | | | | | | | | if(${whz} = '', '', if(${whz} < -3 or ${oedema} = 'yes', 'severe', if(${whz} < -2, 'moderate', 'normal')))
        calculate | flag | | | | | | | | | if(${whz} != '' and (${whz} < -5 or ${whz} > 5) or ${haz} != '' and (${haz} < -6 or ${haz} > 6), 1, 0)
        note | flag_note | Check the measurements: z-scores out of range | Проверьте измерения | | | ${flag} = 1
        note | sam_note | ${c_name} has severe acute malnutrition: refer today | У ${c_name} тяжёлое истощение: направьте сегодня | | | ${muac_cat} = 'sam' or ${oedema} = 'yes'
        select_one yn | ever_bf | Was ${c_name} ever breastfed? | Кормили ли грудью? | | TRUE | ${age_m} < 24
        select_one yn | bf_now | Was ${c_name} breastfed yesterday? | Кормили ли грудью вчера? | | TRUE | ${ever_bf} = 'yes'
        integer | meals | Times ${c_name} ate solid food yesterday | Раз ел(а) твёрдую пищу вчера | | | ${age_m} >= 6 and ${age_m} < 24 | . >= 0 and . <= 10 | 0 to 10 | От 0 до 10
        ",
    );
    for g in IYCF {
        block(
            s,
            COLS,
            &format!(
                "select_one yn | iycf_{g} | Yesterday, did ${{c_name}} have {g}? | Вчера: {g}? | | yes | ${{age_m}} >= 6 and ${{age_m}} < 24 | | | | | horizontal"
            ),
        );
    }
    let groups: Vec<String> = IYCF
        .iter()
        .map(|g| format!("if(${{iycf_{g}}} = 'yes', 1, 0)"))
        .collect();
    block(
        s,
        COLS,
        &format!(
            "calculate | dds | | | | | | | | | if(${{age_m}} >= 6 and ${{age_m}} < 24, {}, '')
             calculate | mdd | | | | | | | | | if(${{dds}} = '', '', if(${{dds}} >= 5, 1, 0))
             calculate | mmf | | | | | | | | | if(${{meals}} = '', '', if(${{bf_now}} = 'yes' and ${{meals}} >= if(${{age_m}} < 9, 2, 3) or ${{bf_now}} != 'yes' and ${{meals}} >= 4, 1, 0))
             select_one yn | diarrhoea | Diarrhoea in the last 2 weeks? | Диарея за 2 недели? | | TRUE
             select_multiple treatment | diarrhoea_tx | What was given? | Что давали? | | yes | ${{diarrhoea}} = 'yes' | not(selected(., 'nothing') and count-selected(.) > 1) | Nothing cannot go with a treatment | «Ничего» нельзя совмещать
             select_one yn | fever | Fever in the last 2 weeks? | Температура за 2 недели? | | TRUE
             select_one yn | cough | Cough with fast breathing? | Кашель с учащённым дыханием? | | TRUE
             select_one yn | care | Was care sought? | Обращались за помощью? | | yes | ${{fever}} = 'yes' or ${{cough}} = 'yes' or ${{diarrhoea}} = 'yes'
             select_one ynd | vita | Vitamin A in the last 6 months? | Витамин А за 6 месяцев? | | TRUE | ${{age_m}} >= 6
             select_one ynd | deworm | Deworming in the last 6 months? | Дегельминтизация за 6 месяцев? | | TRUE | ${{age_m}} >= 12
             select_one card | measles | Measles vaccine | Прививка от кори | | TRUE | ${{age_m}} >= 9
             date | measles_date | Date on the card | Дата по карте | | yes | ${{measles}} = 'card' | . >= ${{dob}} and . <= ${{int_date}} | Between the birth and the interview | Между рождением и интервью
             calculate | ill | | | | | | | | | if(${{diarrhoea}} = 'yes' or ${{fever}} = 'yes' or ${{cough}} = 'yes', 1, 0)",
            groups.join(" + ")
        ),
    );
    for (from, n, text) in MILESTONES {
        block(
            s,
            COLS,
            &format!(
                "select_one ynd | ms_{n} | Does ${{c_name}} {text}? | Ребёнок: {n}? | | | ${{age_m}} >= {from} | | | | | horizontal"
            ),
        );
    }
    let delayed: Vec<String> = MILESTONES
        .iter()
        .map(|(_, n, _)| format!("if(${{ms_{n}}} = 'no', 1, 0)"))
        .collect();
    block(
        s,
        COLS,
        &format!(
            "calculate | ms_delayed | | | | | | | | | {}
             select_one yn | ecd_books | Are there children's books at home? | Есть детские книги? | | | ${{age_m}} >= 12
             select_one yn | ecd_alone | Was ${{c_name}} left alone for over an hour last week? | Оставляли одного более часа? | | | ${{age_m}} >= 0
             end repeat",
            delayed.join(" + ")
        ),
    );
}

/// Women's dietary diversity (MDD-W), 10 groups.
const MDDW: [&str; 10] = [
    "grains",
    "pulses",
    "nuts",
    "dairy",
    "meat",
    "eggs",
    "greens",
    "vita",
    "other_veg",
    "other_fruit",
];

fn women(s: &mut Sheet) {
    block(
        s,
        COLS,
        r"
        begin repeat | woman | Woman 15–49 | Женщина 15–49 | | | ${consent} = 'yes' | | | | | | ${n_women}
        calculate | w_no | | | | | | | | | position(..)
        text | w_name | Name of woman ${w_no} | Имя женщины ${w_no} | | TRUE
        integer | w_age | Age | Возраст | | TRUE | | . >= 15 and . <= 49 | Only women 15 to 49 | Только женщины 15–49 лет
        select_one yn | pregnant | Pregnant now? | Беременна? | | TRUE
        select_one yn | lactating | Breastfeeding now? | Кормит грудью? | | TRUE | ${pregnant} = 'no'
        integer | anc | Antenatal visits so far | Посещений ЖК | | yes | ${pregnant} = 'yes' | . >= 0 and . <= 20 | 0 to 20 | От 0 до 20
        select_one yn | iron | Taking iron and folic acid? | Принимает железо и фолиевую кислоту? | | yes | ${pregnant} = 'yes' or ${lactating} = 'yes'
        decimal | w_muac | MUAC (mm) | ОКП (мм) | | TRUE | | . >= 150 and . <= 450 | MUAC must be 150 to 450 mm | ОКП от 150 до 450 мм
        calculate | w_muac_low | | | | | | | | | if(${w_muac} != '' and ${w_muac} < 230, 1, 0)
        note | w_diet | Yesterday, did ${w_name} eat… | Вчера ${w_name} ела…
        ",
    );
    for g in MDDW {
        block(
            s,
            COLS,
            &format!("select_one yn | wd_{g} | … {g}? | … {g}? | | yes | | | | | | horizontal"),
        );
    }
    let groups: Vec<String> = MDDW
        .iter()
        .map(|g| format!("if(${{wd_{g}}} = 'yes', 1, 0)"))
        .collect();
    block(
        s,
        COLS,
        &format!(
            "calculate | wdds | | | | | | | | | {}
             calculate | mddw | | | | | | | | | if(${{wdds}} >= 5, 1, 0)
             end repeat
             calculate | women_low_muac | | | | | | | | | sum(${{w_muac_low}})
             calculate | women_mddw | | | | | | | | | sum(${{mddw}})
             calculate | pregnant_n | | | | | | | | | count(${{woman}}[pregnant = 'yes'])",
            groups.join(" + ")
        ),
    );
}

const FIES: [&str; 8] = [
    "worried you would not have enough food",
    "were unable to eat healthy food",
    "ate only a few kinds of food",
    "had to skip a meal",
    "ate less than you thought you should",
    "ran out of food",
    "were hungry but did not eat",
    "went without eating for a whole day",
];

const HHS: [(&str, &str); 3] = [
    (
        "no_food",
        "there was no food to eat of any kind in the house",
    ),
    ("sleep_hungry", "anyone went to sleep hungry"),
    (
        "day_night",
        "anyone went a whole day and night without eating",
    ),
];

fn household(s: &mut Sheet) {
    block(
        s,
        COLS,
        r"
        begin group | food | Food security | Продовольственная безопасность | | | ${consent} = 'yes'
        note | fies_intro | In the last 12 months, was there a time when you… | За последние 12 месяцев было ли время, когда вы…
        ",
    );
    for (i, text) in FIES.iter().enumerate() {
        block(
            s,
            COLS,
            &format!(
                "select_one ynr | fies_{i} | … {text}? | … вопрос {i}? | | TRUE | | | | | | minimal"
            ),
        );
    }
    let raw: Vec<String> = (0..FIES.len())
        .map(|i| format!("if(${{fies_{i}}} = 'yes', 1, 0)"))
        .collect();
    let refused: Vec<String> = (0..FIES.len())
        .map(|i| format!("if(${{fies_{i}}} = 'refused', 1, 0)"))
        .collect();
    block(
        s,
        COLS,
        &format!(
            "calculate | fies_raw | | | | | | | | | {}
             calculate | fies_refused | | | | | | | | | {}
             calculate | fies_cat | | | | | | | | | if(${{fies_refused}} > 0, '', if(${{fies_raw}} >= 7, 'severe', if(${{fies_raw}} >= 4, 'moderate', 'mild or none')))",
            raw.join(" + "),
            refused.join(" + ")
        ),
    );
    for (n, text) in HHS {
        block(
            s,
            COLS,
            &format!(
                "select_one yn | hhs_{n} | In the last 30 days, did it happen that {text}? | За 30 дней: {n}? | | TRUE
                 select_one often | hhs_{n}_freq | How often? | Как часто? | | TRUE | ${{hhs_{n}}} = 'yes'"
            ),
        );
    }
    block(
        s,
        COLS,
        r"
        calculate | hhs | | | | | | | | | if(${hhs_no_food_freq} = 'often', 2, if(${hhs_no_food} = 'yes', 1, 0)) + if(${hhs_sleep_hungry_freq} = 'often', 2, if(${hhs_sleep_hungry} = 'yes', 1, 0)) + if(${hhs_day_night_freq} = 'often', 2, if(${hhs_day_night} = 'yes', 1, 0))
        calculate | hhs_cat | | | | | | | | | if(${hhs} >= 4, 'severe', if(${hhs} >= 2, 'moderate', 'little or none'))
        select_one water | water | Main drinking water source | Основной источник воды | | TRUE
        select_one yn | water_treated | Is the water treated? | Обрабатывается ли вода? | | TRUE | ${water} != 'piped'
        select_one yn | iodised | Is the salt iodised (test kit)? | Йодирована ли соль (тест)? | | TRUE
        select_one yn | soap_seen | Soap seen at the handwashing place? | Мыло у места мытья рук? | | TRUE
        end group
        ",
    );
}

const FCS: [(&str, &str); 8] = [
    ("cereals", "2"),
    ("pulses", "3"),
    ("veg", "1"),
    ("fruit", "1"),
    ("meat", "4"),
    ("milk", "4"),
    ("sugar", "0.5"),
    ("oil", "0.5"),
];

const PROGRAMMES: [&str; 8] = [
    "otp",
    "tsfp",
    "blanket",
    "cash",
    "school_meals",
    "vitamin_a",
    "ifa",
    "counselling",
];

fn extra(s: &mut Sheet) {
    block(
        s,
        COLS,
        "begin group | fcs_grp | Food consumption (7 days) | Потребление (7 дней) | | | ${consent} = 'yes'",
    );
    for (n, _) in FCS {
        block(
            s,
            COLS,
            &format!(
                "integer | fcs_{n} | Days with {n} | Дней: {n} | | TRUE | | . >= 0 and . <= 7 | 0 to 7 days | От 0 до 7 дней"
            ),
        );
    }
    let fcs: Vec<String> = FCS
        .iter()
        .map(|(n, w)| format!("coalesce(${{fcs_{n}}}, 0) * {w}"))
        .collect();
    block(
        s,
        COLS,
        &format!(
            "calculate | fcs | | | | | | | | | {}
             calculate | fcs_cat | | | | | | | | | if(${{fcs}} <= 21, 'poor', if(${{fcs}} <= 35, 'borderline', 'acceptable'))
             end group
             begin group | programmes | Programmes | Программы | | | ${{consent}} = 'yes'",
            fcs.join(" + ")
        ),
    );
    for p in PROGRAMMES {
        block(
            s,
            COLS,
            &format!(
                "select_one yn | prog_{p} | Does the household take part in {p}? | Участвует в {p}? | | TRUE | | | | | | horizontal
                 integer | prog_{p}_months | For how many months? | Сколько месяцев? | | | ${{prog_{p}}} = 'yes' | . >= 0 and . <= 36 | 0 to 36 | От 0 до 36"
            ),
        );
    }
    let n: Vec<String> = PROGRAMMES
        .iter()
        .map(|p| format!("if(${{prog_{p}}} = 'yes', 1, 0)"))
        .collect();
    block(
        s,
        COLS,
        &format!(
            "calculate | prog_n | | | | | | | | | {}
             select_one yn | otp_missed | Did a referred child miss OTP visits? | Пропускал ли ребёнок визиты OTP? | | | ${{prog_otp}} = 'yes' and ${{n_sam}} > 0
             end group
             begin group | practices | Household practices | Практики домохозяйства | | | ${{consent}} = 'yes'",
            n.join(" + ")
        ),
    );
    for p in PRACTICES {
        block(
            s,
            COLS,
            &format!(
                "select_one yn | pr_{p} | Does the household {p}? | Практика: {p}? | | yes | | | | | | horizontal",
                p = p
            ),
        );
    }
    let good: Vec<String> = PRACTICES
        .iter()
        .map(|p| format!("if(${{pr_{p}}} = 'yes', 1, 0)"))
        .collect();
    block(
        s,
        COLS,
        &format!(
            "calculate | practices_n | | | | | | | | | {}
             calculate | practices_pct | | | | | | | | | round(${{practices_n}} * 100 div {}, 0)
             end group",
            good.join(" + "),
            PRACTICES.len()
        ),
    );
}

const PRACTICES: [&str; 16] = [
    "boil_water",
    "cover_water",
    "wash_hands_food",
    "wash_hands_toilet",
    "use_latrine",
    "bury_faeces",
    "clean_bottles",
    "store_food",
    "use_iodised_salt",
    "keep_animals_out",
    "use_nets",
    "dispose_waste",
    "separate_sick",
    "keep_vaccination_cards",
    "attend_growth_monitoring",
    "cook_with_gas",
];

fn choices() -> Sheet {
    let mut c = Sheet::new("choices");
    block(
        &mut c,
        "list_name | name | {L}",
        r"
        yn | yes | Yes | Да
        yn | no | No | Нет
        ynd | yes | Yes | Да
        ynd | no | No | Нет
        ynd | dk | Does not know | Не знает
        ynr | yes | Yes | Да
        ynr | no | No | Нет
        ynr | refused | Refused | Отказ
        team | t1 | Team 1 | Команда 1
        team | t2 | Team 2 | Команда 2
        team | t3 | Team 3 | Команда 3
        sex | m | Boy / male | Мальчик / мужской
        sex | f | Girl / female | Девочка / женский
        position | lying | Lying | Лёжа
        position | standing | Standing | Стоя
        treatment | ors | ORS | ОРС
        treatment | zinc | Zinc | Цинк
        treatment | home | Home fluids | Домашнее питьё
        treatment | nothing | Nothing | Ничего
        card | card | Yes, on the card | Да, по карте
        card | recall | Yes, mother recalls | Да, со слов матери
        card | no | No | Нет
        card | dk | Does not know | Не знает
        often | rarely | Rarely (1–2 times) | Редко (1–2 раза)
        often | sometimes | Sometimes (3–10 times) | Иногда (3–10 раз)
        often | often | Often (more than 10 times) | Часто (более 10 раз)
        water | piped | Piped | Водопровод
        water | well | Well | Колодец
        water | river | River or canal | Река или арык
        water | truck | Water truck | Водовоз
        cause | illness | Illness | Болезнь
        cause | injury | Injury | Травма
        cause | birth | Childbirth | Роды
        cause | other | Other | Другое
        ",
    );
    c
}

fn settings() -> Sheet {
    let mut s = Sheet::new("settings");
    s.block(
        r"
        form_title | form_id | version | default_language | instance_name
        SMART nutrition survey 2026 | smart_2026 | 3 | English (en) | concat('HH ', ${cluster}, '-', ${hh_no})
        ",
    );
    s
}

fn set(path: &str, value: impl Into<serde_json::Value>) -> serde_json::Value {
    json!({"set": path, "value": value.into()})
}

fn script() -> serde_json::Value {
    let mut s = vec![
        set("/id/cluster", 41),
        set("/id/cluster", 12),
        set("/id/team", "t2"),
        set("/id/hh_no", 5),
        set("/id/int_date", "2026-01-13"),
        set("/id/consent", "yes"),
        set("/hh/hh_size", 7),
        set("/hh/n_u5", 4),
        set("/hh/n_women", 2),
        set("/hh/n_deaths", 1),
        set("/child[4]/c_name", "Cousin"),
        set("/member[1]/m_name", "Rustam"),
        set("/member[1]/m_sex", "m"),
        set("/member[1]/m_age", 35),
        set("/member[1]/m_works", "yes"),
        set("/member[2]/m_name", "Malika"),
        set("/member[2]/m_sex", "f"),
        set("/member[2]/m_age", 29),
        set("/member[3]/m_name", "Ali"),
        set("/member[3]/m_sex", "m"),
        set("/member[3]/m_age", 1),
        set("/member[4]/m_name", "Zilola"),
        set("/member[4]/m_sex", "f"),
        set("/member[4]/m_age", 3),
        set("/member[5]/m_name", "Nodira"),
        set("/member[5]/m_sex", "f"),
        set("/member[5]/m_age", 0),
        set("/member[5]/m_joined", "yes"),
        set("/member[5]/m_born", "yes"),
        set("/member[6]/m_name", "Gulnora"),
        set("/member[6]/m_sex", "f"),
        set("/member[6]/m_age", 52),
        set("/member[7]/m_name", "Sherzod"),
        set("/member[7]/m_sex", "m"),
        set("/member[7]/m_age", 11),
        set("/member[7]/m_school", "yes"),
        set("/member[7]/m_works", "yes"), // eleven: not relevant
        set("/hh/n_u5", 3),               // the fourth child goes, with its answers
        // Ali: 22 months, measured standing (+0.7 cm), normal MUAC
        set("/child[1]/c_name", "Ali"),
        set("/child[1]/c_sex", "m"),
        set("/child[1]/dob_known", "yes"),
        set("/child[1]/dob", "2024-03-05"),
        set("/child[1]/weight", 10.2),
        set("/child[1]/height", 82.5),
        set("/child[1]/measured", "standing"),
        set("/child[1]/oedema", "no"),
        set("/child[1]/muac", 128),
        set("/child[1]/ever_bf", "yes"),
        set("/child[1]/bf_now", "yes"),
        set("/child[1]/meals", 3),
        set("/child[1]/diarrhoea", "yes"),
        set("/child[1]/diarrhoea_tx", "zinc ors"),
        set("/child[1]/fever", "no"),
        set("/child[1]/cough", "no"),
        set("/child[1]/care", "yes"),
        set("/child[1]/vita", "yes"),
        set("/child[1]/deworm", "dk"),
        set("/child[1]/measles", "card"),
        set("/child[1]/measles_date", "2023-12-01"), // before the birth: a violation
        // Zilola: date of birth unknown, 40 months as reported, oedema and a low MUAC
        set("/child[2]/c_name", "Zilola"),
        set("/child[2]/c_sex", "f"),
        set("/child[2]/dob_known", "no"),
        set("/child[2]/age_rep", 40),
        set("/child[2]/weight", 11.0),
        set("/child[2]/height", 130),
        set("/child[2]/height", 95.0),
        set("/child[2]/measured", "standing"),
        set("/child[2]/oedema", "yes"),
        set("/child[2]/muac", 112),
        set("/child[2]/diarrhoea", "no"),
        set("/child[2]/fever", "yes"),
        set("/child[2]/cough", "yes"),
        set("/child[2]/care", "no"),
        set("/child[2]/vita", "no"),
        set("/child[2]/deworm", "yes"),
        set("/child[2]/measles", "recall"),
        set("/child[2]/iycf_grains", "yes"), // 40 months: not relevant
        // Nodira: 3 months, a weight out of range
        set("/child[3]/c_name", "Nodira"),
        set("/child[3]/c_sex", "f"),
        set("/child[3]/dob_known", "yes"),
        set("/child[3]/dob", "2025-10-01"),
        set("/child[3]/weight", 35),
        set("/child[3]/height", 58.0),
        set("/child[3]/measured", "lying"),
        set("/child[3]/oedema", "no"),
        set("/child[3]/muac", 100), // under 6 months: not relevant
        set("/child[3]/ever_bf", "yes"),
        set("/child[3]/bf_now", "no"),
        set("/child[3]/diarrhoea", "no"),
        set("/child[3]/fever", "no"),
        set("/child[3]/cough", "no"),
    ];
    for (n, v) in [
        ("smile", "yes"),
        ("head", "yes"),
        ("sit", "yes"),
        ("crawl", "yes"),
        ("stand", "yes"),
        ("walk", "no"),
        ("words", "dk"),
        ("phrases", "yes"),
    ] {
        s.push(set(&format!("/child[1]/ms_{n}"), v));
    }
    s.push(set("/child[2]/ms_draw", "no"));
    s.push(set("/child[2]/ms_count", "yes")); // 40 months: not yet asked
    for (n, v) in [
        ("cereals", 7),
        ("pulses", 2),
        ("veg", 5),
        ("fruit", 1),
        ("meat", 1),
        ("milk", 3),
        ("sugar", 7),
        ("oil", 7),
    ] {
        s.push(set(&format!("/fcs_grp/fcs_{n}"), v));
    }
    for (i, p) in PRACTICES.iter().enumerate() {
        if i % 3 != 2 {
            s.push(set(
                &format!("/practices/pr_{p}"),
                if i % 2 == 0 { "yes" } else { "no" },
            ));
        }
    }
    s.extend([
        set("/programmes/prog_otp", "yes"),
        set("/programmes/prog_otp_months", 2),
        set("/programmes/prog_cash", "yes"),
        set("/programmes/prog_cash_months", 40),
        set("/programmes/prog_tsfp", "no"),
        set("/programmes/otp_missed", "yes"),
    ]);
    for (g, v) in IYCF
        .iter()
        .zip(["yes", "yes", "no", "yes", "yes", "no", "yes", "no"])
    {
        s.push(set(&format!("/child[1]/iycf_{g}"), v));
    }
    s.extend([
        set("/woman[1]/w_name", "Malika"),
        set("/woman[1]/w_age", 29),
        set("/woman[1]/pregnant", "yes"),
        set("/woman[1]/lactating", "yes"), // pregnant: not relevant
        set("/woman[1]/anc", 3),
        set("/woman[1]/iron", "no"),
        set("/woman[1]/w_muac", 215),
        set("/woman[2]/w_name", "Gulnora"),
        set("/woman[2]/w_age", 52),
        set("/woman[2]/pregnant", "no"),
        set("/woman[2]/lactating", "yes"),
        set("/woman[2]/w_muac", 470),
    ]);
    for (g, v) in MDDW.iter().zip([
        "yes", "yes", "no", "yes", "no", "yes", "yes", "no", "yes", "no",
    ]) {
        s.push(set(&format!("/woman[1]/wd_{g}"), v));
    }
    for (i, v) in ["yes", "yes", "yes", "no", "yes", "refused", "no", "no"]
        .into_iter()
        .enumerate()
    {
        s.push(set(&format!("/food/fies_{i}"), v));
    }
    s.extend([
        set("/food/fies_5", "yes"), // the refusal withdrawn
        set("/food/hhs_no_food", "yes"),
        set("/food/hhs_no_food_freq", "sometimes"),
        set("/food/hhs_sleep_hungry", "yes"),
        set("/food/hhs_sleep_hungry_freq", "often"),
        set("/food/hhs_day_night", "no"),
        set("/food/water", "river"),
        set("/food/water_treated", "no"),
        set("/food/iodised", "yes"),
        set("/food/soap_seen", "no"),
        set("/death[1]/d_sex", "m"),
        set("/death[1]/d_age", 70),
        set("/death[1]/d_date", "2025-09-20"), // before the recall period: a violation
        set("/death[1]/d_cause", "illness"),
        set("/summary/remarks", "Zilola referred to the OTP"),
        json!({"language": "ru"}),
    ]);
    serde_json::Value::Array(s)
}

/// ODK's state after the interview, in Russian (checked by reason: Ali 22 months from
/// 5 March 2024, measured standing so 82.5 + 0.7 cm; his weight-for-height median
/// 0.0021·83.2² − 0.106·83.2 + 4.2 = 9.92 and z = (10.2 − 9.92) ÷ 0.893 = 0.31; five food
/// groups (MDD) and three meals while breastfed (MMF); Zilola's age as reported, `severe` for
/// her oedema; Nodira's 35 kg is a violation and still gives z = 64.84, flagged; the mean MUAC
/// (128 + 112) ÷ 2 leaves out Nodira's, not relevant under 6 months; crude death rate
/// 1 · 10,000 ÷ (7 · 104 days) = 13.74; FIES 5 after the refusal was withdrawn; the
/// `instance_name` of the settings sheet).
fn expect() -> serde_json::Value {
    super::sheet::expectations(
        r#"{
        "/id/cluster": {"value": "12"},
        "/id/team": {"value": "t2"},
        "/id/hh_no": {"value": "5"},
        "/id/int_date": {"value": "2026-01-13"},
        "/id/consent": {"value": "yes"},
        "/id/hh_id": {"value": "12-t2-5"},
        "/hh/hh_size": {"value": "7"},
        "/hh/n_u5": {"value": "3"},
        "/hh/n_women": {"value": "2"},
        "/hh/n_deaths": {"value": "1"},
        "/member": {"count": 7},
        "/member[1]/m_no": {"value": "1"},
        "/member[1]/m_sex": {"value": "m"},
        "/member[1]/m_slept": {"violation": true, "value": ""},
        "/member[1]/m_joined": {"violation": true, "value": ""},
        "/member[1]/m_born": {"relevant": false, "value": ""},
        "/member[1]/m_school": {"relevant": false, "value": ""},
        "/member[1]/m_works": {"value": "yes"},
        "/member[1]/m_chronic": {"violation": true, "value": ""},
        "/member[1]/m_u5": {"value": "0"},
        "/member[1]/m_w": {"value": "0"},
        "/member[2]/m_no": {"value": "2"},
        "/member[2]/m_sex": {"value": "f"},
        "/member[2]/m_slept": {"violation": true, "value": ""},
        "/member[2]/m_joined": {"violation": true, "value": ""},
        "/member[2]/m_born": {"relevant": false, "value": ""},
        "/member[2]/m_school": {"relevant": false, "value": ""},
        "/member[2]/m_works": {"value": ""},
        "/member[2]/m_chronic": {"violation": true, "value": ""},
        "/member[2]/m_u5": {"value": "0"},
        "/member[2]/m_w": {"value": "1"},
        "/member[3]/m_no": {"value": "3"},
        "/member[3]/m_sex": {"value": "m"},
        "/member[3]/m_slept": {"violation": true, "value": ""},
        "/member[3]/m_joined": {"violation": true, "value": ""},
        "/member[3]/m_born": {"relevant": false, "value": ""},
        "/member[3]/m_school": {"relevant": false, "value": ""},
        "/member[3]/m_works": {"relevant": false, "value": ""},
        "/member[3]/m_chronic": {"violation": true, "value": ""},
        "/member[3]/m_u5": {"value": "1"},
        "/member[3]/m_w": {"value": "0"},
        "/member[4]/m_no": {"value": "4"},
        "/member[4]/m_sex": {"value": "f"},
        "/member[4]/m_slept": {"violation": true, "value": ""},
        "/member[4]/m_joined": {"violation": true, "value": ""},
        "/member[4]/m_born": {"relevant": false, "value": ""},
        "/member[4]/m_school": {"relevant": false, "value": ""},
        "/member[4]/m_works": {"relevant": false, "value": ""},
        "/member[4]/m_chronic": {"violation": true, "value": ""},
        "/member[4]/m_u5": {"value": "1"},
        "/member[4]/m_w": {"value": "0"},
        "/member[5]/m_no": {"value": "5"},
        "/member[5]/m_sex": {"value": "f"},
        "/member[5]/m_slept": {"violation": true, "value": ""},
        "/member[5]/m_joined": {"value": "yes"},
        "/member[5]/m_born": {"value": "yes"},
        "/member[5]/m_school": {"relevant": false, "value": ""},
        "/member[5]/m_works": {"relevant": false, "value": ""},
        "/member[5]/m_chronic": {"violation": true, "value": ""},
        "/member[5]/m_u5": {"value": "1"},
        "/member[5]/m_w": {"value": "0"},
        "/member[6]/m_no": {"value": "6"},
        "/member[6]/m_sex": {"value": "f"},
        "/member[6]/m_slept": {"violation": true, "value": ""},
        "/member[6]/m_joined": {"violation": true, "value": ""},
        "/member[6]/m_born": {"relevant": false, "value": ""},
        "/member[6]/m_school": {"relevant": false, "value": ""},
        "/member[6]/m_works": {"value": ""},
        "/member[6]/m_chronic": {"violation": true, "value": ""},
        "/member[6]/m_u5": {"value": "0"},
        "/member[6]/m_w": {"value": "0"},
        "/member[7]/m_no": {"value": "7"},
        "/member[7]/m_sex": {"value": "m"},
        "/member[7]/m_slept": {"violation": true, "value": ""},
        "/member[7]/m_joined": {"violation": true, "value": ""},
        "/member[7]/m_born": {"relevant": false, "value": ""},
        "/member[7]/m_school": {"value": "yes"},
        "/member[7]/m_works": {"relevant": false, "value": ""},
        "/member[7]/m_chronic": {"violation": true, "value": ""},
        "/member[7]/m_u5": {"value": "0"},
        "/member[7]/m_w": {"value": "0"},
        "/roster_u5": {"value": "3"},
        "/roster_w": {"value": "1"},
        "/roster_joined": {"value": "1"},
        "/child": {"count": 3},
        "/child[1]/c_no": {"value": "1"},
        "/child[1]/c_sex": {"value": "m"},
        "/child[1]/dob_known": {"value": "yes"},
        "/child[1]/dob": {"value": "2024-03-05"},
        "/child[1]/age_rep": {"relevant": false, "value": ""},
        "/child[1]/age_m": {"value": "22"},
        "/child[1]/age_d": {"value": "679"},
        "/child[1]/weight": {"value": "10.2"},
        "/child[1]/height": {"value": "82.5"},
        "/child[1]/measured": {"value": "standing"},
        "/child[1]/height_adj": {"value": "83.2"},
        "/child[1]/oedema": {"value": "no"},
        "/child[1]/muac": {"value": "128.0"},
        "/child[1]/muac_cat": {"value": "normal"},
        "/child[1]/wfh_median": {"value": "9.92"},
        "/child[1]/whz": {"value": "0.31"},
        "/child[1]/hfa_median": {"value": "84.2"},
        "/child[1]/haz": {"value": "-0.32"},
        "/child[1]/whz_cat": {"value": "normal"},
        "/child[1]/flag": {"value": "0"},
        "/child[1]/flag_note": {"relevant": false, "value": ""},
        "/child[1]/sam_note": {"relevant": false, "value": ""},
        "/child[1]/ever_bf": {"value": "yes"},
        "/child[1]/bf_now": {"value": "yes"},
        "/child[1]/meals": {"value": "3"},
        "/child[1]/iycf_breastmilk": {"value": "yes"},
        "/child[1]/iycf_grains": {"value": "yes"},
        "/child[1]/iycf_pulses": {"value": "no"},
        "/child[1]/iycf_dairy": {"value": "yes"},
        "/child[1]/iycf_flesh": {"value": "yes"},
        "/child[1]/iycf_eggs": {"value": "no"},
        "/child[1]/iycf_vita_veg": {"value": "yes"},
        "/child[1]/iycf_other_veg": {"value": "no"},
        "/child[1]/dds": {"value": "5"},
        "/child[1]/mdd": {"value": "1"},
        "/child[1]/mmf": {"value": "1"},
        "/child[1]/diarrhoea": {"value": "yes"},
        "/child[1]/diarrhoea_tx": {"value": "ors zinc"},
        "/child[1]/fever": {"value": "no"},
        "/child[1]/cough": {"value": "no"},
        "/child[1]/care": {"value": "yes"},
        "/child[1]/vita": {"value": "yes"},
        "/child[1]/deworm": {"value": "dk"},
        "/child[1]/measles": {"value": "card"},
        "/child[1]/measles_date": {"violation": true, "message": "Между рождением и интервью", "value": "2023-12-01"},
        "/child[1]/ill": {"value": "1"},
        "/child[1]/ms_smile": {"value": "yes"},
        "/child[1]/ms_head": {"value": "yes"},
        "/child[1]/ms_sit": {"value": "yes"},
        "/child[1]/ms_crawl": {"value": "yes"},
        "/child[1]/ms_stand": {"value": "yes"},
        "/child[1]/ms_walk": {"value": "no"},
        "/child[1]/ms_words": {"value": "dk"},
        "/child[1]/ms_phrases": {"relevant": false, "value": ""},
        "/child[1]/ms_run": {"relevant": false, "value": ""},
        "/child[1]/ms_draw": {"relevant": false, "value": ""},
        "/child[1]/ms_dress": {"relevant": false, "value": ""},
        "/child[1]/ms_count": {"relevant": false, "value": ""},
        "/child[1]/ms_delayed": {"value": "1"},
        "/child[1]/ecd_books": {"value": ""},
        "/child[1]/ecd_alone": {"value": ""},
        "/child[2]/c_no": {"value": "2"},
        "/child[2]/c_sex": {"value": "f"},
        "/child[2]/dob_known": {"value": "no"},
        "/child[2]/dob": {"relevant": false, "value": ""},
        "/child[2]/age_rep": {"value": "40"},
        "/child[2]/age_m": {"value": "40"},
        "/child[2]/age_d": {"value": ""},
        "/child[2]/weight": {"value": "11.0"},
        "/child[2]/height": {"value": "95.0"},
        "/child[2]/measured": {"value": "standing"},
        "/child[2]/height_adj": {"value": "95.0"},
        "/child[2]/oedema": {"value": "yes"},
        "/child[2]/muac": {"value": "112.0"},
        "/child[2]/muac_cat": {"value": "sam"},
        "/child[2]/wfh_median": {"value": "13.08"},
        "/child[2]/whz": {"value": "-1.77"},
        "/child[2]/hfa_median": {"value": "96.4"},
        "/child[2]/haz": {"value": "-0.39"},
        "/child[2]/whz_cat": {"value": "severe"},
        "/child[2]/flag": {"value": "0"},
        "/child[2]/flag_note": {"relevant": false, "value": ""},
        "/child[2]/ever_bf": {"relevant": false, "value": ""},
        "/child[2]/bf_now": {"relevant": false, "value": ""},
        "/child[2]/meals": {"relevant": false, "value": ""},
        "/child[2]/iycf_breastmilk": {"relevant": false, "value": ""},
        "/child[2]/iycf_grains": {"relevant": false, "value": ""},
        "/child[2]/iycf_pulses": {"relevant": false, "value": ""},
        "/child[2]/iycf_dairy": {"relevant": false, "value": ""},
        "/child[2]/iycf_flesh": {"relevant": false, "value": ""},
        "/child[2]/iycf_eggs": {"relevant": false, "value": ""},
        "/child[2]/iycf_vita_veg": {"relevant": false, "value": ""},
        "/child[2]/iycf_other_veg": {"relevant": false, "value": ""},
        "/child[2]/dds": {"value": ""},
        "/child[2]/mdd": {"value": ""},
        "/child[2]/mmf": {"value": ""},
        "/child[2]/diarrhoea": {"value": "no"},
        "/child[2]/diarrhoea_tx": {"relevant": false, "value": ""},
        "/child[2]/fever": {"value": "yes"},
        "/child[2]/cough": {"value": "yes"},
        "/child[2]/care": {"value": "no"},
        "/child[2]/vita": {"value": "no"},
        "/child[2]/deworm": {"value": "yes"},
        "/child[2]/measles": {"value": "recall"},
        "/child[2]/measles_date": {"relevant": false, "value": ""},
        "/child[2]/ill": {"value": "1"},
        "/child[2]/ms_smile": {"value": ""},
        "/child[2]/ms_head": {"value": ""},
        "/child[2]/ms_sit": {"value": ""},
        "/child[2]/ms_crawl": {"value": ""},
        "/child[2]/ms_stand": {"value": ""},
        "/child[2]/ms_walk": {"value": ""},
        "/child[2]/ms_words": {"value": ""},
        "/child[2]/ms_phrases": {"value": ""},
        "/child[2]/ms_run": {"value": ""},
        "/child[2]/ms_draw": {"value": "no"},
        "/child[2]/ms_dress": {"relevant": false, "value": ""},
        "/child[2]/ms_count": {"relevant": false, "value": ""},
        "/child[2]/ms_delayed": {"value": "1"},
        "/child[2]/ecd_books": {"value": ""},
        "/child[2]/ecd_alone": {"value": ""},
        "/child[3]/c_no": {"value": "3"},
        "/child[3]/c_sex": {"value": "f"},
        "/child[3]/dob_known": {"value": "yes"},
        "/child[3]/dob": {"value": "2025-10-01"},
        "/child[3]/age_rep": {"relevant": false, "value": ""},
        "/child[3]/age_m": {"value": "3"},
        "/child[3]/age_d": {"value": "104"},
        "/child[3]/weight": {"violation": true, "message": "Вес от 1 до 30 кг", "value": "35.0"},
        "/child[3]/height": {"value": "58.0"},
        "/child[3]/measured": {"value": "lying"},
        "/child[3]/height_adj": {"value": "58.0"},
        "/child[3]/oedema": {"value": "no"},
        "/child[3]/muac": {"relevant": false, "value": ""},
        "/child[3]/muac_cat": {"value": ""},
        "/child[3]/wfh_median": {"value": "5.12"},
        "/child[3]/whz": {"value": "64.84"},
        "/child[3]/hfa_median": {"value": "56.3"},
        "/child[3]/haz": {"value": "0.82"},
        "/child[3]/whz_cat": {"value": "normal"},
        "/child[3]/flag": {"value": "1"},
        "/child[3]/sam_note": {"relevant": false, "value": ""},
        "/child[3]/ever_bf": {"value": "yes"},
        "/child[3]/bf_now": {"value": "no"},
        "/child[3]/meals": {"relevant": false, "value": ""},
        "/child[3]/iycf_breastmilk": {"relevant": false, "value": ""},
        "/child[3]/iycf_grains": {"relevant": false, "value": ""},
        "/child[3]/iycf_pulses": {"relevant": false, "value": ""},
        "/child[3]/iycf_dairy": {"relevant": false, "value": ""},
        "/child[3]/iycf_flesh": {"relevant": false, "value": ""},
        "/child[3]/iycf_eggs": {"relevant": false, "value": ""},
        "/child[3]/iycf_vita_veg": {"relevant": false, "value": ""},
        "/child[3]/iycf_other_veg": {"relevant": false, "value": ""},
        "/child[3]/dds": {"value": ""},
        "/child[3]/mdd": {"value": ""},
        "/child[3]/mmf": {"value": ""},
        "/child[3]/diarrhoea": {"value": "no"},
        "/child[3]/diarrhoea_tx": {"relevant": false, "value": ""},
        "/child[3]/fever": {"value": "no"},
        "/child[3]/cough": {"value": "no"},
        "/child[3]/care": {"relevant": false, "value": ""},
        "/child[3]/vita": {"relevant": false, "value": ""},
        "/child[3]/deworm": {"relevant": false, "value": ""},
        "/child[3]/measles": {"relevant": false, "value": ""},
        "/child[3]/measles_date": {"relevant": false, "value": ""},
        "/child[3]/ill": {"value": "0"},
        "/child[3]/ms_smile": {"value": ""},
        "/child[3]/ms_head": {"relevant": false, "value": ""},
        "/child[3]/ms_sit": {"relevant": false, "value": ""},
        "/child[3]/ms_crawl": {"relevant": false, "value": ""},
        "/child[3]/ms_stand": {"relevant": false, "value": ""},
        "/child[3]/ms_walk": {"relevant": false, "value": ""},
        "/child[3]/ms_words": {"relevant": false, "value": ""},
        "/child[3]/ms_phrases": {"relevant": false, "value": ""},
        "/child[3]/ms_run": {"relevant": false, "value": ""},
        "/child[3]/ms_draw": {"relevant": false, "value": ""},
        "/child[3]/ms_dress": {"relevant": false, "value": ""},
        "/child[3]/ms_count": {"relevant": false, "value": ""},
        "/child[3]/ms_delayed": {"value": "0"},
        "/child[3]/ecd_books": {"relevant": false, "value": ""},
        "/child[3]/ecd_alone": {"value": ""},
        "/woman": {"count": 2},
        "/woman[1]/w_no": {"value": "1"},
        "/woman[1]/w_age": {"value": "29"},
        "/woman[1]/pregnant": {"value": "yes"},
        "/woman[1]/lactating": {"relevant": false, "value": ""},
        "/woman[1]/anc": {"value": "3"},
        "/woman[1]/iron": {"value": "no"},
        "/woman[1]/w_muac": {"value": "215.0"},
        "/woman[1]/w_muac_low": {"value": "1"},
        "/woman[1]/wd_grains": {"value": "yes"},
        "/woman[1]/wd_pulses": {"value": "yes"},
        "/woman[1]/wd_nuts": {"value": "no"},
        "/woman[1]/wd_dairy": {"value": "yes"},
        "/woman[1]/wd_meat": {"value": "no"},
        "/woman[1]/wd_eggs": {"value": "yes"},
        "/woman[1]/wd_greens": {"value": "yes"},
        "/woman[1]/wd_vita": {"value": "no"},
        "/woman[1]/wd_other_veg": {"value": "yes"},
        "/woman[1]/wd_other_fruit": {"value": "no"},
        "/woman[1]/wdds": {"value": "6"},
        "/woman[1]/mddw": {"value": "1"},
        "/woman[2]/w_no": {"value": "2"},
        "/woman[2]/w_age": {"violation": true, "message": "Только женщины 15–49 лет", "value": "52"},
        "/woman[2]/pregnant": {"value": "no"},
        "/woman[2]/lactating": {"value": "yes"},
        "/woman[2]/anc": {"relevant": false, "value": ""},
        "/woman[2]/iron": {"violation": true, "value": ""},
        "/woman[2]/w_muac": {"violation": true, "message": "ОКП от 150 до 450 мм", "value": "470.0"},
        "/woman[2]/w_muac_low": {"value": "0"},
        "/woman[2]/wd_grains": {"violation": true, "value": ""},
        "/woman[2]/wd_pulses": {"violation": true, "value": ""},
        "/woman[2]/wd_nuts": {"violation": true, "value": ""},
        "/woman[2]/wd_dairy": {"violation": true, "value": ""},
        "/woman[2]/wd_meat": {"violation": true, "value": ""},
        "/woman[2]/wd_eggs": {"violation": true, "value": ""},
        "/woman[2]/wd_greens": {"violation": true, "value": ""},
        "/woman[2]/wd_vita": {"violation": true, "value": ""},
        "/woman[2]/wd_other_veg": {"violation": true, "value": ""},
        "/woman[2]/wd_other_fruit": {"violation": true, "value": ""},
        "/woman[2]/wdds": {"value": "0"},
        "/woman[2]/mddw": {"value": "0"},
        "/women_low_muac": {"value": "1"},
        "/women_mddw": {"value": "1"},
        "/pregnant_n": {"value": "1"},
        "/food/fies_0": {"value": "yes"},
        "/food/fies_1": {"value": "yes"},
        "/food/fies_2": {"value": "yes"},
        "/food/fies_3": {"value": "no"},
        "/food/fies_4": {"value": "yes"},
        "/food/fies_5": {"value": "yes"},
        "/food/fies_6": {"value": "no"},
        "/food/fies_7": {"value": "no"},
        "/food/fies_raw": {"value": "5"},
        "/food/fies_refused": {"value": "0"},
        "/food/fies_cat": {"value": "moderate"},
        "/food/hhs_no_food": {"value": "yes"},
        "/food/hhs_no_food_freq": {"value": "sometimes"},
        "/food/hhs_sleep_hungry": {"value": "yes"},
        "/food/hhs_sleep_hungry_freq": {"value": "often"},
        "/food/hhs_day_night": {"value": "no"},
        "/food/hhs_day_night_freq": {"relevant": false, "value": ""},
        "/food/hhs": {"value": "3"},
        "/food/hhs_cat": {"value": "moderate"},
        "/food/water": {"value": "river"},
        "/food/water_treated": {"value": "no"},
        "/food/iodised": {"value": "yes"},
        "/food/soap_seen": {"value": "no"},
        "/fcs_grp/fcs_cereals": {"value": "7"},
        "/fcs_grp/fcs_pulses": {"value": "2"},
        "/fcs_grp/fcs_veg": {"value": "5"},
        "/fcs_grp/fcs_fruit": {"value": "1"},
        "/fcs_grp/fcs_meat": {"value": "1"},
        "/fcs_grp/fcs_milk": {"value": "3"},
        "/fcs_grp/fcs_sugar": {"value": "7"},
        "/fcs_grp/fcs_oil": {"value": "7"},
        "/fcs_grp/fcs": {"value": "49"},
        "/fcs_grp/fcs_cat": {"value": "acceptable"},
        "/programmes/prog_otp": {"value": "yes"},
        "/programmes/prog_otp_months": {"value": "2"},
        "/programmes/prog_tsfp": {"value": "no"},
        "/programmes/prog_tsfp_months": {"relevant": false, "value": ""},
        "/programmes/prog_blanket": {"violation": true, "value": ""},
        "/programmes/prog_blanket_months": {"relevant": false, "value": ""},
        "/programmes/prog_cash": {"value": "yes"},
        "/programmes/prog_cash_months": {"violation": true, "message": "От 0 до 36", "value": "40"},
        "/programmes/prog_school_meals": {"violation": true, "value": ""},
        "/programmes/prog_school_meals_months": {"relevant": false, "value": ""},
        "/programmes/prog_vitamin_a": {"violation": true, "value": ""},
        "/programmes/prog_vitamin_a_months": {"relevant": false, "value": ""},
        "/programmes/prog_ifa": {"violation": true, "value": ""},
        "/programmes/prog_ifa_months": {"relevant": false, "value": ""},
        "/programmes/prog_counselling": {"violation": true, "value": ""},
        "/programmes/prog_counselling_months": {"relevant": false, "value": ""},
        "/programmes/prog_n": {"value": "2"},
        "/programmes/otp_missed": {"value": "yes"},
        "/practices/pr_boil_water": {"value": "yes"},
        "/practices/pr_cover_water": {"value": "no"},
        "/practices/pr_wash_hands_food": {"violation": true, "value": ""},
        "/practices/pr_wash_hands_toilet": {"value": "no"},
        "/practices/pr_use_latrine": {"value": "yes"},
        "/practices/pr_bury_faeces": {"violation": true, "value": ""},
        "/practices/pr_clean_bottles": {"value": "yes"},
        "/practices/pr_store_food": {"value": "no"},
        "/practices/pr_use_iodised_salt": {"violation": true, "value": ""},
        "/practices/pr_keep_animals_out": {"value": "no"},
        "/practices/pr_use_nets": {"value": "yes"},
        "/practices/pr_dispose_waste": {"violation": true, "value": ""},
        "/practices/pr_separate_sick": {"value": "yes"},
        "/practices/pr_keep_vaccination_cards": {"value": "no"},
        "/practices/pr_attend_growth_monitoring": {"violation": true, "value": ""},
        "/practices/pr_cook_with_gas": {"value": "no"},
        "/practices/practices_n": {"value": "5"},
        "/practices/practices_pct": {"value": "31"},
        "/death": {"count": 1},
        "/death[1]/d_no": {"value": "1"},
        "/death[1]/d_sex": {"value": "m"},
        "/death[1]/d_age": {"value": "70"},
        "/death[1]/d_date": {"violation": true, "message": "В пределах периода", "value": "2025-09-20"},
        "/death[1]/d_cause": {"value": "illness"},
        "/death[1]/d_u5": {"value": "0"},
        "/deaths_u5": {"value": "0"},
        "/cdr": {"value": "13.74"},
        "/summary/n_children": {"value": "3"},
        "/summary/n_sam": {"value": "1"},
        "/summary/n_mam": {"value": "0"},
        "/summary/n_stunted": {"value": "0"},
        "/summary/n_flagged": {"value": "1"},
        "/summary/mean_muac": {"value": "120"},
        "/summary/youngest_m": {"value": "3"},
        "/summary/first_child": {"value": "Ali 22m"},
        "/meta/instanceName": {"value": "HH 12-5"}
    }"#,
    )
}
