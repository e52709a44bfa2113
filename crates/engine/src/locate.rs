//! Where a JSON path (`$.survey[2].children[0].relevant`, as diagnostics give them) is in the
//! form's text: line and column for people, UTF-16 offset for a browser's text area. For the
//! designer, whose diagnostics jump to what they are about.
//!
//! One pass over the text with a small scanner that builds each value's path the way the
//! diagnostics write them, so keys with dots or dashes (`uz-Latn`, list names) need no
//! escaping rules. A path that is not in the text (a missing key) is placed on the nearest
//! enclosing value that is.

/// A place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Offset in UTF-16 code units (what `selectionStart` counts).
    pub utf16: usize,
}

/// The position of each of `paths` in `json` (valid or not: a syntax error ends the scan, and
/// what was seen before it still counts). `None` when not even `$` was seen.
pub fn locate(json: &str, paths: &[&str]) -> Vec<Option<Position>> {
    let mut scanner = Scanner {
        text: json.as_bytes(),
        at: 0,
        targets: paths,
        found: vec![None; paths.len()],
        best: vec![0; paths.len()],
    };
    scanner.skip_ws();
    scanner.value("$");
    let offsets: Vec<Option<usize>> = scanner.found;
    offsets
        .into_iter()
        .map(|o| o.map(|o| position(json, o)))
        .collect()
}

fn position(text: &str, byte: usize) -> Position {
    let before = &text[..byte.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        utf16: before.encode_utf16().count(),
    }
}

struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
    targets: &'a [&'a str],
    /// Byte offset per target: the exact value, or the longest enclosing one seen so far.
    found: Vec<Option<usize>>,
    /// Length of the path that set `found` (the exact path is the longest).
    best: Vec<usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// Records that the value at `self.at` has `path`.
    fn seen(&mut self, path: &str) {
        for (i, target) in self.targets.iter().enumerate() {
            let encloses = target.len() > path.len()
                && target.starts_with(path)
                && matches!(target.as_bytes()[path.len()], b'.' | b'[');
            if (*target == path || encloses) && path.len() >= self.best[i] {
                self.best[i] = path.len();
                self.found[i] = Some(self.at);
            }
        }
    }

    /// Scans one value; `false` at a syntax error (the scan stops).
    fn value(&mut self, path: &str) -> bool {
        self.seen(path);
        match self.peek() {
            Some(b'{') => self.object(path),
            Some(b'[') => self.array(path),
            Some(b'"') => self.string().is_some(),
            Some(_) => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                true
            }
            None => false,
        }
    }

    fn object(&mut self, path: &str) -> bool {
        self.at += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'}') => {
                    self.at += 1;
                    return true;
                }
                Some(b'"') => {}
                _ => return false,
            }
            let Some(key) = self.string() else {
                return false;
            };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return false;
            }
            self.at += 1;
            self.skip_ws();
            if !self.value(&format!("{path}.{key}")) {
                return false;
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {}
                _ => return false,
            }
        }
    }

    fn array(&mut self, path: &str) -> bool {
        self.at += 1;
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                self.at += 1;
                return true;
            }
            if !self.value(&format!("{path}[{index}]")) {
                return false;
            }
            index += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {}
                _ => return false,
            }
        }
    }

    /// A string's content (escapes decoded enough for keys), `self.at` after its closing quote.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let escaped = self.peek()?;
                    self.at += 1;
                    match escaped {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'u' => self.at += 4,
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = r#"{
  "settings": {"form_id": "f", "title": {"uz-Latn": "Oila"}},
  "survey": [
    {"type": "text", "name": "a"},
    {"type": "group", "name": "g", "children": [
      {"type": "integer", "name": "b", "relevant": "${a} = 'ў'"}
    ]}
  ],
  "choices": {"hh.list": [{"name": "x"}]}
}"#;

    fn at(path: &str) -> (usize, usize) {
        let p = locate(FORM, &[path])[0].expect("found");
        (p.line, p.column)
    }

    #[test]
    fn paths_as_diagnostics_write_them() {
        assert_eq!(at("$"), (1, 1));
        assert_eq!(at("$.settings.title.uz-Latn"), (2, 53));
        assert_eq!(at("$.survey[1].children[0].relevant"), (6, 52));
        assert_eq!(at("$.choices.hh.list[0].name"), (9, 36));
        // A missing key: its object.
        assert_eq!(at("$.survey[0].label"), (4, 5));
    }

    #[test]
    fn utf16_offsets_count_like_a_browser() {
        let text = "{\"a\": \"ўў\", \"b\": 1}";
        let p = locate(text, &["$.b"])[0].unwrap();
        assert_eq!(
            p.utf16,
            text[..text.find("1}").unwrap()].encode_utf16().count()
        );
        assert_eq!(p.column, 18);
    }

    #[test]
    fn a_broken_text_still_places_what_came_before() {
        let text = "{\"survey\": [{\"name\": \"a\"}, {\"type\": ";
        let found = locate(text, &["$.survey[0].name", "$.survey[1].name"]);
        assert_eq!(found[0].map(|p| p.column), Some(22));
        assert_eq!(found[1].map(|p| p.column), Some(28), "its enclosing object");
    }
}
