//! When is a `default` an expression rather than the answer itself? XLSForm has one column for
//! both, so this follows pyxform's rule (`default_is_dynamic`), token for token: a default is
//! computed when it holds an arithmetic operator (`+ - *`, ` mod `, ` div `), a union `|`, a
//! `${reference}` or a function call `name(` — except that a `-` makes a date, date-time or
//! location default a literal (`2022-03-14`, `-2022-03-14`). So `(https://mysite.com)`,
//! `f-4` and `bar123` are texts, and `7 - 4` or `random()` are computed.
//!
//! The tokens are pyxform's lexer's (`parsing/expression.py`), tried in its priority order at
//! each position: the first that matches is taken.

/// Whether `default` of a question of XLSForm type `kind` is computed.
pub fn is_dynamic(default: &str, kind: &str) -> bool {
    let hyphen_is_literal = matches!(
        kind.trim(),
        "date" | "datetime" | "dateTime" | "geopoint" | "geotrace" | "geoshape"
    );
    let s: Vec<char> = default.chars().collect();
    let mut i = 0;
    while i < s.len() {
        let (token, len) = token(&s[i..]);
        match token {
            Token::Math('-') if hyphen_is_literal => return false,
            Token::Math(_) | Token::Dynamic => return true,
            Token::Other => {}
        }
        i += len.max(1);
    }
    false
}

enum Token {
    /// An arithmetic operator (its first character: `+`, `-`, `*`, `m`, `d`).
    Math(char),
    /// A union, a reference or a function call.
    Dynamic,
    /// Anything else.
    Other,
}

/// The token at the start of `s` and its length in characters.
fn token(s: &[char]) -> (Token, usize) {
    let other = |n: usize| (Token::Other, n);
    if let Some(n) = datetime(s).or_else(|| date(s)).or_else(|| time(s)) {
        return other(n);
    }
    if let Some(n) = number(s) {
        return other(n);
    }
    match s[0] {
        '*' | '+' | '-' => return (Token::Math(s[0]), 1),
        _ => {}
    }
    for word in [" mod ", " div "] {
        if starts_with(s, word) {
            return (Token::Math(word.chars().nth(1).unwrap_or(' ')), word.len());
        }
    }
    for op in ["!=", "<=", ">=", "=", "<", ">", " and ", " or "] {
        if starts_with(s, op) {
            return other(op.chars().count());
        }
    }
    match s[0] {
        '|' => return (Token::Dynamic, 1),
        '(' | ')' | '[' | '{' | '}' | ',' | ']' => return other(1),
        '.' if s.get(1) == Some(&'.') => return other(2),
        '.' | '/' => return other(1),
        '"' | '\'' => {
            if let Some(end) = s[1..].iter().position(|&c| c == s[0]) {
                return other(end + 2);
            }
        }
        _ => {}
    }
    let spaces = s.iter().take_while(|c| c.is_whitespace()).count();
    if spaces > 0 {
        return other(spaces);
    }
    if starts_with(s, "${") {
        let inner = &s[2..];
        let inner = if starts_with(inner, "last-saved#") {
            &inner[11..]
        } else {
            inner
        };
        let n = ncname(inner);
        if n > 0 && inner.get(n) == Some(&'}') {
            return (Token::Dynamic, 1);
        }
    }
    let n = ncname_ns(s);
    if n > 0 {
        if matches!(s.get(n), Some('(')) {
            return (Token::Dynamic, n + 1);
        }
        return other(n);
    }
    other(1)
}

fn starts_with(s: &[char], word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    s.len() >= w.len() && s[..w.len()] == w[..]
}

fn digits(s: &[char], n: usize) -> bool {
    s.len() >= n && s[..n].iter().all(char::is_ascii_digit)
}

/// `-?\d{4}-\d{2}-\d{2}`
fn date(s: &[char]) -> Option<usize> {
    let sign = usize::from(s.first() == Some(&'-'));
    let t = &s[sign..];
    (digits(t, 4)
        && t.get(4) == Some(&'-')
        && digits(&t[5..], 2)
        && t.get(7) == Some(&'-')
        && digits(&t[8..], 2))
    .then_some(sign + 10)
}

/// `\d{2}:\d{2}:\d{2}` with an optional zone (`Z`, `+05:00`).
fn time(s: &[char]) -> Option<usize> {
    if !(digits(s, 2)
        && s.get(2) == Some(&':')
        && digits(&s[3..], 2)
        && s.get(5) == Some(&':')
        && digits(&s[6..], 2))
    {
        return None;
    }
    let rest = &s[8..];
    let zone = match rest.first() {
        Some('Z') => 1,
        Some('+' | '-')
            if digits(&rest[1..], 2) && rest.get(3) == Some(&':') && digits(&rest[4..], 2) =>
        {
            6
        }
        _ => 0,
    };
    Some(8 + zone)
}

fn datetime(s: &[char]) -> Option<usize> {
    let d = date(s)?;
    (s.get(d) == Some(&'T')).then_some(())?;
    Some(d + 1 + time(&s[d + 1..])?)
}

/// `-?\d+\.\d*|-?\.\d+|-?\d+`
fn number(s: &[char]) -> Option<usize> {
    let sign = usize::from(s.first() == Some(&'-'));
    let t = &s[sign..];
    let whole = t.iter().take_while(|c| c.is_ascii_digit()).count();
    if whole > 0 {
        let fraction = if t.get(whole) == Some(&'.') {
            1 + t[whole + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        } else {
            0
        };
        return Some(sign + whole + fraction);
    }
    if t.first() == Some(&'.') {
        let n = t[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n > 0 {
            return Some(sign + 1 + n);
        }
    }
    None
}

/// An XML name: a letter or `_`, then letters, digits, `-`, `.`, `_`.
fn ncname(s: &[char]) -> usize {
    match s.first() {
        Some(c) if c.is_alphabetic() || *c == '_' => {
            1 + s[1..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '·'))
                .count()
        }
        _ => 0,
    }
}

/// An XML name with an optional prefix (`jr:choice-name`).
fn ncname_ns(s: &[char]) -> usize {
    let n = ncname(s);
    if n > 0 && s.get(n) == Some(&':') {
        let m = ncname(&s[n + 1..]);
        if m > 0 {
            return n + 1 + m;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::is_dynamic;

    /// pyxform's own cases (`test_dynamic_default.py`): (type, default, computed?).
    #[test]
    fn as_pyxform_decides() {
        let cases = [
            ("integer", "foo", false),
            ("integer", "123", false),
            ("text", "bar123", false),
            ("text", "https://my-site.com", false),
            ("text", "(https://mysite.com)", false),
            ("text", "go to https://mysite.com", false),
            ("text", "Repeat after me: '~!@#$%^&()_", false),
            ("text", "not_func$", false),
            ("text", "f-g", false),
            ("text", "f-4", false),
            ("text", "./f-4", false),
            ("date", "2022-03-14", false),
            ("date", "-2022-03-14", false),
            ("time", "01:02:55+10:00", false),
            ("time", "01:02:55-07:00", false),
            ("datetime", "2022-03-14T01:02:55-07:00", false),
            ("geopoint", "32.7377112 -117.1288399 14 5.01", false),
            ("integer", "random()", true),
            ("text", "ends-with('mystr', \"str\")", true),
            ("text", "jr:itext('/test/ref_text:label')", true),
            ("text", "if(../t2 = 'test', 1, 2) + 15 - int(1.2)", true),
            ("integer", "7 - 4", true),
            ("text", "3 mod 3", true),
            ("text", "5 div 5", true),
            ("text", "./f - 4", true),
            ("date", "concat('2022-03', '-14')", true),
            ("text", "${ref_text}", true),
            (
                "integer",
                "if(${last-saved#ref_int} = '', 0, ${last-saved#ref_int} + 1)",
                true,
            ),
            ("text", "a | b", true),
            ("text", "Yes", false),
        ];
        for (kind, default, want) in cases {
            assert_eq!(is_dynamic(default, kind), want, "{kind} {default}");
        }
    }
}
