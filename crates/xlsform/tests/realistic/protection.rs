//! A child-protection case assessment, as a case-management team keeps it: households visited
//! (a repeat) → the children in each (counted by a question) → the incidents of each child
//! (added by hand), English and Uzbek Cyrillic labels, `required` as `true()` / `TRUE` /
//! `Yes` and Excel boolean cells, a numeric `version` cell, no `default_language`, names with
//! trailing spaces, risk and wellbeing scores per child, two-level `indexed-repeat`, the
//! follow-up date computed from the opening date.
//!
//! Import warnings (26): no `default_language` (English, the first, opens); `bid.png` is not
//! supplied; 22 constraint messages and 2 hints only in English.

use serde_json::json;

use super::sheet::{Form, Sheet};

const L: &str = "label::English (en) | label::Ўзбекча (uz-Cyrl)";

fn block(s: &mut Sheet, columns: &str, rows: &str) {
    s.block(&format!("{}\n{rows}", columns.replace("{L}", L)));
}

/// Risk factors asked per child: name, English, Uzbek Cyrillic, weight.
const RISKS: [(&str, &str, &str, u32); 16] = [
    (
        "neglect",
        "Is the child left without adult care for long periods?",
        "Бола узоқ вақт қаровсиз қоладими?",
        2,
    ),
    (
        "hunger",
        "Does the child often go hungry?",
        "Бола тез-тез оч қоладими?",
        2,
    ),
    (
        "beaten",
        "Is the child beaten at home?",
        "Болани уйда урадиларми?",
        3,
    ),
    (
        "witness",
        "Does the child witness violence at home?",
        "Бола уйда зўравонликни кўрадими?",
        2,
    ),
    (
        "threat",
        "Is the child threatened or humiliated?",
        "Болага таҳдид қилинадими?",
        2,
    ),
    (
        "work",
        "Does the child do hazardous work?",
        "Бола хавфли иш қиладими?",
        3,
    ),
    (
        "street",
        "Does the child spend nights on the street?",
        "Бола кечаси кўчада қоладими?",
        3,
    ),
    (
        "school",
        "Has the child dropped out of school?",
        "Бола мактабни ташлаганми?",
        1,
    ),
    (
        "marriage",
        "Is a marriage being arranged for the child?",
        "Бола учун никоҳ режалаштирилганми?",
        3,
    ),
    (
        "alcohol",
        "Does a caregiver abuse alcohol or drugs?",
        "Қаровчи спиртли ичимлик ичадими?",
        2,
    ),
    (
        "ill_care",
        "Is the child's illness left untreated?",
        "Боланинг касаллиги даволанмайдими?",
        2,
    ),
    (
        "docs",
        "Does the child lack a birth certificate?",
        "Боланинг туғилганлик гувоҳномаси йўқми?",
        1,
    ),
    (
        "bully",
        "Is the child bullied at school?",
        "Болани мактабда хафа қилишадими?",
        1,
    ),
    (
        "online",
        "Is the child exposed to harm online?",
        "Бола интернетда хавфга дучор бўладими?",
        1,
    ),
    (
        "selfharm",
        "Has the child harmed themself?",
        "Бола ўзига зарар етказганми?",
        3,
    ),
    (
        "missing",
        "Has the child gone missing before?",
        "Бола илгари йўқолганми?",
        2,
    ),
];

/// Wellbeing (0 never … 2 often): name, English.
const WELLBEING: [(&str, &str); 10] = [
    ("sleep", "sleeps badly"),
    ("eat", "does not want to eat"),
    ("cry", "cries a lot"),
    ("angry", "gets angry easily"),
    ("alone", "keeps to themself"),
    ("fear", "is afraid"),
    ("play", "does not play"),
    ("pain", "complains of pains"),
    ("focus", "cannot concentrate"),
    ("hope", "says the future is hopeless"),
];

pub fn form() -> Form {
    let mut s = Sheet::new("survey");
    block(
        &mut s,
        "type | name | {L} | hint::English (en) | required | relevance | constraint | constraint_message::English (en) | constraint_message::Ўзбекча (uz-Cyrl) | calculation | appearance | default | repeat_count",
        r"
        start | start
        end | end
        begin group | case | Case | Иш | | | | | | | | field-list
        text | case_id␠ | Case number | Иш рақами | Like CP-2026-0001 | true() | | regex(., '^CP-[0-9]{4}-[0-9]{4}$') | Case numbers look like CP-2026-0001 | Иш рақами CP-2026-0001 каби
        select_one worker | worker | Case worker | Ижтимоий ходим | | TRUE
        date | date_open | Date the case was opened | Иш очилган сана | | TRUE | | . >= date('2024-01-01') | Not before 2024 | 2024 дан олдин эмас
        select_one source or_other | ref_source | Who referred the case? | Ким юборди? | | Yes
        select_one urgency | urgency | Urgency | Шошилинчлик | | TRUE | | | | | | horizontal
        select_one yn | consent_guardian | Has the guardian agreed? | Васий рози бўлдими? | | TRUE
        date | follow_up | Next visit | Кейинги ташриф | | | ${consent_guardian} = 'yes' | . > ${date_open} | After the opening date | Очилган санадан кейин
        calculate | follow_up_due | | | | | | | | | date(decimal-date-time(${date_open}) + if(${urgency} = 'high', 3, 14))
        calculate | urgent | | | | | | | | | if(${urgency} = 'high', 'yes', 'no')
        end group
        begin repeat | household | Household visited | Ташриф буюрилган хонадон | | | ${consent_guardian} = 'yes'
        calculate | hh_no | | | | | | | | | position(..)
        text | hh_address | Address of household ${hh_no} | ${hh_no}-хонадон манзили | | TRUE
        text | hh_head | Head of household | Хонадон бошлиғи | | yes
        select_one sex | hh_head_sex | Sex of the head | Бошлиқ жинси | | yes | | | | | | horizontal
        integer | hh_people | People in the household | Хонадондаги одамлар | | Yes | | . >= 1 and . <= 30 | 1 to 30 | 1 дан 30 гача
        integer | n_children␠ | Children under 18 in the household | 18 ёшгача болалар | | TRUE | | . >= 0 and . <= ${hh_people} | Not more than the people in the household | Хонадондагилардан кўп эмас
        select_one caregiver | caregiver | Main caregiver | Асосий қаровчи | | TRUE
        select_one income | hh_income | Income level | Даромад даражаси | | yes | | | | | | minimal
        select_one yn | hh_violence | Is there violence between adults in the home? | Уйда катталар орасида зўравонлик борми? | | TRUE
        select_one yn | hh_substance | Does an adult misuse alcohol or drugs? | Катта ёшли спиртли ичимлик ёки гиёҳванд моддаларни суиистеъмол қиладими? | | TRUE
        select_one yn | hh_housing | Is the housing secure for the next 3 months? | Уй-жой 3 ой учун кафолатланганми? | | TRUE
        select_one yn | hh_benefits | Does the household receive social benefits? | Ижтимоий нафақа оладими? | | FALSE
        select_multiple benefits | hh_benefit_types | Which benefits? | Қандай нафақалар? | | | ${hh_benefits} = 'yes'
        ",
    );
    caregiver(&mut s);
    child(&mut s);
    block(
        &mut s,
        "type | name | {L} | required | relevance | constraint | constraint_message::English (en) | calculation",
        r"
        calculate | hh_children_listed | | | | | | | count(${child})
        calculate | hh_incidents | | | | | | | sum(${c_incidents})
        calculate | hh_max_risk | | | | | | | max(${risk_score})
        calculate | hh_at_risk | | | | | | | count(${child}[risk_score >= 6])
        calculate | hh_first_child | | | | | | | if(${n_children} > 0, indexed-repeat(${c_name}, ${child}, 1), '')
        calculate | hh_level | | | | | | | if(${hh_max_risk} >= 10 or ${hh_violence} = 'yes' and ${hh_at_risk} > 0, 'high', if(${hh_max_risk} >= 5, 'medium', 'low'))
        note | hh_summary | ${hh_address}: ${hh_children_listed} children, ${hh_incidents} incidents, risk ${hh_level} | ${hh_address}: ${hh_children_listed} бола, ${hh_incidents} ҳодиса
        end repeat
        ",
    );
    bid(&mut s);
    plan(&mut s);
    Form {
        name: "child_protection_case",
        sheets: vec![s, choices(), settings()],
        script: script(),
        expect: expect(),
        languages: &[],
    }
}

/// Caregiver capacity (yes = a strength).
const CAPACITY: [&str; 20] = [
    "knows where the children are during the day",
    "sets rules without hitting",
    "talks with the children every day",
    "can pay for food this month",
    "can pay for school costs",
    "has someone to ask for help",
    "keeps medicines out of reach",
    "takes the children to the clinic when ill",
    "knows the children's teachers",
    "has enough beds for the children",
    "keeps the home warm",
    "has a stable income",
    "is in good health",
    "does not drink alcohol daily",
    "has the children's documents",
    "is willing to work with the case worker",
    "has attended a parenting session",
    "knows the child helpline number",
    "lets the children play outside safely",
    "protects the children from the alleged perpetrator",
];

fn caregiver(s: &mut Sheet) {
    for (i, text) in CAPACITY.iter().enumerate() {
        block(
            s,
            "type | name | {L} | required | appearance",
            &format!(
                "select_one yn | cap_{i} | The caregiver {text} | Қаровчи: {i} | yes | horizontal"
            ),
        );
    }
    let yes: Vec<String> = (0..CAPACITY.len())
        .map(|i| format!("if(${{cap_{i}}} = 'yes', 1, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | capacity | {}\n             calculate | capacity_low | if(${{capacity}} < 10, 'yes', 'no')",
            yes.join(" + ")
        ),
    );
}

/// Health and development per child.
const CHILD_HEALTH: [(&str, &str); 12] = [
    ("vacc", "vaccinations up to date"),
    ("weight", "weight normal for the age"),
    ("meals", "eats at least three meals a day"),
    ("sleep", "sleeps in a bed"),
    ("clinic", "saw a doctor in the last year"),
    ("teeth", "has healthy teeth"),
    ("vision", "sees well"),
    ("hearing", "hears well"),
    ("speech", "speaks as expected for the age"),
    ("walk", "walks as expected for the age"),
    ("play", "plays with other children"),
    ("clean", "is clean and dressed for the weather"),
];

fn child(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | hint::English (en) | required | relevance | constraint | constraint_message::English (en) | constraint_message::Ўзбекча (uz-Cyrl) | calculation | appearance | repeat_count",
        r"
        begin repeat | child | Child | Бола | | | | | | | | | ${n_children}
        calculate | c_no | | | | | | | | | position(..)
        text | c_name | Name of child ${c_no} | ${c_no}-бола исми | | TRUE
        select_one sex | c_sex | Sex | Жинси | | TRUE | | | | | | horizontal
        date | c_dob | Date of birth | Туғилган сана | Ask for the birth certificate | TRUE | | . <= ${date_open} | Cannot be after the case was opened | Иш очилгандан кейин бўлмайди
        calculate | c_age | | | | | | | | | if(${c_dob} = '', '', floor((decimal-date-time(${date_open}) - decimal-date-time(${c_dob})) div 365.25))
        calculate | c_age_m | | | | | | | | | if(${c_dob} = '', '', int((decimal-date-time(${date_open}) - decimal-date-time(${c_dob})) div 30.4375))
        select_one yn | c_birth_reg | Is the birth registered? | Туғилиш қайд этилганми? | | yes
        select_one yn | c_school | Does ${c_name} go to school or kindergarten? | ${c_name} мактаб ёки боғчага борадими? | | yes | ${c_age} >= 3
        select_one living | c_living | Who does ${c_name} live with? | ${c_name} ким билан яшайди? | | TRUE
        select_one yn | c_disab | Does ${c_name} have a disability? | ${c_name} ногиронми? | | TRUE
        integer | c_work_h | Hours worked for pay last week | Ўтган ҳафта ишлаган соатлар | | | ${c_age} >= 5 | . >= 0 and . <= 84 | 0 to 84 hours | 0 дан 84 соатгача
        select_one yn | c_married | Is ${c_name} married or engaged? | Турмуш қурганми ёки унаштирилганми? | | | ${c_age} >= 12
        select_one yn | c_interviewed | Was ${c_name} spoken to alone? | Бола билан ёлғиз гаплашилдими? | | | ${c_age} >= 7
        note | c_risk_intro | Risks for ${c_name} | ${c_name} учун хавфлар
        ",
    );
    block(
        s,
        "type | name | {L} | required | relevance | constraint | constraint_message::English (en) | calculation | appearance",
        r"
        integer | c_grade | Grade | Синф | | ${c_school} = 'yes' and ${c_age} >= 7 | . >= 1 and . <= 11 | Grades 1 to 11
        integer | c_days_absent | School days missed last month | Ўтган ой қолдирилган кунлар | | ${c_school} = 'yes' | . >= 0 and . <= 26 | 0 to 26
        select_one yn | c_teacher | Has the case worker met the teacher? | Ўқитувчи билан учрашилдими? | | ${c_school} = 'yes'
        select_one yn | c_meals | Does ${c_name} get school meals? | Мактабда овқатланадими? | | ${c_school} = 'yes'
        select_one yn | c_homework | Does anyone help with homework? | Уй вазифасига ким ёрдам беради? | | ${c_school} = 'yes'
        select_one yn | c_learning | Does ${c_name} have learning difficulties? | Ўқишда қийналадими? | | ${c_school} = 'yes'
        select_one yn | c_uniform | Does ${c_name} have a uniform and shoes? | Мактаб формаси ва пойабзали борми? | | ${c_school} = 'yes'
        select_one yn | c_transport | Is the way to school safe? | Мактаб йўли хавфсизми? | | ${c_school} = 'yes'
        calculate | c_absent_pct | | | | | | | if(${c_days_absent} = '', '', round(${c_days_absent} * 100 div 26, 0))
        ",
    );
    for (n, en, cy, _) in RISKS {
        block(
            s,
            "type | name | {L} | required | appearance",
            &format!("select_one ynu␠ | r_{n} | {en} | {cy} | TRUE | horizontal"),
        );
    }
    let score: Vec<String> = RISKS
        .iter()
        .map(|(n, _, _, w)| format!("if(${{r_{n}}} = 'yes', {w}, 0)"))
        .collect();
    let unknown: Vec<String> = RISKS
        .iter()
        .map(|(n, ..)| format!("if(${{r_{n}}} = 'unknown', 1, 0)"))
        .collect();
    block(
        s,
        "type | name | {L} | relevance | calculation",
        &format!(
            "calculate | risk_score | | | | {}
             calculate | risk_unknown | | | | {}
             calculate | risk_level | | | | if(${{risk_score}} >= 10, 'high', if(${{risk_score}} >= 5, 'medium', 'low'))
             note | wb_intro | In the last month, how often has ${{c_name}}… | Ўтган ойда ${{c_name}} қанчалик тез-тез… | ${{c_age}} >= 4",
            score.join(" + "),
            unknown.join(" + ")
        ),
    );
    for (n, en) in CHILD_HEALTH {
        block(
            s,
            "type | name | {L} | relevance | appearance",
            &format!("select_one ynu␠ | h_{n} | Is it true that ${{c_name}} {en}? | {n}? | ${{c_dob}} != '' | horizontal"),
        );
    }
    let no: Vec<String> = CHILD_HEALTH
        .iter()
        .map(|(n, _)| format!("if(${{h_{n}}} = 'no', 1, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!("calculate | h_concerns | {}", no.join(" + ")),
    );
    for (n, en) in WELLBEING {
        block(
            s,
            "type | name | {L} | required | relevance | appearance",
            &format!(
                "select_one often | wb_{n} | … {en}? | … ({n})? | yes | ${{c_age}} >= 4 | likert"
            ),
        );
    }
    let wb: Vec<String> = WELLBEING
        .iter()
        .map(|(n, _)| format!("coalesce(${{wb_{n}}}, 0)"))
        .collect();
    block(
        s,
        "type | name | {L} | required | relevance | constraint | constraint_message::English (en) | calculation | appearance",
        &format!(
            "calculate | wb_total | | | | | | | {}
             calculate | wb_flag | | | | | | | if(${{c_age}} >= 4 and ${{wb_total}} >= 12, 'refer', '')
             begin repeat | incident | Incident | Ҳодиса | | ${{c_age}} != ''
             calculate | inc_no | | | | | | | position(..)
             select_one inc_type | inc_type | What happened (incident ${{inc_no}})? | Нима бўлди ({{inc_no}})? | TRUE
             date | inc_date | When? | Қачон? | TRUE | | . <= ${{date_open}} and . >= ${{c_dob}} | Between the birth and the opening of the case
             calculate | inc_days | | | | | | | if(${{inc_date}} = '', '', ${{date_open}} - ${{inc_date}})
             select_one perpetrator | inc_by | Who did it? | Ким қилди? | TRUE
             select_one place | inc_place | Where? | Қаерда? | yes
             select_one yn | inc_ongoing | Is it still going on? | Ҳали давом этяптими? | TRUE
             select_one yn | inc_injury | Was ${{c_name}} injured? | ${{c_name}} жароҳатландими? | TRUE
             select_one yn | inc_reported | Was it reported? | Хабар берилдими? | yes
             select_multiple reported_to | inc_reported_to | To whom? | Кимга? | yes | ${{inc_reported}} = 'yes' | not(selected(., 'nobody') and count-selected(.) > 1) | Nobody cannot go with others
             select_multiple service | inc_services | Services given | Кўрсатилган хизматлар | | | | | | minimal
             text | inc_notes | What happened, in the child's words | Бола сўзлари билан | | | string-length(.) >= 20 | Write at least 20 characters | | multiline
             calculate | inc_severe | | | | | | | if(${{inc_injury}} = 'yes' or ${{inc_type}} = 'sexual' or ${{inc_ongoing}} = 'yes' and ${{inc_by}} = 'caregiver', 1, 0)
             end repeat
             calculate | c_incidents | | | | | | | count(${{incident}}[inc_type != ''])
             calculate | c_severe | | | | | | | sum(${{inc_severe}})
             calculate | c_last_type | | | | | | | if(${{c_incidents}} > 0, jr:choice-name(indexed-repeat(${{inc_type}}, ${{incident}}, count(${{incident}})), '${{inc_type}}'), '')
             select_multiple need | c_needs | What does ${{c_name}} need? | ${{c_name}}га нима керак? | TRUE | | count-selected(.) <= 4 | Choose the four most important
             calculate | c_needs_n | | | | | | | count-selected(${{c_needs}})
             calculate | c_need_first | | | | | | | selected-at(${{c_needs}}, 0)
             end repeat",
            wb.join(" + ")
        ),
    );
}

const BID: [&str; 12] = [
    "The child's views were heard",
    "The child's views were taken into account",
    "Family tracing was tried",
    "Alternative care was considered",
    "The child can stay with the current caregiver",
    "Siblings stay together",
    "The child keeps contact with the parents",
    "The child's culture and language are respected",
    "Health needs are met",
    "Education continues",
    "The child is safe from the alleged perpetrator",
    "The plan was explained to the child",
];

fn bid(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | relevance | image::English (en)",
        "begin group | bid | Best interests | Боланинг манфаатлари | ${consent_guardian} = 'yes' | bid.png",
    );
    for (i, text) in BID.iter().enumerate() {
        block(
            s,
            "type | name | {L} | required | appearance",
            &format!("select_one ynu␠ | bid_{i} | {text} | Мезон {i} | FALSE | horizontal"),
        );
    }
    let yes: Vec<String> = (0..BID.len())
        .map(|i| format!("if(${{bid_{i}}} = 'yes', 1, 0)"))
        .collect();
    block(
        s,
        "type | name | calculation",
        &format!(
            "calculate | bid_met | {}\n             calculate | bid_pct | round(${{bid_met}} * 100 div 12, 1)\n             end group",
            yes.join(" + ")
        ),
    );
}

const ACTIONS: [&str; 14] = [
    "home_visit",
    "school_contact",
    "health_referral",
    "psychosocial",
    "legal_aid",
    "police",
    "shelter",
    "cash",
    "family_mediation",
    "parenting",
    "birth_registration",
    "alt_care",
    "reintegration",
    "monitoring",
];

fn plan(s: &mut Sheet) {
    block(
        s,
        "type | name | {L} | required | relevance | constraint | constraint_message::English (en) | calculation | appearance",
        r"
        begin group | plan | Case plan | Иш режаси | | ${consent_guardian} = 'yes'
        calculate | all_children | | | | | | | count(${child})
        calculate | all_incidents | | | | | | | count(${incident}[inc_type != ''])
        calculate | max_risk | | | | | | | max(${risk_score})
        calculate | severe_total | | | | | | | sum(${c_severe})
        calculate | hh2_child1 | | | | | | | indexed-repeat(${c_name}, ${household}, 2, ${child}, 1)
        calculate | case_level | | | | | | | if(${max_risk} >= 10 or ${severe_total} > 0, 'high', if(${max_risk} >= 5, 'medium', 'low'))
        note | level_note | Overall risk: ${case_level} (${all_children} children, ${all_incidents} incidents) | Умумий хавф: ${case_level}
        ",
    );
    for a in ACTIONS {
        block(
            s,
            "type | name | {L} | required | relevance | constraint | constraint_message::English (en)",
            &format!(
                "select_one yn | act_{a} | Action: {a}? | Чора: {a}? | TRUE
                 integer | act_{a}_days | In how many days? | Неча кунда? | yes | ${{act_{a}}} = 'yes' | . >= 0 and . <= 90 | Within 90 days"
            ),
        );
    }
    let n: Vec<String> = ACTIONS
        .iter()
        .map(|a| format!("if(${{act_{a}}} = 'yes', 1, 0)"))
        .collect();
    let soonest: Vec<String> = ACTIONS
        .iter()
        .map(|a| format!("${{act_{a}_days}}"))
        .collect();
    block(
        s,
        "type | name | {L} | required | relevance | constraint | constraint_message::English (en) | calculation | appearance",
        &format!(
            "calculate | actions_n | | | | | | | {}
             calculate | actions_soonest | | | | | | | min({})
             select_one yn | sp_safe_adult | Does the child know a safe adult to go to? | Бола ишонган катта одамни биладими? | TRUE
             text | sp_adult_name | Who? | Ким? | yes | ${{sp_safe_adult}} = 'yes'
             text | sp_adult_phone | Their phone | Телефони | | ${{sp_safe_adult}} = 'yes' | regex(., '^[0-9]{{9}}$') | Nine digits
             select_one yn | sp_helpline | Does the child know the helpline 1146? | Бола 1146 ишонч телефонини биладими? | TRUE
             select_one yn | sp_safe_place | Is there a safe place to go at night? | Кечаси борадиган хавфсиз жой борми? | TRUE
             select_one yn | sp_school_told | Has the school been told? | Мактабга хабар берилдими? | | ${{case_level}} != 'low'
             date | sp_review | Review the safety plan on | Хавфсизлик режасини кўриб чиқиш санаси | yes | | . >= ${{date_open}} | Not before the case was opened
             calculate | sp_review_in | | | | | | | if(${{sp_review}} = '', '', ${{sp_review}} - ${{date_open}})
             select_one status | case_status | Case status after this visit | Ташрифдан кейинги ҳолат | TRUE
             select_one close_reason | close_reason | Why is the case closed? | Нега ёпилди? | TRUE | ${{case_status}} = 'closed'
             select_one yn | supervisor_ok | Has the supervisor approved the plan? | Раҳбар тасдиқладими? | TRUE | ${{case_level}} = 'high'
             text | supervisor_note | Supervisor's note | Раҳбар изоҳи | | ${{supervisor_ok}} = 'no' | | | | multiline
             end group",
            n.join(" + "),
            soonest.join(", ")
        ),
    );
}

fn choices() -> Sheet {
    let mut c = Sheet::new("choices");
    block(
        &mut c,
        "list_name | name | {L}",
        r"
        yn | yes | Yes | Ҳа
        yn | no | No | Йўқ
        ynu␠ | yes | Yes | Ҳа
        ynu␠ | no | No | Йўқ
        ynu␠ | unknown | Do not know | Билмайман
        worker | w01 | Gulnora S. | Гулнора С.
        worker | w02 | Rustam A. | Рустам А.
        source | school | School | Мактаб
        source | police | Police | Милиция
        source | mahalla | Mahalla | Маҳалла
        source | health | Health worker | Тиббиёт ходими
        source | self | Child or family | Бола ёки оила
        urgency | high | High (within 24 h) | Юқори (24 соат)
        urgency | medium | Medium (within 3 days) | Ўрта (3 кун)
        urgency | low | Low | Паст
        sex | m | Boy / man | Ўғил / эркак
        sex | f | Girl / woman | Қиз / аёл
        caregiver | parents | Both parents | Ота-она
        caregiver | mother | Mother | Она
        caregiver | father | Father | Ота
        caregiver | grandparent | Grandparent | Бува ёки буви
        caregiver | other | Other relative | Бошқа қариндош
        income | none | No income | Даромад йўқ
        income | low | Low | Паст
        income | middle | Middle | Ўрта
        benefits | child | Child allowance | Болалар нафақаси
        benefits | poor | Low-income allowance | Кам таъминланганлик нафақаси
        benefits | disability | Disability pension | Ногиронлик нафақаси
        living | both | Both parents | Ота-онаси билан
        living | one | One parent | Бир ота-она билан
        living | relatives | Relatives | Қариндошлар билан
        living | alone | Alone | Ёлғиз
        living | institution | Institution | Муассасада
        often | 0 | Never | Ҳеч қачон
        often | 1 | Sometimes | Баъзан
        often | 2 | Often | Тез-тез
        inc_type | physical | Physical violence | Жисмоний зўравонлик
        inc_type | sexual | Sexual violence | Жинсий зўравонлик
        inc_type | emotional | Emotional abuse | Руҳий зўравонлик
        inc_type | neglect | Neglect | Қаровсизлик
        inc_type | labour | Child labour | Бола меҳнати
        inc_type | trafficking | Trafficking | Одам савдоси
        perpetrator | caregiver | Caregiver | Қаровчи
        perpetrator | relative | Other relative | Бошқа қариндош
        perpetrator | known | Someone known | Таниш одам
        perpetrator | stranger | Stranger | Нотаниш
        place | home | Home | Уй
        place | school | School | Мактаб
        place | street | Street | Кўча
        place | work | Workplace | Иш жойи
        place | online | Online | Интернет
        reported_to | police | Police | Милиция
        reported_to | mahalla | Mahalla | Маҳалла
        reported_to | school | School | Мактаб
        reported_to | nobody | Nobody | Ҳеч кимга
        service | medical | Medical care | Тиббий ёрдам
        service | psycho | Psychosocial support | Психологик ёрдам
        service | safe_space | Safe space | Хавфсиз жой
        service | legal | Legal aid | Юридик ёрдам
        need | safety | Safety | Хавфсизлик
        need | food | Food | Озиқ-овқат
        need | school | School | Мактаб
        need | health | Health care | Тиббиёт
        need | documents | Documents | Ҳужжатлар
        need | counselling | Counselling | Маслаҳат
        status | open | Open | Очиқ
        status | monitoring | Monitoring | Кузатувда
        status | closed | Closed | Ёпилган
        close_reason | safe | The child is safe | Бола хавфсиз
        close_reason | moved | The family moved | Оила кўчиб кетди
        close_reason | transferred | Transferred | Бошқага ўтказилди
        ",
    );
    c
}

fn settings() -> Sheet {
    let mut s = Sheet::new("settings");
    s.block(
        r"
        form_title | form_id | version
        Child protection case assessment | cp_case_2026 | 2026010702
        ",
    );
    s
}

fn set(path: &str, value: impl Into<serde_json::Value>) -> serde_json::Value {
    json!({"set": path, "value": value.into()})
}

/// A child: name, sex, date of birth, living with, risks answered yes, risks unknown,
/// wellbeing answers (one digit each), needs.
type Child = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    &'static str,
);

fn script() -> serde_json::Value {
    let mut s = vec![
        set("/case/case_id", "CP-26-1"),
        set("/case/case_id", "CP-2026-0042"),
        set("/case/worker", "w01"),
        set("/case/date_open", "2026-01-12"),
        set("/case/ref_source", "other"),
        set("/case/ref_source_other", "Neighbour"),
        set("/case/urgency", "high"),
        set("/case/consent_guardian", "yes"),
        set("/case/follow_up", "2026-01-10"), // before the opening: a violation
        set("/household[1]/hh_address", "Chilonzor 9-14"),
        set("/household[1]/hh_head", "Kamola Yusupova"),
        set("/household[1]/hh_head_sex", "f"),
        set("/household[1]/hh_people", 6),
        set("/household[1]/n_children", 3),
        set("/household[1]/caregiver", "mother"),
        set("/household[1]/hh_income", "low"),
        set("/household[1]/hh_violence", "yes"),
        set("/household[1]/hh_substance", "no"),
        set("/household[1]/hh_housing", "no"),
        set("/household[1]/hh_benefits", "yes"),
        set("/household[1]/hh_benefit_types", "poor child"),
    ];
    for (i, v) in "yyynnyyyynnnyyyynnyn".chars().enumerate() {
        let v = if v == 'y' { "yes" } else { "no" };
        s.push(set(&format!("/household[1]/cap_{i}"), v));
    }
    let children: [Child; 3] = [
        (
            "Jasur",
            "m",
            "2023-02-28",
            "one",
            &[],
            &["neglect", "hunger"],
            "",
            "health documents",
        ),
        (
            "Sardor",
            "m",
            "2011-09-01",
            "one",
            &["beaten", "witness", "work", "school"],
            &["alcohol"],
            "2212211102",
            "safety school counselling",
        ),
        (
            "Laylo",
            "f",
            "2016-04-17",
            "one",
            &["witness"],
            &[],
            "1101000100",
            "school",
        ),
    ];
    for (i, (name, sex, dob, living, yes, unknown, wb, needs)) in children.iter().enumerate() {
        let c = format!("/household[1]/child[{}]", i + 1);
        s.push(set(&format!("{c}/c_name"), *name));
        s.push(set(&format!("{c}/c_sex"), *sex));
        s.push(set(&format!("{c}/c_dob"), *dob));
        s.push(set(&format!("{c}/c_birth_reg"), "yes"));
        s.push(set(&format!("{c}/c_living"), *living));
        s.push(set(&format!("{c}/c_disab"), "no"));
        for (n, ..) in RISKS {
            let v = if yes.contains(&n) {
                "yes"
            } else if unknown.contains(&n) {
                "unknown"
            } else {
                "no"
            };
            s.push(set(&format!("{c}/r_{n}"), v));
        }
        for ((n, _), v) in WELLBEING.iter().zip(wb.chars()) {
            s.push(set(&format!("{c}/wb_{n}"), v.to_string()));
        }
        s.push(set(&format!("{c}/c_needs"), *needs));
    }
    s.extend([
        set("/household[1]/child[2]/c_school", "no"),
        set("/household[1]/child[2]/c_work_h", 30),
        set("/household[1]/child[2]/c_married", "no"),
        set("/household[1]/child[2]/c_interviewed", "yes"),
        set("/household[1]/child[2]/h_vacc", "yes"),
        set("/household[1]/child[2]/h_weight", "no"),
        set("/household[1]/child[2]/h_meals", "no"),
        set("/household[1]/child[2]/h_teeth", "unknown"),
        json!({"add_repeat": "/household[1]/child[2]/incident", "count": 2}),
        set("/household[1]/child[2]/incident[1]/inc_type", "physical"),
        set("/household[1]/child[2]/incident[1]/inc_date", "2025-12-28"),
        set("/household[1]/child[2]/incident[1]/inc_by", "relative"),
        set("/household[1]/child[2]/incident[1]/inc_place", "home"),
        set("/household[1]/child[2]/incident[1]/inc_ongoing", "yes"),
        set("/household[1]/child[2]/incident[1]/inc_injury", "yes"),
        set("/household[1]/child[2]/incident[1]/inc_reported", "yes"),
        set(
            "/household[1]/child[2]/incident[1]/inc_reported_to",
            "nobody mahalla",
        ),
        set(
            "/household[1]/child[2]/incident[1]/inc_services",
            "psycho medical",
        ),
        set(
            "/household[1]/child[2]/incident[1]/inc_notes",
            "Uncle hit him",
        ),
        set("/household[1]/child[2]/incident[2]/inc_type", "labour"),
        set("/household[1]/child[2]/incident[2]/inc_date", "2026-01-20"),
        set("/household[1]/child[2]/incident[2]/inc_by", "known"),
        set("/household[1]/child[2]/incident[2]/inc_place", "work"),
        set("/household[1]/child[2]/incident[2]/inc_ongoing", "yes"),
        set("/household[1]/child[2]/incident[2]/inc_injury", "no"),
        set("/household[1]/child[2]/incident[2]/inc_reported", "no"),
        set(
            "/household[1]/child[2]/incident[2]/inc_notes",
            "Works at the bazaar carrying sacks every day",
        ),
        set("/household[1]/child[3]/c_school", "yes"),
        set("/household[1]/child[3]/c_work_h", 0),
        set("/household[1]/child[3]/c_interviewed", "no"),
        set("/household[1]/child[3]/c_grade", 3),
        set("/household[1]/child[3]/c_days_absent", 4),
        set("/household[1]/child[3]/c_meals", "yes"),
        set("/household[1]/child[3]/c_learning", "no"),
        set("/household[1]/child[2]/c_grade", 8), // out of school: not relevant
        set("/household[1]/child[1]/c_school", "no"), // two years old: not relevant
        set("/household[1]/child[1]/h_speech", "no"),
        set("/household[1]/child[1]/h_walk", "yes"),
        json!({"add_repeat": "/household"}),
        set("/household[2]/hh_address", "Yunusobod 4-77"),
        set("/household[2]/hh_head", "Bahrom Aliev"),
        set("/household[2]/hh_head_sex", "m"),
        set("/household[2]/hh_people", 3),
        set("/household[2]/n_children", 2),
        set("/household[2]/child[1]/c_name", "Madina"),
        set("/household[2]/child[1]/c_sex", "f"),
        set("/household[2]/child[1]/c_dob", "2009-07-07"),
        set("/household[2]/child[1]/c_living", "relatives"),
        set("/household[2]/child[1]/c_married", "yes"),
        set("/household[2]/child[1]/r_marriage", "yes"),
        set("/household[2]/child[1]/r_school", "yes"),
        set("/household[2]/child[1]/r_threat", "yes"),
        set(
            "/household[2]/child[1]/c_needs",
            "safety documents school health counselling",
        ),
        json!({"add_repeat": "/household[2]/child[1]/incident"}),
        set("/household[2]/child[1]/incident[1]/inc_type", "emotional"),
        set("/household[2]/child[1]/incident[1]/inc_date", "2025-11-30"),
        set("/household[2]/child[1]/incident[1]/inc_by", "caregiver"),
        set("/household[2]/child[1]/incident[1]/inc_ongoing", "yes"),
        set("/household[2]/child[1]/incident[1]/inc_injury", "no"),
        set("/household[2]/child[2]/c_name", "Temporary"),
        set("/household[2]/n_children", 5), // more than the 3 people: a violation
        set("/household[2]/n_children", 1),
        set("/household[2]/caregiver", "grandparent"),
        set("/household[2]/hh_violence", "no"),
        set("/bid/bid_0", "yes"),
        set("/bid/bid_1", "yes"),
        set("/bid/bid_2", "no"),
        set("/bid/bid_4", "unknown"),
        set("/bid/bid_8", "yes"),
        set("/plan/act_home_visit", "yes"),
        set("/plan/act_home_visit_days", 2),
        set("/plan/act_psychosocial", "yes"),
        set("/plan/act_psychosocial_days", 7),
        set("/plan/act_police", "yes"),
        set("/plan/act_police_days", 120),
        set("/plan/act_cash", "no"),
        set("/plan/act_cash_days", 1), // not relevant: not the soonest
        set("/plan/sp_safe_adult", "yes"),
        set("/plan/sp_adult_name", "Aunt Nodira"),
        set("/plan/sp_adult_phone", "90123456"),
        set("/plan/sp_helpline", "no"),
        set("/plan/sp_review", "2026-01-26"),
        set("/plan/case_status", "open"),
        set("/plan/close_reason", "safe"), // not closed: not relevant
        set("/plan/supervisor_ok", "no"),
        set("/plan/supervisor_note", "Police referral first"),
        json!({"language": "uz-Cyrl"}),
    ]);
    serde_json::Value::Array(s)
}

/// ODK's state after the visit, in Uzbek Cyrillic (checked by reason: follow-up due 3 days
/// after 12 January for a high urgency; Sardor 14 years / 172 months, risk 3 + 2 + 3 + 1 = 9
/// (medium) and his household `high` because `and` binds tighter than `or`; an incident 8
/// days after the opening is a violation with `inc_days` = −8; `sum()` over a child with no
/// incidents is `""` in ODK, so the case's `severe_total` and the `min()` of blank days are
/// `""` too; lowering the children of the second household from 5 to 1 dropped the others).
///
/// The first child counted by `repeat_count` (`/household[1]/child[1]`) has the one blank
/// `incident` pyxform writes in the primary instance (its questions required), the children
/// made after it none, as in ODK (Collect and Web Forms).
///
/// differs: `indexed-repeat(${c_name}, ${child}, 1)` in the second household reads the first
/// household's first child in Web Forms (`Jasur`), the household's own here (`Madina`), as in
/// Collect; left out (see `indexed_repeat_reads_the_own_outer_instance` in
/// `crates/engine/tests/deviations.rs`).
fn expect() -> serde_json::Value {
    super::sheet::expectations(
        r#"{
        "/case/worker": {"value": "w01"},
        "/case/date_open": {"value": "2026-01-12"},
        "/case/ref_source": {"value": "other"},
        "/case/urgency": {"value": "high"},
        "/case/consent_guardian": {"value": "yes"},
        "/case/follow_up": {"violation": true, "message": "Очилган санадан кейин", "value": "2026-01-10"},
        "/case/follow_up_due": {"value": "2026-01-15"},
        "/case/urgent": {"value": "yes"},
        "/household": {"count": 2},
        "/household[1]/hh_no": {"value": "1"},
        "/household[1]/hh_head_sex": {"value": "f"},
        "/household[1]/hh_people": {"value": "6"},
        "/household[1]/n_children": {"value": "3"},
        "/household[1]/caregiver": {"value": "mother"},
        "/household[1]/hh_income": {"value": "low"},
        "/household[1]/hh_violence": {"value": "yes"},
        "/household[1]/hh_substance": {"value": "no"},
        "/household[1]/hh_housing": {"value": "no"},
        "/household[1]/hh_benefits": {"value": "yes"},
        "/household[1]/hh_benefit_types": {"value": "child poor"},
        "/household[1]/capacity": {"value": "12"},
        "/household[1]/capacity_low": {"value": "no"},
        "/household[1]/child": {"count": 3},
        "/household[1]/child[1]/c_no": {"value": "1"},
        "/household[1]/child[1]/c_sex": {"value": "m"},
        "/household[1]/child[1]/c_dob": {"value": "2023-02-28"},
        "/household[1]/child[1]/c_age": {"value": "2"},
        "/household[1]/child[1]/c_age_m": {"value": "34"},
        "/household[1]/child[1]/c_birth_reg": {"value": "yes"},
        "/household[1]/child[1]/c_school": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_living": {"value": "one"},
        "/household[1]/child[1]/c_disab": {"value": "no"},
        "/household[1]/child[1]/c_work_h": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_married": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_interviewed": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_grade": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_days_absent": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_teacher": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_meals": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_homework": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_learning": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_uniform": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_transport": {"relevant": false, "value": ""},
        "/household[1]/child[1]/c_absent_pct": {"value": ""},
        "/household[1]/child[1]/r_ill_care": {"value": "no"},
        "/household[1]/child[1]/risk_score": {"value": "0"},
        "/household[1]/child[1]/risk_unknown": {"value": "2"},
        "/household[1]/child[1]/risk_level": {"value": "low"},
        "/household[1]/child[1]/wb_intro": {"relevant": false, "value": ""},
        "/household[1]/child[1]/h_vacc": {"value": ""},
        "/household[1]/child[1]/h_weight": {"value": ""},
        "/household[1]/child[1]/h_meals": {"value": ""},
        "/household[1]/child[1]/h_sleep": {"value": ""},
        "/household[1]/child[1]/h_clinic": {"value": ""},
        "/household[1]/child[1]/h_teeth": {"value": ""},
        "/household[1]/child[1]/h_vision": {"value": ""},
        "/household[1]/child[1]/h_hearing": {"value": ""},
        "/household[1]/child[1]/h_play": {"value": ""},
        "/household[1]/child[1]/h_clean": {"value": ""},
        "/household[1]/child[1]/wb_sleep": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_eat": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_cry": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_angry": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_alone": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_fear": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_play": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_pain": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_focus": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_hope": {"relevant": false, "value": ""},
        "/household[1]/child[1]/wb_flag": {"value": ""},
        "/household[1]/child[1]/incident": {"count": 1},
        "/household[1]/child[1]/incident[1]/inc_no": {"value": "1"},
        "/household[1]/child[1]/incident[1]/inc_type": {"violation": true, "value": ""},
        "/household[1]/child[1]/incident[1]/inc_severe": {"value": "0"},
        "/household[1]/child[1]/c_incidents": {"value": "0"},
        "/household[1]/child[1]/c_severe": {"value": "0"},
        "/household[1]/child[1]/c_last_type": {"value": ""},
        "/household[1]/child[1]/c_needs": {"value": "health documents"},
        "/household[1]/child[1]/c_needs_n": {"value": "2"},
        "/household[1]/child[1]/c_need_first": {"value": "health"},
        "/household[1]/child[2]/c_no": {"value": "2"},
        "/household[1]/child[2]/c_sex": {"value": "m"},
        "/household[1]/child[2]/c_dob": {"value": "2011-09-01"},
        "/household[1]/child[2]/c_age": {"value": "14"},
        "/household[1]/child[2]/c_age_m": {"value": "172"},
        "/household[1]/child[2]/c_birth_reg": {"value": "yes"},
        "/household[1]/child[2]/c_school": {"value": "no"},
        "/household[1]/child[2]/c_living": {"value": "one"},
        "/household[1]/child[2]/c_disab": {"value": "no"},
        "/household[1]/child[2]/c_work_h": {"value": "30"},
        "/household[1]/child[2]/c_married": {"value": "no"},
        "/household[1]/child[2]/c_interviewed": {"value": "yes"},
        "/household[1]/child[2]/c_grade": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_days_absent": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_teacher": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_meals": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_homework": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_learning": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_uniform": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_transport": {"relevant": false, "value": ""},
        "/household[1]/child[2]/c_absent_pct": {"value": ""},
        "/household[1]/child[2]/r_ill_care": {"value": "no"},
        "/household[1]/child[2]/risk_score": {"value": "9"},
        "/household[1]/child[2]/risk_unknown": {"value": "1"},
        "/household[1]/child[2]/risk_level": {"value": "medium"},
        "/household[1]/child[2]/h_sleep": {"value": ""},
        "/household[1]/child[2]/h_clinic": {"value": ""},
        "/household[1]/child[2]/h_vision": {"value": ""},
        "/household[1]/child[2]/h_hearing": {"value": ""},
        "/household[1]/child[2]/h_speech": {"value": ""},
        "/household[1]/child[2]/h_walk": {"value": ""},
        "/household[1]/child[2]/h_play": {"value": ""},
        "/household[1]/child[2]/h_clean": {"value": ""},
        "/household[1]/child[2]/wb_total": {"value": "14"},
        "/household[1]/child[2]/wb_flag": {"value": "refer"},
        "/household[1]/child[2]/incident": {"count": 2},
        "/household[1]/child[2]/incident[1]/inc_no": {"value": "1"},
        "/household[1]/child[2]/incident[1]/inc_type": {"value": "physical"},
        "/household[1]/child[2]/incident[1]/inc_date": {"value": "2025-12-28"},
        "/household[1]/child[2]/incident[1]/inc_days": {"value": "15"},
        "/household[1]/child[2]/incident[1]/inc_by": {"value": "relative"},
        "/household[1]/child[2]/incident[1]/inc_place": {"value": "home"},
        "/household[1]/child[2]/incident[1]/inc_ongoing": {"value": "yes"},
        "/household[1]/child[2]/incident[1]/inc_injury": {"value": "yes"},
        "/household[1]/child[2]/incident[1]/inc_reported": {"value": "yes"},
        "/household[1]/child[2]/incident[1]/inc_reported_to": {"violation": true, "value": "mahalla nobody"},
        "/household[1]/child[2]/incident[1]/inc_services": {"value": "medical psycho"},
        "/household[1]/child[2]/incident[1]/inc_notes": {"violation": true},
        "/household[1]/child[2]/incident[1]/inc_severe": {"value": "1"},
        "/household[1]/child[2]/incident[2]/inc_no": {"value": "2"},
        "/household[1]/child[2]/incident[2]/inc_type": {"value": "labour"},
        "/household[1]/child[2]/incident[2]/inc_date": {"violation": true, "value": "2026-01-20"},
        "/household[1]/child[2]/incident[2]/inc_days": {"value": "-8"},
        "/household[1]/child[2]/incident[2]/inc_by": {"value": "known"},
        "/household[1]/child[2]/incident[2]/inc_place": {"value": "work"},
        "/household[1]/child[2]/incident[2]/inc_ongoing": {"value": "yes"},
        "/household[1]/child[2]/incident[2]/inc_injury": {"value": "no"},
        "/household[1]/child[2]/incident[2]/inc_reported": {"value": "no"},
        "/household[1]/child[2]/incident[2]/inc_reported_to": {"relevant": false, "value": ""},
        "/household[1]/child[2]/incident[2]/inc_services": {"value": ""},
        "/household[1]/child[2]/incident[2]/inc_severe": {"value": "0"},
        "/household[1]/child[2]/c_incidents": {"value": "2"},
        "/household[1]/child[2]/c_severe": {"value": "1"},
        "/household[1]/child[2]/c_last_type": {"value": "Бола меҳнати"},
        "/household[1]/child[2]/c_needs": {"value": "safety school counselling"},
        "/household[1]/child[2]/c_needs_n": {"value": "3"},
        "/household[1]/child[2]/c_need_first": {"value": "safety"},
        "/household[1]/child[3]/c_no": {"value": "3"},
        "/household[1]/child[3]/c_sex": {"value": "f"},
        "/household[1]/child[3]/c_dob": {"value": "2016-04-17"},
        "/household[1]/child[3]/c_age": {"value": "9"},
        "/household[1]/child[3]/c_age_m": {"value": "116"},
        "/household[1]/child[3]/c_birth_reg": {"value": "yes"},
        "/household[1]/child[3]/c_school": {"value": "yes"},
        "/household[1]/child[3]/c_living": {"value": "one"},
        "/household[1]/child[3]/c_disab": {"value": "no"},
        "/household[1]/child[3]/c_work_h": {"value": "0"},
        "/household[1]/child[3]/c_married": {"relevant": false, "value": ""},
        "/household[1]/child[3]/c_interviewed": {"value": "no"},
        "/household[1]/child[3]/c_grade": {"value": "3"},
        "/household[1]/child[3]/c_days_absent": {"value": "4"},
        "/household[1]/child[3]/c_teacher": {"value": ""},
        "/household[1]/child[3]/c_meals": {"value": "yes"},
        "/household[1]/child[3]/c_homework": {"value": ""},
        "/household[1]/child[3]/c_learning": {"value": "no"},
        "/household[1]/child[3]/c_uniform": {"value": ""},
        "/household[1]/child[3]/c_transport": {"value": ""},
        "/household[1]/child[3]/c_absent_pct": {"value": "15"},
        "/household[1]/child[3]/r_ill_care": {"value": "no"},
        "/household[1]/child[3]/risk_score": {"value": "2"},
        "/household[1]/child[3]/risk_unknown": {"value": "0"},
        "/household[1]/child[3]/risk_level": {"value": "low"},
        "/household[1]/child[3]/h_vacc": {"value": ""},
        "/household[1]/child[3]/h_weight": {"value": ""},
        "/household[1]/child[3]/h_meals": {"value": ""},
        "/household[1]/child[3]/h_sleep": {"value": ""},
        "/household[1]/child[3]/h_clinic": {"value": ""},
        "/household[1]/child[3]/h_teeth": {"value": ""},
        "/household[1]/child[3]/h_vision": {"value": ""},
        "/household[1]/child[3]/h_hearing": {"value": ""},
        "/household[1]/child[3]/h_speech": {"value": ""},
        "/household[1]/child[3]/h_walk": {"value": ""},
        "/household[1]/child[3]/h_play": {"value": ""},
        "/household[1]/child[3]/h_clean": {"value": ""},
        "/household[1]/child[3]/wb_flag": {"value": ""},
        "/household[1]/child[3]/incident": {"count": 0},
        "/household[1]/child[3]/c_incidents": {"value": "0"},
        "/household[1]/child[3]/c_severe": {"value": ""},
        "/household[1]/child[3]/c_last_type": {"value": ""},
        "/household[1]/child[3]/c_needs": {"value": "school"},
        "/household[1]/child[3]/c_needs_n": {"value": "1"},
        "/household[1]/child[3]/c_need_first": {"value": "school"},
        "/household[1]/hh_children_listed": {"value": "3"},
        "/household[1]/hh_incidents": {"value": "2"},
        "/household[1]/hh_max_risk": {"value": "9"},
        "/household[1]/hh_at_risk": {"value": "1"},
        "/household[1]/hh_first_child": {"value": "Jasur"},
        "/household[1]/hh_level": {"value": "high"},
        "/household[2]/hh_no": {"value": "2"},
        "/household[2]/hh_head_sex": {"value": "m"},
        "/household[2]/hh_people": {"value": "3"},
        "/household[2]/n_children": {"value": "1"},
        "/household[2]/caregiver": {"value": "grandparent"},
        "/household[2]/hh_income": {"violation": true, "value": ""},
        "/household[2]/hh_violence": {"value": "no"},
        "/household[2]/hh_substance": {"violation": true, "value": ""},
        "/household[2]/hh_housing": {"violation": true, "value": ""},
        "/household[2]/hh_benefits": {"value": ""},
        "/household[2]/hh_benefit_types": {"relevant": false, "value": ""},
        "/household[2]/cap_0": {"violation": true, "value": ""},
        "/household[2]/cap_1": {"violation": true, "value": ""},
        "/household[2]/cap_2": {"violation": true, "value": ""},
        "/household[2]/cap_3": {"violation": true, "value": ""},
        "/household[2]/cap_4": {"violation": true, "value": ""},
        "/household[2]/cap_5": {"violation": true, "value": ""},
        "/household[2]/cap_6": {"violation": true, "value": ""},
        "/household[2]/cap_7": {"violation": true, "value": ""},
        "/household[2]/cap_8": {"violation": true, "value": ""},
        "/household[2]/cap_9": {"violation": true, "value": ""},
        "/household[2]/cap_10": {"violation": true, "value": ""},
        "/household[2]/cap_11": {"violation": true, "value": ""},
        "/household[2]/cap_12": {"violation": true, "value": ""},
        "/household[2]/cap_13": {"violation": true, "value": ""},
        "/household[2]/cap_14": {"violation": true, "value": ""},
        "/household[2]/cap_15": {"violation": true, "value": ""},
        "/household[2]/cap_16": {"violation": true, "value": ""},
        "/household[2]/cap_17": {"violation": true, "value": ""},
        "/household[2]/cap_18": {"violation": true, "value": ""},
        "/household[2]/cap_19": {"violation": true, "value": ""},
        "/household[2]/capacity": {"value": "0"},
        "/household[2]/capacity_low": {"value": "yes"},
        "/household[2]/child": {"count": 1},
        "/household[2]/child[1]/c_no": {"value": "1"},
        "/household[2]/child[1]/c_sex": {"value": "f"},
        "/household[2]/child[1]/c_dob": {"value": "2009-07-07"},
        "/household[2]/child[1]/c_age": {"value": "16"},
        "/household[2]/child[1]/c_age_m": {"value": "198"},
        "/household[2]/child[1]/c_birth_reg": {"violation": true, "value": ""},
        "/household[2]/child[1]/c_school": {"violation": true, "value": ""},
        "/household[2]/child[1]/c_living": {"value": "relatives"},
        "/household[2]/child[1]/c_disab": {"violation": true, "value": ""},
        "/household[2]/child[1]/c_married": {"value": "yes"},
        "/household[2]/child[1]/c_interviewed": {"value": ""},
        "/household[2]/child[1]/c_grade": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_days_absent": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_teacher": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_meals": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_homework": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_learning": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_uniform": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_transport": {"relevant": false, "value": ""},
        "/household[2]/child[1]/c_absent_pct": {"value": ""},
        "/household[2]/child[1]/r_neglect": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_hunger": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_beaten": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_witness": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_work": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_street": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_alcohol": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_ill_care": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_docs": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_bully": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_online": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_selfharm": {"violation": true, "value": ""},
        "/household[2]/child[1]/r_missing": {"violation": true, "value": ""},
        "/household[2]/child[1]/risk_score": {"value": "6"},
        "/household[2]/child[1]/risk_unknown": {"value": "0"},
        "/household[2]/child[1]/risk_level": {"value": "medium"},
        "/household[2]/child[1]/h_vacc": {"value": ""},
        "/household[2]/child[1]/h_weight": {"value": ""},
        "/household[2]/child[1]/h_meals": {"value": ""},
        "/household[2]/child[1]/h_sleep": {"value": ""},
        "/household[2]/child[1]/h_clinic": {"value": ""},
        "/household[2]/child[1]/h_teeth": {"value": ""},
        "/household[2]/child[1]/h_vision": {"value": ""},
        "/household[2]/child[1]/h_hearing": {"value": ""},
        "/household[2]/child[1]/h_speech": {"value": ""},
        "/household[2]/child[1]/h_walk": {"value": ""},
        "/household[2]/child[1]/h_play": {"value": ""},
        "/household[2]/child[1]/h_clean": {"value": ""},
        "/household[2]/child[1]/wb_sleep": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_eat": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_cry": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_angry": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_alone": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_fear": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_play": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_pain": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_focus": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_hope": {"violation": true, "value": ""},
        "/household[2]/child[1]/wb_flag": {"value": ""},
        "/household[2]/child[1]/incident": {"count": 1},
        "/household[2]/child[1]/incident[1]/inc_no": {"value": "1"},
        "/household[2]/child[1]/incident[1]/inc_type": {"value": "emotional"},
        "/household[2]/child[1]/incident[1]/inc_date": {"value": "2025-11-30"},
        "/household[2]/child[1]/incident[1]/inc_days": {"value": "43"},
        "/household[2]/child[1]/incident[1]/inc_by": {"value": "caregiver"},
        "/household[2]/child[1]/incident[1]/inc_place": {"violation": true, "value": ""},
        "/household[2]/child[1]/incident[1]/inc_ongoing": {"value": "yes"},
        "/household[2]/child[1]/incident[1]/inc_injury": {"value": "no"},
        "/household[2]/child[1]/incident[1]/inc_reported": {"violation": true, "value": ""},
        "/household[2]/child[1]/incident[1]/inc_reported_to": {"relevant": false, "value": ""},
        "/household[2]/child[1]/incident[1]/inc_services": {"value": ""},
        "/household[2]/child[1]/incident[1]/inc_severe": {"value": "1"},
        "/household[2]/child[1]/c_incidents": {"value": "1"},
        "/household[2]/child[1]/c_severe": {"value": "1"},
        "/household[2]/child[1]/c_last_type": {"value": "Руҳий зўравонлик"},
        "/household[2]/child[1]/c_needs": {"violation": true, "value": "safety school health documents counselling"},
        "/household[2]/child[1]/c_needs_n": {"value": "5"},
        "/household[2]/child[1]/c_need_first": {"value": "safety"},
        "/household[2]/hh_children_listed": {"value": "1"},
        "/household[2]/hh_incidents": {"value": "1"},
        "/household[2]/hh_max_risk": {"value": "6"},
        "/household[2]/hh_at_risk": {"value": "1"},
        "/household[2]/hh_level": {"value": "medium"},
        "/bid/bid_3": {"value": ""},
        "/bid/bid_5": {"value": ""},
        "/bid/bid_6": {"value": ""},
        "/bid/bid_7": {"value": ""},
        "/bid/bid_9": {"value": ""},
        "/bid/bid_10": {"value": ""},
        "/bid/bid_11": {"value": ""},
        "/bid/bid_pct": {"value": "25"},
        "/plan/all_children": {"value": "4"},
        "/plan/all_incidents": {"value": "3"},
        "/plan/max_risk": {"value": "9"},
        "/plan/severe_total": {"value": ""},
        "/plan/hh2_child1": {"value": "Madina"},
        "/plan/case_level": {"value": "medium"},
        "/plan/act_home_visit": {"value": "yes"},
        "/plan/act_home_visit_days": {"value": "2"},
        "/plan/act_school_contact": {"violation": true, "value": ""},
        "/plan/act_school_contact_days": {"relevant": false, "value": ""},
        "/plan/act_health_referral": {"violation": true, "value": ""},
        "/plan/act_health_referral_days": {"relevant": false, "value": ""},
        "/plan/act_psychosocial": {"value": "yes"},
        "/plan/act_psychosocial_days": {"value": "7"},
        "/plan/act_legal_aid": {"violation": true, "value": ""},
        "/plan/act_legal_aid_days": {"relevant": false, "value": ""},
        "/plan/act_police": {"value": "yes"},
        "/plan/act_police_days": {"violation": true, "value": "120"},
        "/plan/act_shelter": {"violation": true, "value": ""},
        "/plan/act_shelter_days": {"relevant": false, "value": ""},
        "/plan/act_cash": {"value": "no"},
        "/plan/act_cash_days": {"relevant": false, "value": ""},
        "/plan/act_family_mediation": {"violation": true, "value": ""},
        "/plan/act_family_mediation_days": {"relevant": false, "value": ""},
        "/plan/act_parenting": {"violation": true, "value": ""},
        "/plan/act_parenting_days": {"relevant": false, "value": ""},
        "/plan/act_birth_registration": {"violation": true, "value": ""},
        "/plan/act_birth_registration_days": {"relevant": false, "value": ""},
        "/plan/act_alt_care": {"violation": true, "value": ""},
        "/plan/act_alt_care_days": {"relevant": false, "value": ""},
        "/plan/act_reintegration": {"violation": true, "value": ""},
        "/plan/act_reintegration_days": {"relevant": false, "value": ""},
        "/plan/act_monitoring": {"violation": true, "value": ""},
        "/plan/act_monitoring_days": {"relevant": false, "value": ""},
        "/plan/actions_n": {"value": "3"},
        "/plan/actions_soonest": {"value": ""},
        "/plan/sp_safe_adult": {"value": "yes"},
        "/plan/sp_adult_phone": {"violation": true},
        "/plan/sp_helpline": {"value": "no"},
        "/plan/sp_safe_place": {"violation": true, "value": ""},
        "/plan/sp_school_told": {"value": ""},
        "/plan/sp_review": {"value": "2026-01-26"},
        "/plan/sp_review_in": {"value": "14"},
        "/plan/case_status": {"value": "open"},
        "/plan/close_reason": {"relevant": false, "value": ""},
        "/plan/supervisor_ok": {"relevant": false, "value": ""},
        "/plan/supervisor_note": {"relevant": false, "value": ""}
    }"#,
    )
}
