//! The `type` column: XLSForm's spellings and aliases, mapped onto the engine's types.

/// What a survey row's type says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowType {
    Begin(Container),
    End(Container),
    /// An engine type (`text`, `integer`, …).
    Question(&'static str),
    Select {
        multiple: bool,
        list: String,
        /// `or_other`: an "Other" choice and a text question for it, as pyxform adds them.
        or_other: bool,
    },
    /// `select_one_from_file FILE.csv`: the choices are the rows of a CSV file supplied beside
    /// the form (`name`, `label` columns; the others are properties `choice_filter` reads).
    SelectFromFile {
        multiple: bool,
        file: String,
    },
    /// An XLSForm type Xonadon does not have (yet): why, for the warning.
    Unsupported(&'static str),
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Group,
    Repeat,
}

impl Container {
    pub fn word(self) -> &'static str {
        match self {
            Container::Group => "group",
            Container::Repeat => "repeat",
        }
    }
}

/// Reads a type cell: case and repeated spaces do not matter, `begin group` = `begin_group`.
pub fn row_type(cell: &str) -> RowType {
    let words: Vec<String> = cell.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["begin", "group"] | ["begin_group"] => return RowType::Begin(Container::Group),
        ["end", "group"] | ["end_group"] => return RowType::End(Container::Group),
        ["begin", "repeat"] | ["begin_repeat"] => return RowType::Begin(Container::Repeat),
        ["end", "repeat"] | ["end_repeat"] => return RowType::End(Container::Repeat),
        ["date", "time"] => return RowType::Question("datetime"),
        _ => {}
    }
    if let Some(select) = select(&words, cell) {
        return select;
    }
    let [word] = words.as_slice() else {
        return RowType::Unknown;
    };
    match *word {
        "text" | "string" => RowType::Question("text"),
        "integer" | "int" => RowType::Question("integer"),
        "decimal" => RowType::Question("decimal"),
        "date" => RowType::Question("date"),
        "time" => RowType::Question("time"),
        "datetime" => RowType::Question("datetime"),
        "geopoint" | "gps" | "location" => RowType::Question("geopoint"),
        "image" | "photo" => RowType::Question("image"),
        "note" => RowType::Question("note"),
        "calculate" => RowType::Question("calculate"),
        "acknowledge" | "trigger" => RowType::Question("acknowledge"),
        "range" => RowType::Question("range"),
        "hidden" => RowType::Question("hidden"),
        // Metadata the device records; the engine's types have XLSForm's names.
        "start" => RowType::Question("start"),
        "end" => RowType::Question("end"),
        "today" => RowType::Question("today"),
        "deviceid" | "imei" => RowType::Question("deviceid"),
        "username" => RowType::Question("username"),
        "phonenumber" => RowType::Question("phonenumber"),
        "email" => RowType::Question("email"),
        "simserial" => RowType::Question("simserial"),
        "subscriberid" => RowType::Question("subscriberid"),
        "audit" => RowType::Question("audit"),
        "start-geopoint" | "background-audio" => {
            RowType::Unsupported("metadata Xonadon does not collect (a location or a recording)")
        }
        "geotrace" | "geoshape" | "audio" | "video" | "file" | "barcode" | "rank" | "signature"
        | "xml-external" | "csv-external" => {
            RowType::Unsupported("a question type Xonadon does not have yet")
        }
        _ => RowType::Unknown,
    }
}

fn select(words: &[&str], cell: &str) -> Option<RowType> {
    let (multiple, rest) = match words {
        ["select_one" | "select1", rest @ ..] | ["select", "one", rest @ ..] => (false, rest),
        ["select_multiple", rest @ ..]
        | ["select", "multiple", rest @ ..]
        | ["select", "all", "that", "apply", rest @ ..] => (true, rest),
        // The list is on the `external_choices` sheet (ODK reads it from itemsets.csv).
        ["select_one_external", _] => {
            let list = cell.split_whitespace().nth(1).unwrap_or_default();
            return Some(RowType::Select {
                multiple: false,
                list: list.to_string(),
                or_other: false,
            });
        }
        ["select_one_external", ..] => return Some(RowType::Unknown),
        [kind @ ("select_one_from_file" | "select_multiple_from_file"), _] => {
            let file = cell
                .split_whitespace()
                .nth(1)
                .unwrap_or_default()
                .to_string();
            let lower = file.to_ascii_lowercase();
            if ![".csv", ".xml", ".geojson"]
                .iter()
                .any(|e| lower.ends_with(e))
            {
                return Some(RowType::Unsupported(
                    "a choices file is a .csv, .xml or .geojson file",
                ));
            }
            return Some(RowType::SelectFromFile {
                multiple: *kind == "select_multiple_from_file",
                file,
            });
        }
        _ => return None,
    };
    // The list name keeps its case: take it from the cell, not the lower-cased words.
    let original: Vec<&str> = cell.split_whitespace().collect();
    let list = original
        .get(original.len() - rest.len())
        .map(|s| s.to_string());
    match (rest, list) {
        ([_], Some(list)) => Some(RowType::Select {
            multiple,
            list,
            or_other: false,
        }),
        // pyxform's three spellings.
        ([_, "or_other"] | [_, "or", "other"] | [_, "or", "specify", "other"], Some(list)) => {
            Some(RowType::Select {
                multiple,
                list,
                or_other: true,
            })
        }
        _ => Some(RowType::Unknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        assert_eq!(row_type("begin group"), RowType::Begin(Container::Group));
        assert_eq!(row_type("Begin_Repeat"), RowType::Begin(Container::Repeat));
        assert_eq!(row_type("end  repeat"), RowType::End(Container::Repeat));
        assert_eq!(row_type("dateTime"), RowType::Question("datetime"));
        assert_eq!(
            row_type("select_one Regions"),
            RowType::Select {
                multiple: false,
                list: "Regions".into(),
                or_other: false
            }
        );
        assert_eq!(
            row_type("select all that apply needs or_other"),
            RowType::Select {
                multiple: true,
                list: "needs".into(),
                or_other: true
            }
        );
        assert_eq!(
            row_type("select_one water or specify other"),
            RowType::Select {
                multiple: false,
                list: "water".into(),
                or_other: true
            }
        );
        assert_eq!(
            row_type("select_multiple needs or other"),
            row_type("select_multiple needs or_other")
        );
        assert_eq!(row_type("date time"), RowType::Question("datetime"));
        assert_eq!(row_type("select_one"), RowType::Unknown);
        assert_eq!(row_type("texte"), RowType::Unknown);
        assert!(matches!(row_type("audio"), RowType::Unsupported(_)));
        assert_eq!(
            row_type("select_one_from_file Districts.csv"),
            RowType::SelectFromFile {
                multiple: false,
                file: "Districts.csv".into()
            }
        );
        assert_eq!(
            row_type("select_one_from_file places.geojson"),
            RowType::SelectFromFile {
                multiple: false,
                file: "places.geojson".into()
            }
        );
        assert!(matches!(
            row_type("select_one_from_file places.txt"),
            RowType::Unsupported(_)
        ));
    }
}
