//! The text of the editor cut into parts of whole lines, and the caret's moves between them:
//! pure string work, so it is tested apart from the page.
//!
//! Why parts: a text area lays out all of its text at once, at every change, and Chromium
//! takes ≈ 0.3 µs a character — a quarter of a second for the 850,000 characters of a form of
//! 500 questions and 5,000 choices in five languages, with the page frozen. Cut into parts of
//! ≈ [`PART_BYTES`], each in its own text area that the browser lays out only while it is in
//! view (`content-visibility: auto`), the same text takes ≈ 50 ms.

/// The size a part grows to before the next line starts a new one, in bytes of UTF-8.
pub const PART_BYTES: usize = 100_000;
/// A text up to this size stays in one part (the household form, 256 KB, is one): select-all,
/// undo and find work on the whole of it, as in any text area.
pub const ONE_PART_BYTES: usize = 3 * PART_BYTES;

/// `text` cut at line ends into parts of at least [`PART_BYTES`] (the last may be shorter);
/// the line ends cut at are not in the parts, so `parts.join("\n") == text`.
pub fn split(text: &str) -> Vec<&str> {
    if text.len() <= ONE_PART_BYTES {
        return vec![text];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    while text.len() - start > PART_BYTES {
        // Bytes, not `str`: `start + PART_BYTES` may fall inside a character.
        let from = start + PART_BYTES;
        let Some(end) = text.as_bytes()[from..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let end = from + end;
        parts.push(&text[start..end]);
        start = end + 1;
    }
    parts.push(&text[start..]);
    parts
}

/// The number of lines of `text` (an empty text is one empty line).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The longest line of `text`, in characters.
pub fn longest_line(text: &str) -> usize {
    text.split('\n')
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// The length of `text` in UTF-16 code units (what a text area's selection counts).
pub fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The byte index of UTF-16 offset `at` in `text` (its end when past it).
fn byte_at(text: &str, at: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= at {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Where a caret at UTF-16 offset `at` of `text` is: its column (in UTF-16 units), and whether
/// it is on the first line and on the last.
pub fn caret_line(text: &str, at: usize) -> (usize, bool, bool) {
    let i = byte_at(text, at);
    let (before, after) = text.split_at(i);
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    (
        utf16_len(&before[line_start..]),
        line_start == 0,
        !after.contains('\n'),
    )
}

/// The UTF-16 offset in `text` of `column` on its first line (its end when the line is
/// shorter): where ArrowDown from the part above lands.
pub fn on_first_line(text: &str, column: usize) -> usize {
    let line = text.split('\n').next().unwrap_or("");
    column.min(utf16_len(line))
}

/// The UTF-16 offset in `text` of `column` on its last line: where ArrowUp from the part below
/// lands.
pub fn on_last_line(text: &str, column: usize) -> usize {
    let start = text.rfind('\n').map_or(0, |n| n + 1);
    utf16_len(&text[..start]) + column.min(utf16_len(&text[start..]))
}

/// The line (from 0) of UTF-16 offset `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    line_count(&text[..byte_at(text, at)]) - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn parts_are_whole_lines_and_join_to_the_text() {
        let small = "{\n  \"a\": 1\n}";
        assert_eq!(split(small), [small]);
        let line = format!("  {{\"name\": \"ў\", \"label\": \"{}\"}},", "x".repeat(90));
        let big: String = (0..10_000)
            .map(|_| line.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let parts = split(&big);
        assert!(parts.len() > 1 && parts.len() <= big.len() / PART_BYTES + 1);
        assert_eq!(parts.join("\n"), big);
        assert!(parts
            .iter()
            .all(|p| p.starts_with("  {") && p.ends_with("},")));
        assert!(parts[..parts.len() - 1]
            .iter()
            .all(|p| p.len() >= PART_BYTES));
        // Cut anywhere in a text of two-byte letters.
        // (`x` first: byte PART_BYTES is the middle of a letter).
        let cyrillic = format!("x{}\n{}", "Қ".repeat(60_000), "Қў\n".repeat(40_000));
        assert!(!cyrillic.is_char_boundary(PART_BYTES) && cyrillic.len() > ONE_PART_BYTES);
        let parts = split(&cyrillic);
        assert!(parts.len() > 2);
        assert_eq!(parts.join("\n"), cyrillic);
        // One very long line is one part, however long.
        let long = "y".repeat(ONE_PART_BYTES + 1);
        assert_eq!(split(&long), [long.as_str()]);
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_caret_keeps_its_column_between_parts() {
        // "😀" is two UTF-16 units, "ў" one.
        let text = "ab😀c\nўx\nlast";
        assert_eq!(caret_line(text, 0), (0, true, false));
        assert_eq!(caret_line(text, 5), (5, true, false));
        assert_eq!(caret_line(text, 7), (1, false, false));
        assert_eq!(caret_line(text, 11), (2, false, true));
        assert_eq!(caret_line("one", 3), (3, true, true));
        assert_eq!(on_first_line(text, 3), 3);
        assert_eq!(on_first_line(text, 40), 5);
        assert_eq!(on_last_line(text, 2), 11);
        assert_eq!(on_last_line(text, 40), 13);
        assert_eq!(line_of(text, 7), 1);
        assert_eq!(line_of(text, 13), 2);
        assert_eq!((line_count(text), longest_line(text)), (3, 4));
    }
}
