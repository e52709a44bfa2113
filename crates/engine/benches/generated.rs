//! A generated household survey for benchmarks: `sections` groups of questions (each group
//! relevant on an answer in the previous one, with calculations and constraints) plus a roster
//! repeat `members` of about 20 questions with relevance on age and sex, and summary
//! aggregates over the roster.

use serde_json::{json, Value};

pub fn household_form(questions: usize) -> String {
    const PER_SECTION: usize = 50;
    let roster_questions = 20;
    let sections = (questions - roster_questions).div_ceil(PER_SECTION);
    let mut survey = Vec::new();
    let mut made = 0;
    for s in 0..sections {
        let mut children = Vec::new();
        for q in 0..PER_SECTION {
            if made >= questions - roster_questions {
                break;
            }
            made += 1;
            let name = format!("s{s}_q{q}");
            let mut el = match q % 5 {
                0 => {
                    json!({"type": "select_one yes_no", "name": name, "label": format!("Question {s}.{q}")})
                }
                1 => json!({"type": "integer", "name": name, "label": format!("Question {s}.{q}"),
                            "constraint": ". >= 0 and . < 1000", "constraint_message": "0–999"}),
                2 => json!({"type": "text", "name": name, "label": format!("Question {s}.{q}"),
                            "relevant": format!("${{s{s}_q0}} = 'yes'")}),
                3 => json!({"type": "calculate", "name": name,
                            "calculation": format!("coalesce(${{s{s}_q1}}, 0) * 2")}),
                _ => json!({"type": "decimal", "name": name, "label": format!("Question {s}.{q}"),
                            "required": true, "relevant": format!("${{s{s}_q{}}} > 10", q - 3)}),
            };
            if q == 0 && s > 0 {
                el["relevant"] = json!(format!("${{s{}_q0}} != 'no'", s - 1));
            }
            children.push(el);
        }
        survey.push(
            json!({"type": "group", "name": format!("s{s}"), "label": format!("Section {s}"),
                           "children": children}),
        );
    }
    survey.push(
        json!({"type": "repeat", "name": "members", "label": "Member", "children": roster()}),
    );
    survey.push(json!({"type": "group", "name": "summary", "label": "Summary", "children": [
        {"type": "calculate", "name": "hh_size", "calculation": "count(${members})"},
        {"type": "calculate", "name": "children", "calculation": "sum(${is_child})"},
        {"type": "note", "name": "summary_note", "label": "${hh_size} members, ${children} children"}
    ]}));
    json!({
        "settings": {"form_id": "generated", "version": "1", "title": "Generated household survey"},
        "survey": survey,
        "choices": {
            "yes_no": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}],
            "sex": [{"name": "f", "label": "Female"}, {"name": "m", "label": "Male"}]
        }
    })
    .to_string()
}

fn roster() -> Vec<Value> {
    vec![
        json!({"type": "text", "name": "m_name", "label": "Name", "required": true}),
        json!({"type": "select_one sex", "name": "m_sex", "label": "${m_name}: sex"}),
        json!({"type": "integer", "name": "m_age", "label": "${m_name}: age", "constraint": ". >= 0 and . < 120"}),
        json!({"type": "calculate", "name": "is_child", "calculation": "if(${m_age} < 18, 1, 0)"}),
        json!({"type": "calculate", "name": "m_index", "calculation": "position(..)"}),
        json!({"type": "select_one yes_no", "name": "m_school", "label": "In school?", "relevant": "${m_age} >= 6 and ${m_age} <= 18"}),
        json!({"type": "text", "name": "m_school_name", "label": "School", "relevant": "${m_school} = 'yes'"}),
        json!({"type": "select_one yes_no", "name": "m_work", "label": "Works?", "relevant": "${m_age} >= 15"}),
        json!({"type": "decimal", "name": "m_income", "label": "Income", "relevant": "${m_work} = 'yes'", "constraint": ". >= 0"}),
        json!({"type": "select_one yes_no", "name": "m_pregnant", "label": "Pregnant?", "relevant": "${m_sex} = 'f' and ${m_age} >= 15 and ${m_age} <= 49"}),
        json!({"type": "select_one yes_no", "name": "m_disabled", "label": "Disability?"}),
        json!({"type": "text", "name": "m_disability", "label": "Which?", "relevant": "${m_disabled} = 'yes'"}),
        json!({"type": "select_one yes_no", "name": "m_pension", "label": "Pension?", "relevant": "${m_age} >= 60"}),
        json!({"type": "date", "name": "m_birth", "label": "Birth date"}),
        json!({"type": "select_one yes_no", "name": "m_insured", "label": "Insured?"}),
        json!({"type": "select_one yes_no", "name": "m_vaccinated", "label": "Vaccinated?", "relevant": "${m_age} < 5"}),
        json!({"type": "text", "name": "m_phone", "label": "Phone", "relevant": "${m_age} >= 14"}),
        json!({"type": "select_one yes_no", "name": "m_migrant", "label": "Migrant worker?", "relevant": "${m_age} >= 16 and ${m_sex} = 'm'"}),
        json!({"type": "integer", "name": "m_months_away", "label": "Months away", "relevant": "${m_migrant} = 'yes'"}),
        json!({"type": "text", "name": "m_notes", "label": "Notes"}),
    ]
}
