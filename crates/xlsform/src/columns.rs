//! Column headers: which XLSForm column a header is (with pyxform's aliases), and the language
//! of a translated column (`label::English (en)` → `en`).

/// An XLSForm column Xonadon's format has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Type,
    Name,
    Label,
    Hint,
    GuidanceHint,
    Required,
    RequiredMessage,
    Relevant,
    Constraint,
    ConstraintMessage,
    Calculation,
    Default,
    ReadOnly,
    Appearance,
    ChoiceFilter,
    Parameters,
    RepeatCount,
    Trigger,
    /// `save_to`: the entity property a question's answer is saved to (`entities.rs` checks
    /// it; Xonadon does not write entities yet).
    SaveTo,
    ListName,
    /// Media columns (`image`, `media::image`, `big-image`, `audio`, `video`).
    Image,
    BigImage,
    Audio,
    Video,
}

impl Key {
    /// Texts that have a column per language.
    pub fn translatable(self) -> bool {
        matches!(
            self,
            Key::Label
                | Key::Hint
                | Key::GuidanceHint
                | Key::RequiredMessage
                | Key::ConstraintMessage
                | Key::Image
                | Key::BigImage
                | Key::Audio
                | Key::Video
        )
    }
}

/// What a header means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// A column of the format, in a language for translatable texts.
    Known(Key, Option<String>),
    /// An XLSForm column Xonadon does not use (yet): guidance hints, `bind::…`.
    Unsupported,
    /// Not an XLSForm column: on the choices sheet a property `choice_filter` may read.
    Other(String),
    /// No header.
    Blank,
}

/// What each header of one sheet means. As in pyxform, a sheet where no header has `::` may
/// separate a column from its language with a single colon (`label:English (en)`, the old
/// spelling); `jr:count` and the like stay one name.
pub fn sheet_columns(headers: &[String]) -> Vec<Column> {
    let double_colon = headers.iter().any(|h| h.contains("::"));
    headers
        .iter()
        .map(|h| match double_colon {
            true => column(h),
            false => single_colon_column(h),
        })
        .collect()
}

/// The language part of a translated header as written (`English` in `label::English` or, on
/// a sheet without `::`, in `label:English`).
pub fn language_part(header: &str, double_colon: bool) -> Option<&str> {
    match double_colon {
        true => header.split_once("::").map(|(_, l)| l.trim()),
        false => header.rsplit_once(':').map(|(_, l)| l.trim()),
    }
}

/// A header on a sheet without `::`: read whole when it names a column (`jr:constraintMsg`,
/// `entities:saveto`), else split at single colons when its first part names one.
fn single_colon_column(header: &str) -> Column {
    let whole = column(header);
    if !header.contains(':') || matches!(whole, Column::Known(..)) {
        return whole;
    }
    let mut tokens: Vec<String> = Vec::new();
    let mut parts = header.split(':').map(str::trim);
    while let Some(part) = parts.next() {
        match (part, parts.clone().next()) {
            ("jr", Some(next)) => {
                tokens.push(format!("jr:{next}"));
                parts.next();
            }
            _ => tokens.push(part.to_string()),
        }
    }
    match column(&tokens.join("::")) {
        known @ Column::Known(..) => known,
        _ => whole,
    }
}

/// Reads a survey or choices header. Column names are matched without regard to case, `::`
/// separates a column from its language, and pyxform's aliases are accepted.
pub fn column(header: &str) -> Column {
    let header = header.trim();
    if header.is_empty() {
        return Column::Blank;
    }
    let (name, language) = match header.split_once("::") {
        Some((name, rest)) => (name.trim(), Some(rest.trim())),
        None => (header, None),
    };
    // pyxform's prefixed spellings of plain columns: `bind::relevant`, `control::appearance`,
    // `media::image::English (en)`.
    if let (Some(rest), true) = (
        language,
        ["bind", "control", "body", "media"].contains(&name.to_ascii_lowercase().as_str()),
    ) {
        return match column(rest) {
            known @ Column::Known(..) => known,
            _ => Column::Unsupported,
        };
    }
    let key = match name.to_ascii_lowercase().as_str() {
        "type" => Key::Type,
        "name" | "value" => Key::Name,
        "label" | "caption" => Key::Label,
        "hint" => Key::Hint,
        "guidance_hint" | "guidance hint" => Key::GuidanceHint,
        "required" => Key::Required,
        "required_message" | "required message" | "jr:requiredmsg" | "requiredmsg" => {
            Key::RequiredMessage
        }
        "relevant" | "relevance" => Key::Relevant,
        "constraint" => Key::Constraint,
        "constraint_message"
        | "constraint message"
        | "jr:constraintmsg"
        | "constraining message" => Key::ConstraintMessage,
        "calculation" | "calculate" => Key::Calculation,
        "default" => Key::Default,
        "read_only" | "readonly" => Key::ReadOnly,
        "appearance" => Key::Appearance,
        "choice_filter" => Key::ChoiceFilter,
        "parameters" => Key::Parameters,
        "repeat_count" | "jr:count" | "count" => Key::RepeatCount,
        "trigger" => Key::Trigger,
        "save_to" | "save to" | "entities:saveto" => Key::SaveTo,
        "list_name" | "list name" => Key::ListName,
        "image" => Key::Image,
        "big-image" | "big_image" => Key::BigImage,
        "audio" => Key::Audio,
        "video" => Key::Video,
        "bind" | "body" | "control" | "instance" | "media" => return Column::Unsupported,
        "autoplay" | "note" | "hxl" => return Column::Unsupported,
        _ if language.is_some() => return Column::Unsupported,
        _ => return Column::Other(header.to_string()),
    };
    match language {
        Some(lang) if key.translatable() => Column::Known(key, Some(language_tag(lang))),
        // A language on a column that has none (`relevant::English`): not XLSForm.
        Some(_) => Column::Unsupported,
        None => Column::Known(key, None),
    }
}

/// The BCP-47 tag for an XLSForm language: the code in parentheses when there is one
/// (`English (en)` → `en`, `Ўзбек (uz-Cyrl)` → `uz-Cyrl`), else a known language name
/// (`Russian` → `ru`), else the name itself.
pub fn language_tag(language: &str) -> String {
    let language = language.trim();
    if let Some(code) = code_in_parentheses(language) {
        return normalize_tag(code);
    }
    known_name(language).map_or_else(|| language.to_string(), str::to_string)
}

/// Whether `language_tag` found a code or a known name (otherwise the form keeps the name).
pub fn is_tagged(language: &str) -> bool {
    code_in_parentheses(language.trim()).is_some() || known_name(language.trim()).is_some()
}

fn code_in_parentheses(language: &str) -> Option<&str> {
    let inner = language.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let code = inner[open + 1..].trim();
    let plausible = !code.is_empty()
        && code
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    plausible.then_some(code)
}

/// `uz-cyrl` → `uz-Cyrl`, `EN-gb` → `en-GB`: BCP-47's conventional case.
fn normalize_tag(code: &str) -> String {
    code.split('-')
        .enumerate()
        .map(|(i, part)| match (i, part.len()) {
            (0, _) => part.to_ascii_lowercase(),
            (_, 4) => {
                let mut s = part.to_ascii_lowercase();
                s[..1].make_ascii_uppercase();
                s
            }
            (_, 2) => part.to_ascii_uppercase(),
            _ => part.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Language names (in English and in the language itself) seen in real forms without a code.
fn known_name(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    Some(match lower.as_str() {
        "english" => "en",
        "russian" | "русский" => "ru",
        "uzbek" | "o'zbek" | "oʻzbek" | "o‘zbek" | "ozbek" => "uz",
        "uzbek latin" | "uzbek (latin)" | "o'zbekcha" | "oʻzbekcha" => "uz-Latn",
        "uzbek cyrillic" | "uzbek (cyrillic)" | "ўзбек" | "ўзбекча" => "uz-Cyrl",
        "karakalpak" | "qaraqalpaq" | "қарақалпақ" => "kaa",
        "tajik" | "тоҷикӣ" => "tg",
        "kazakh" | "қазақ" => "kk",
        "kyrgyz" | "кыргыз" => "ky",
        "turkmen" | "türkmen" => "tk",
        "french" | "français" | "francais" => "fr",
        "spanish" | "español" | "espanol" => "es",
        "portuguese" | "português" | "portugues" => "pt",
        "arabic" | "العربية" | "عربي" => "ar",
        "persian" | "farsi" | "فارسی" => "fa",
        "dari" | "دری" => "prs",
        "pashto" | "پښتو" => "ps",
        "urdu" | "اردو" => "ur",
        "hindi" | "हिन्दी" => "hi",
        "bengali" | "bangla" | "বাংলা" => "bn",
        "swahili" | "kiswahili" => "sw",
        "somali" | "soomaali" => "so",
        "amharic" | "አማርኛ" => "am",
        "turkish" | "türkçe" => "tr",
        "ukrainian" | "українська" => "uk",
        "german" | "deutsch" => "de",
        "chinese" | "中文" => "zh",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_languages() {
        assert_eq!(
            column("label::English (en)"),
            Column::Known(Key::Label, Some("en".into()))
        );
        assert_eq!(
            column("Label::Ўзбек (uz-cyrl)"),
            Column::Known(Key::Label, Some("uz-Cyrl".into()))
        );
        assert_eq!(
            column("hint::Русский"),
            Column::Known(Key::Hint, Some("ru".into()))
        );
        assert_eq!(
            column("constraint_message::العربية (ar)"),
            Column::Known(Key::ConstraintMessage, Some("ar".into()))
        );
        assert_eq!(
            column("label::Karakalpak dialect"),
            Column::Known(Key::Label, Some("Karakalpak dialect".into()))
        );
        assert!(!is_tagged("Karakalpak dialect"));
        assert_eq!(
            column("jr:constraintMsg"),
            Column::Known(Key::ConstraintMessage, None)
        );
        assert_eq!(column("bind::relevant"), Column::Known(Key::Relevant, None));
        assert_eq!(column("readonly"), Column::Known(Key::ReadOnly, None));
        assert_eq!(
            column("media::image::English (en)"),
            Column::Known(Key::Image, Some("en".into()))
        );
        assert_eq!(column("image"), Column::Known(Key::Image, None));
        assert_eq!(
            column("audio::Русский (ru)"),
            Column::Known(Key::Audio, Some("ru".into()))
        );
        assert_eq!(
            column("media::big-image"),
            Column::Known(Key::BigImage, None)
        );
        assert_eq!(column("region"), Column::Other("region".into()));
        assert_eq!(column("save_to"), Column::Known(Key::SaveTo, None));
        assert_eq!(
            column("bind::entities:saveto"),
            Column::Known(Key::SaveTo, None)
        );
        assert_eq!(column("  "), Column::Blank);
        let single = |headers: &[&str]| {
            sheet_columns(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            single(&[
                "label:English (en)",
                "jr:constraintMsg",
                "media:image:Русский"
            ]),
            [
                Column::Known(Key::Label, Some("en".into())),
                Column::Known(Key::ConstraintMessage, None),
                Column::Known(Key::Image, Some("ru".into())),
            ]
        );
        assert_eq!(
            single(&["label:English (en)", "hint::English (en)", "region:north"]),
            [
                Column::Other("label:English (en)".into()),
                Column::Known(Key::Hint, Some("en".into())),
                Column::Other("region:north".into()),
            ],
            "with `::` on the sheet, a single colon separates nothing"
        );
        assert_eq!(language_part("label:English", false), Some("English"));
        assert_eq!(language_part("label::English", true), Some("English"));
        assert_eq!(normalize_tag("EN-gb"), "en-GB");
    }
}
