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
    /// `rank LIST`: the list's choices put in order.
    Rank(String),
    /// A type pyxform refuses: why, for the error.
    Invalid(&'static str),
    /// `csv-external` / `xml-external`: no question, but a file the form's expressions read
    /// (`instance('NAME')`, `pulldata`): the file `NAME.csv` / `NAME.xml`.
    External,
    /// `osm` (OpenMapKit): a file the worker attaches, as `file` (no OpenMapKit here).
    Osm,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Group,
    Repeat,
    /// `begin loop over LIST`: a group per choice of LIST, as pyxform expands it.
    Loop,
}

impl Container {
    pub fn word(self) -> &'static str {
        match self {
            Container::Group => "group",
            Container::Repeat => "repeat",
            Container::Loop => "loop",
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
        ["begin", "loop", "over", _] | ["begin_loop", "over", _] => {
            return RowType::Begin(Container::Loop)
        }
        ["end", "loop"] | ["end_loop"] => return RowType::End(Container::Loop),
        ["date", "time"] => return RowType::Question("datetime"),
        _ => {}
    }
    if let Some(select) = select(&words, cell) {
        return select;
    }
    if let ["osm", ..] = words.as_slice() {
        return RowType::Osm;
    }
    let joined = words.join(" ");
    match joined.as_str() {
        "csv-external" | "xml-external" => return RowType::External,
        _ => {}
    }
    match question(&joined) {
        Some(kind) => RowType::Question(kind),
        None => RowType::Unknown,
    }
}

/// The engine type of every non-select type pyxform 4.5 knows (its question type dictionary,
/// old spellings such as `q picture` and `add audio prompt` included).
fn question(joined: &str) -> Option<&'static str> {
    Some(match joined {
        "text" | "string" | "q string" | "add text prompt" | "phone number" => "text",
        "integer"
        | "int"
        | "q int"
        | "add integer prompt"
        | "percentage"
        | "number of days in last month"
        | "number of days in last six months"
        | "number of days in last year" => "integer",
        "decimal" | "q decimal" | "add decimal prompt" => "decimal",
        "date" | "q date" | "add date prompt" => "date",
        "time" => "time",
        "datetime"
        | "q datetime"
        | "q date time"
        | "add datetime prompt"
        | "add date time prompt" => "datetime",
        "geopoint" | "gps" | "location" | "q geopoint" | "q location" | "add location prompt" => {
            "geopoint"
        }
        "geotrace" | "q geotrace" => "geotrace",
        "geoshape" | "q geoshape" => "geoshape",
        "image" | "photo" | "q image" | "q picture" | "add image prompt" | "add photo prompt" => {
            "image"
        }
        "audio" | "q audio" | "add audio prompt" => "audio",
        "video" | "q video" | "add video prompt" => "video",
        "file" | "add file prompt" => "file",
        "barcode" | "q barcode" | "add barcode prompt" => "barcode",
        "note" | "q note" | "add note prompt" => "note",
        "calculate" | "q calculate" | "add calculate prompt" => "calculate",
        "acknowledge" | "q acknowledge" | "add acknowledge prompt" | "trigger" => "acknowledge",
        "range" => "range",
        "hidden" => "hidden",
        // Metadata the device records; the engine's types have XLSForm's names.
        "start" | "start time" | "get start time" => "start",
        "end" | "end time" | "get end time" => "end",
        "today" | "get today" => "today",
        "deviceid" | "imei" | "device id" | "get device id" | "uri:deviceid" => "deviceid",
        "username" | "uri:username" => "username",
        "phonenumber" | "get phone number" | "uri:phonenumber" => "phonenumber",
        "email" | "uri:email" => "email",
        "simserial" | "sim id" | "get sim id" | "uri:simserial" => "simserial",
        "subscriberid" | "subscriber id" | "get subscriber id" | "uri:subscriberid" => {
            "subscriberid"
        }
        "audit" => "audit",
        "start-geopoint" => "start-geopoint",
        "background-audio" => "background-audio",
        "background-geopoint" => "background-geopoint",
        _ => return None,
    })
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
        ["rank", list] => {
            let list = cell.split_whitespace().nth(1).unwrap_or(list);
            return Some(RowType::Rank(list.to_string()));
        }
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
                return Some(RowType::Invalid(
                    "the choices file must end with .csv, .xml or .geojson",
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
        assert_eq!(
            row_type("begin_loop over c1"),
            RowType::Begin(Container::Loop)
        );
        assert_eq!(row_type("end loop"), RowType::End(Container::Loop));
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
        assert_eq!(row_type("audio"), RowType::Question("audio"));
        assert_eq!(row_type("Q Picture"), RowType::Question("image"));
        assert_eq!(row_type("add  audio prompt"), RowType::Question("audio"));
        assert_eq!(row_type("uri:username"), RowType::Question("username"));
        assert_eq!(row_type("get start time"), RowType::Question("start"));
        assert_eq!(row_type("rank Fruits"), RowType::Rank("Fruits".into()));
        assert_eq!(row_type("osm building_tags"), RowType::Osm);
        assert_eq!(row_type("xml-external"), RowType::External);
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
            RowType::Invalid(_)
        ));
    }
}
