//! The entity checks against pyxform's verdicts, case by case.

use super::sheet::*;
use super::*;
use crate::references::parse_references;
use crate::workbook::Row;
use xonadon_engine::Severity;

/// A sheet from rows of `|`-separated cells, the first the header (row 1); `""` is an
/// empty row (left out, as the workbook reader leaves it out, but counted).
fn sheet(name: &str, lines: &[&str]) -> Sheet {
    let cells =
        |line: &str| -> Vec<String> { line.split('|').map(|c| c.trim().to_string()).collect() };
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(1) {
        if !line.is_empty() {
            rows.push(Row::new(i as u32 + 1, cells(line)));
        }
    }
    Sheet {
        name: name.into(),
        headers: lines.first().map_or_else(Vec::new, |l| cells(l)),
        rows,
        header_row: 1,
    }
}

struct Case {
    name: &'static str,
    survey: &'static [&'static str],
    entities: &'static [&'static str],
    /// What is found: `E` or `W`, sheet, row, column, a part of the message.
    expect: &'static [(char, &'static str, u32, &'static str, &'static str)],
}

const Q1: &[&str] = &["type | name | label", "text | q1 | Q1"];
const ACCEPTED: (char, &str, u32, &str, &str) = (
    'W',
    "entities",
    2,
    "list_name",
    "Xonadon does not create or update entities yet",
);

const CASES: &[Case] = &[
    Case {
        name: "a create with a label is accepted, with the warning",
        survey: &["type | name | label | save_to", "text | q1 | Q1 | p1"],
        entities: &["list_name | label", "e1 | ${q1}"],
        expect: &[ACCEPTED],
    },
    Case {
        name: "dataset is list_name's old name",
        survey: Q1,
        entities: &["dataset | label", "e1 | E1"],
        expect: &[('W', "entities", 2, "dataset", "entity list `e1`")],
    },
    Case {
        name: "an update needs no label",
        survey: Q1,
        entities: &["list_name | entity_id", "e1 | ${q1}"],
        expect: &[ACCEPTED],
    },
    Case {
        name: "repeat is a column pyxform knows",
        survey: Q1,
        entities: &["List Name | Label | repeat", "e1 | E1 | r1"],
        expect: &[('W', "entities", 2, "List Name", "entity list `e1`")],
    },
    Case {
        name: "no entities sheet, no save_to: nothing to say",
        survey: Q1,
        entities: &[],
        expect: &[],
    },
    Case {
        name: "save_to without entities: one error, at its first value",
        survey: &[
            "type | name | label | save_to",
            "text | q1 | Q1 | p1",
            "text | q2 | Q2 | p2",
        ],
        entities: &[],
        expect: &[('E', "survey", 2, "save_to", "declares no entity")],
    },
    Case {
        name: "an entities sheet with only its header declares nothing",
        survey: &["type | name | label | save_to", "text | q1 | Q1 | p1"],
        entities: &["list_name | label"],
        expect: &[('E', "survey", 2, "save_to", "declares no entity")],
    },
    Case {
        name: "save_to on a disabled or audit row is not read",
        survey: &[
            "type | name | label | save_to | disabled",
            "text | q1 | Q1 | p1 | yes",
            "audit | | | p2 |",
        ],
        entities: &[],
        expect: &[],
    },
    Case {
        name: "unknown columns: one error naming them all",
        survey: Q1,
        entities: &["list_name | label | what | why", "e1 | E1 | ! | ?"],
        expect: &[('E', "entities", 1, "what", "`what`, `why`")],
    },
    Case {
        name: "two spellings of the list name",
        survey: Q1,
        entities: &["dataset | list_name | label", "e1 | | E1"],
        expect: &[(
            'E',
            "entities",
            1,
            "list_name",
            "two names for the same column",
        )],
    },
    Case {
        name: "entity labels are not translated",
        survey: Q1,
        entities: &["list_name | label::English (en)", "e1 | E1"],
        expect: &[('E', "entities", 1, "label::English (en)", "no translations")],
    },
    Case {
        name: "list names: missing, reserved prefix, period, not an XML name",
        survey: Q1,
        entities: &[
            "list_name | label",
            " | E0",
            "__e1 | E1",
            "e.2 | E2",
            "$e3 | E3",
            "Ñe4 | E4",
        ],
        expect: &[
            ('E', "entities", 2, "list_name", "has no name"),
            ('E', "entities", 3, "list_name", "two underscores"),
            ('E', "entities", 4, "list_name", "period"),
            ('E', "entities", 5, "list_name", "`$e3` is not a valid"),
            ('E', "entities", 6, "list_name", "`Ñe4` is not a valid"),
        ],
    },
    Case {
        name: "a namespaced list name is an XML name",
        survey: Q1,
        entities: &["list_name | label", "a:b | E1"],
        expect: &[('W', "entities", 2, "list_name", "entity list `a:b`")],
    },
    Case {
        name: "an empty row between declarations",
        survey: &["type | name | label", "text | q1 | Q1", "text | q2 | Q2"],
        entities: &["list_name | label", "e1 | ${q1}", "", "e2 | ${q2}"],
        expect: &[('E', "entities", 3, "list_name", "empty row")],
    },
    Case {
        name: "a list name declared twice",
        survey: Q1,
        entities: &["list_name | label", "e1 | E1", "e1 | E2"],
        expect: &[('E', "entities", 3, "list_name", "declared on row 2 already")],
    },
    Case {
        name: "update_if without entity_id",
        survey: Q1,
        entities: &["list_name | update_if", "e1 | ${q1} != ''"],
        expect: &[('E', "entities", 2, "update_if", "no entity_id")],
    },
    Case {
        name: "create_if and entity_id without update_if",
        survey: Q1,
        entities: &[
            "list_name | create_if | entity_id",
            "e1 | ${q1} != '' | ${q1}",
        ],
        expect: &[('E', "entities", 2, "create_if", "no update_if")],
    },
    Case {
        name: "a create without a label",
        survey: Q1,
        entities: &["list_name | create_if", "e1 | ${q1} != ''"],
        expect: &[('E', "entities", 2, "list_name", "has no label")],
    },
    Case {
        name: "a malformed reference",
        survey: Q1,
        entities: &["list_name | label", "e1 | ${q1"],
        expect: &[('E', "entities", 2, "label", "a reference is `${`")],
    },
    Case {
        name: "a reference to no question",
        survey: Q1,
        entities: &["list_name | label", "e1 | ${q9}"],
        expect: &[('E', "entities", 2, "label", "no `q9`")],
    },
    Case {
        name: "a reference to a name on two rows",
        survey: &[
            "type | name | label",
            "begin_group | g1 | G1",
            "text | q1 | Q1",
            "end_group | |",
            "begin_group | g2 | G2",
            "text | q1 | Q1",
            "end_group | |",
        ],
        entities: &["list_name | label", "e1 | ${q1}"],
        expect: &[('E', "entities", 2, "label", "more than one row")],
    },
    Case {
        name: "instanceID is a name pyxform adds; `${}` is no reference",
        survey: Q1,
        entities: &["list_name | label", "e1 | ${instanceID} ${}"],
        expect: &[ACCEPTED],
    },
    Case {
        name: "save_to on group and repeat rows",
        survey: &[
            "type | name | label | save_to",
            "begin_group | g1 | G1 | p1",
            "text | q1 | Q1 |",
            "end_group | | |",
            "begin_repeat | r1 | R1 |",
            "text | q2 | Q2 |",
            "end_repeat | | | p2",
        ],
        entities: &["list_name | label", "e1 | E1"],
        expect: &[
            ('E', "survey", 2, "save_to", "a group or a repeat"),
            ('E', "survey", 7, "save_to", "a group or a repeat"),
        ],
    },
    Case {
        name: "save_to names: #, list, property",
        survey: &[
            "type | name | label | save_to",
            "text | q1 | Q1 | e1##p1",
            "text | q2 | Q2 | e9#p2",
            "text | q3 | Q3 | e1#",
            "text | q4 | Q4 | naMe",
            "text | q5 | Q5 | __p5",
            "text | q6 | Q6 | e1#$p6",
            "text | q7 | Q7 | p7",
            "text | q8 | Q8 | e1#p7",
        ],
        entities: &["list_name | label", "e1 | E1"],
        expect: &[
            ('E', "survey", 2, "save_to", "more than one `#`"),
            (
                'E',
                "survey",
                3,
                "save_to",
                "`e9` is not on the entities sheet",
            ),
            ('E', "survey", 4, "save_to", "names no property"),
            ('E', "survey", 5, "save_to", "reserved"),
            ('E', "survey", 6, "save_to", "two underscores"),
            ('E', "survey", 7, "save_to", "`$p6` is not a valid"),
            ('E', "survey", 9, "save_to", "already saved by row 8"),
        ],
    },
    Case {
        name: "several entities: save_to names its list",
        survey: &[
            "type | name | label | save_to",
            "text | q1 | Q1 | e1#p1",
            "begin_group | g1 | G1 |",
            "text | q2 | Q2 | p2",
            "end_group | | |",
        ],
        entities: &["list_name | label", "e1 | E1", "e2 | E2"],
        expect: &[('E', "survey", 4, "save_to", "say which one")],
    },
    Case {
        name: "save_to of one entity in sibling repeats",
        survey: &[
            "type | name | label | save_to",
            "begin_repeat | r1 | R1 |",
            "text | q1 | Q1 | p1",
            "end_repeat | | |",
            "begin_repeat | r2 | R2 |",
            "text | q2 | Q2 | p2",
            "end_repeat | | |",
        ],
        entities: &["list_name | label", "e1 | E1"],
        expect: &[(
            'E',
            "survey",
            6,
            "save_to",
            "`/survey/r1`, which is not compatible",
        )],
    },
    Case {
        name: "save_to of one entity in a repeat and in a repeat inside it",
        survey: &[
            "type | name | label | save_to",
            "begin_repeat | r1 | R1 |",
            "text | q1 | Q1 | p1",
            "begin_repeat | r2 | R2 |",
            "text | q2 | Q2 | p2",
            "end_repeat | | |",
            "end_repeat | | |",
        ],
        entities: &["list_name | label", "e1 | E1"],
        expect: &[('E', "survey", 3, "save_to", "`/survey/r1/r2`")],
    },
    Case {
        name: "references of one entity in sibling repeats",
        survey: &[
            "type | name | label",
            "begin_repeat | r1 | R1",
            "text | q1 | Q1",
            "end_repeat | |",
            "begin_repeat | r2 | R2",
            "text | q2 | Q2",
            "end_repeat | |",
        ],
        entities: &["list_name | label", "e1 | concat(${q1}, ${q2})"],
        expect: &[(
            'E',
            "entities",
            2,
            "label",
            "reference to `${q2}` in `/survey/r2`",
        )],
    },
    Case {
        name: "two entities and only the survey to hold them",
        survey: Q1,
        entities: &["list_name | label", "e1 | E1", "e2 | ${q1}"],
        expect: &[(
            'E',
            "entities",
            3,
            "list_name",
            "taken by the entity list on row 2",
        )],
    },
    Case {
        name: "two entities, each in a repeat of its own",
        survey: &[
            "type | name | label | save_to",
            "begin_repeat | r1 | R1 |",
            "text | q1 | Q1 | e1#p1",
            "end_repeat | | |",
            "begin_repeat | r2 | R2 |",
            "text | q2 | Q2 | e2#p1",
            "end_repeat | | |",
        ],
        entities: &["list_name | label", "e1 | E1", "e2 | E2"],
        expect: &[('W', "entities", 2, "list_name", "entity lists `e1`, `e2`")],
    },
    Case {
        name: "four entities in nested groups of one repeat (pyxform's many competing)",
        survey: &[
            "type | name | label | save_to",
            "begin_repeat | r1 | R1 |",
            "begin_group | g1 | G1 |",
            "text | q1 | Q1 |",
            "begin_repeat | r2 | R2 |",
            "begin_group | g2 | G2 |",
            "text | q2 | Q2 | e1#e1p1",
            "begin_group | g3 | G3 |",
            "begin_group | g4 | G4 |",
            "text | q3 | Q3 |",
            "text | q4 | Q4 | e2#e2p1",
            "end_group | | |",
            "end_group | | |",
            "end_group | | |",
            "end_repeat | | |",
            "end_group | | |",
            "end_repeat | | |",
        ],
        entities: &[
            "list_name | label | create_if",
            "e1 | concat(${q1}, ${q2}, ${q3}) | ${q1} = ''",
            "e2 | concat(${q1}, ${q2}, ${q3}) |",
            "e3 | concat(${q1}, ${q2}, ${q3}) |",
            "e4 | concat(${q1}, ${q2}, ${q3}) |",
        ],
        expect: &[('W', "entities", 2, "list_name", "`e1`, `e2`, `e3`, `e4`")],
    },
    Case {
        name: "two entities whose save_to share the groups of one repeat",
        survey: &[
            "type | name | label | save_to",
            "begin_repeat | r1 | R1 |",
            "text | q1 | Q1 | e1#e1p1",
            "begin_group | g1 | G1 |",
            "begin_group | g2 | G2 |",
            "text | q2 | Q2 | e1#e1p2",
            "end_group | | |",
            "begin_group | g3 | G3 |",
            "text | q3 | Q3 | e2#e2p1",
            "end_group | | |",
            "begin_group | g4 | G4 |",
            "text | q4 | Q4 | e2#e2p2",
            "end_group | | |",
            "end_group | | |",
            "end_repeat | | |",
        ],
        entities: &["list_name | label", "e1 | E1", "e2 | E2"],
        expect: &[('E', "entities", 3, "list_name", "in `/survey/r1` the one")],
    },
];

fn found(case: &Case, settings: Option<&Sheet>) -> Vec<Problem> {
    let survey = sheet("survey", case.survey);
    let entities = sheet("entities", case.entities);
    let table = Table::new(&survey);
    let mut problems = Vec::new();
    check(
        (!case.entities.is_empty()).then_some(&entities),
        settings,
        &table,
        &mut problems,
    );
    problems
}

#[test]
fn cases() {
    for case in CASES {
        let problems = found(case, None);
        let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems.len(),
            case.expect.len(),
            "{}: {shown:#?}",
            case.name
        );
        for (p, (severity, sheet, row, column, part)) in problems.iter().zip(case.expect) {
            let severity = match severity {
                'E' => Severity::Error,
                _ => Severity::Warning,
            };
            assert_eq!(
                (p.severity, p.sheet.as_str(), p.row, p.column.as_deref()),
                (severity, *sheet, Some(*row), Some(*column)),
                "{}: {shown:#?}",
                case.name
            );
            assert!(
                p.message.contains(part),
                "{}: `{part}` not in {shown:#?}",
                case.name
            );
        }
    }
}

#[test]
fn omitting_the_instance_id_takes_its_name_away() {
    let case = Case {
        name: "omit_instanceID",
        survey: Q1,
        entities: &["list_name | label", "e1 | ${instanceID}"],
        expect: &[],
    };
    let settings = sheet("settings", &["omit_instanceID", "yes"]);
    let problems = found(&case, Some(&settings));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(problems[0].message.contains("no `instanceID`"));
    assert_eq!(found(&case, None)[0].severity, Severity::Warning);
}

#[test]
fn references_and_names() {
    assert_eq!(
        parse_references("${a} ${last-saved#b} ${}"),
        Ok(vec!["a", "b"])
    );
    assert_eq!(parse_references("${a"), Err(()));
    assert_eq!(parse_references("${a b}"), Err(()));
    assert_eq!(parse_references("$a"), Ok(vec![]));
    assert!(is_xml_tag("a:b") && is_xml_tag("_x-1.2") && is_xml_tag("Øx"));
    assert!(!is_xml_tag("1a") && !is_xml_tag("a:b:c") && !is_xml_tag("Àx"));
}
