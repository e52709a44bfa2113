//! A label that shows an answer (`Age of ${name}`) is a template for the form; a table's
//! header is read once for every row, so there it names the question it would show instead:
//! `Age of [Name]`, the referenced question's label in brackets (its own name where it has
//! no label). Never the raw `${name}`, which data teams read as a broken export.

/// `text` with each `${name}` written as `[label]`, `label_of` giving a question's label
/// (`None`: the name itself is written). References inside that label are written as the
/// bare names they hold, so a header never recurses.
pub(super) fn in_brackets(text: &str, label_of: impl Fn(&str) -> Option<String>) -> String {
    replace(text, |name| {
        let label = label_of(name).unwrap_or_else(|| name.to_string());
        format!("[{}]", replace(&label, str::to_string))
    })
}

/// `text` with every complete `${name}` replaced by `with(name)`; an unclosed `${` stays.
fn replace(text: &str, with: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&with(&rest[start + 2..start + len]));
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(name: &str) -> Option<String> {
        match name {
            "name" => Some("Name".into()),
            "who" => Some("Name of ${name}".into()),
            _ => None,
        }
    }

    #[test]
    fn a_reference_is_the_label_it_names_in_brackets() {
        assert_eq!(in_brackets("Age of ${name}", labels), "Age of [Name]");
        assert_eq!(
            in_brackets("${name}: ${name}'s age", labels),
            "[Name]: [Name]'s age"
        );
        assert_eq!(in_brackets("Plain", labels), "Plain");
    }

    #[test]
    fn an_unknown_or_nested_reference_is_its_name() {
        assert_eq!(in_brackets("Age of ${ghost}", labels), "Age of [ghost]");
        assert_eq!(in_brackets("About ${who}", labels), "About [Name of name]");
        assert_eq!(in_brackets("Broken ${name", labels), "Broken ${name");
    }
}
