//! The `parameters` of a question as pyxform 4.x reads them: `key=value` pairs separated by
//! whitespace, commas or semicolons (`start=1 end=10`, `start=1,end=10`, `start = 1; end = 10`),
//! keys matched without regard to case. The importer and the lint read them the same way.

/// The pairs of `text` in order, keys lower-cased, values as written. A key given twice keeps
/// its first place and takes its last value (as pyxform's dict does). `None` when the text is
/// not such pairs (`start`, `a=b=c`, `=2`); an empty text has none.
pub fn parse(text: &str) -> Option<Vec<(String, String)>> {
    let delimiter = |c: char| c.is_whitespace() || c == ',' || c == ';';
    // Tokens: `=`, or a run of characters that are neither `=` nor a delimiter.
    let mut tokens: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !delimiter(c)) {
        rest = &rest[start..];
        let end = if rest.starts_with('=') {
            1
        } else {
            rest.find(|c: char| c == '=' || delimiter(c))
                .unwrap_or(rest.len())
        };
        tokens.push(&rest[..end]);
        rest = &rest[end..];
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    for triple in tokens.chunks(3) {
        let [key, "=", value] = triple else {
            return None;
        };
        if *key == "=" || *value == "=" {
            return None;
        }
        let key = key.to_lowercase();
        match pairs.iter_mut().find(|(k, _)| *k == key) {
            Some(pair) => pair.1 = value.to_string(),
            None => pairs.push((key, value.to_string())),
        }
    }
    Some(pairs)
}

/// The pairs as the app reads them: `key=value`, separated by single spaces.
pub fn canonical(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        parse(text).map(|p| canonical(&p))
    }

    #[test]
    fn pairs_are_read_as_pyxform_reads_them() {
        for (text, pairs) in [
            ("start=2 end=9", "start=2 end=9"),
            ("start=2,end=9", "start=2 end=9"),
            ("start=2;end=9", "start=2 end=9"),
            ("start=2,", "start=2"),
            ("start=2;", "start=2"),
            (",", ""),
            (";", ""),
            ("", ""),
            ("  start = 2 ;; end =9  ", "start=2 end=9"),
            ("START=2 Step=1", "start=2 step=1"),
            ("start=1 start=3 end=5", "start=3 end=5"),
            ("seed=${q1} randomize=true", "seed=${q1} randomize=true"),
            ("value=Name label=Label", "value=Name label=Label"),
        ] {
            assert_eq!(read(text).as_deref(), Some(pairs), "{text}");
        }
    }

    #[test]
    fn what_is_not_pairs_is_refused() {
        for text in [
            "start",
            "start=",
            "=2",
            "a=b=c",
            "start=2 end",
            "start==2",
            "start 2",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
