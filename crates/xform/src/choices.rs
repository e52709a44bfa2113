//! Choice lists: secondary instances (`<instance id="LIST"><root><item>…`, or with `src`: a
//! CSV, XML or GeoJSON file supplied beside the form, read as the XLSForm importer reads
//! them) and a select's own `<item>`s; a select's `itemset` names its list and filter.

use std::collections::BTreeMap;

use xonadon_engine::definition::{ChoiceDef, Text};

use crate::itext::Itext;
use crate::xml::Element;
use crate::{Attachment, Problem};

/// The lists of the secondary instances, by instance id.
pub fn secondary(
    model: &Element,
    itext: &Itext,
    attachments: &[Attachment],
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Vec<ChoiceDef>> {
    let mut lists = BTreeMap::new();
    for instance in model.children().filter(|i| i.name == "instance").skip(1) {
        let Some(id) = instance.attr("id") else {
            continue;
        };
        let place = format!("instance('{id}')");
        if let Some(src) = instance.attr("src") {
            let src = src.trim();
            if src == "jr://instance/last-saved" {
                continue; // `instance('__last-saved')` becomes `${last-saved#…}`.
            }
            let file = src.rsplit('/').next().unwrap_or(src);
            let known = ["jr://file-csv/", "jr://file/"]
                .iter()
                .any(|p| src.starts_with(p));
            if !known {
                problems.push(Problem::warning(
                    Some(&place),
                    Some("src"),
                    format!(
                        "`{src}` is not a file supplied with the form (jr://file/… or \
                         jr://file-csv/…): the instance is left empty"
                    ),
                ));
                lists.insert(id.to_string(), Vec::new());
                continue;
            }
            let found = attachments.iter().find(|(n, _)| n == file).or_else(|| {
                attachments
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(file))
            });
            match found {
                None => {
                    problems.push(Problem::warning(
                        Some(&place),
                        Some("src"),
                        format!(
                            "the data file `{file}` is not supplied: until it is, what the form \
                             reads from it is empty; put it beside the form (in the designer, \
                             drop it together with the form)"
                        ),
                    ));
                    lists.insert(id.to_string(), Vec::new());
                }
                Some((_, bytes)) => match xonadon_xlsform::file_choices(file, bytes) {
                    Ok(rows) => {
                        lists.insert(id.to_string(), rows);
                    }
                    Err(message) => {
                        problems.push(Problem::error(Some(&place), Some("src"), message))
                    }
                },
            }
            continue;
        }
        let items = instance
            .children()
            .next()
            .map(|root| root.children().collect::<Vec<_>>())
            .unwrap_or_default();
        let mut list = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let mut properties = BTreeMap::new();
            let mut name = None;
            let mut label = None;
            let mut media = None;
            for field in item.children() {
                let value = field.text().trim().to_string();
                match field.name.as_str() {
                    "name" => name = Some(value),
                    "label" => label = Some(Text::Plain(value)),
                    "itextId" => {
                        label = itext.label(&value, &mut |s| s.to_string());
                        media = itext.media(&value);
                    }
                    other => {
                        properties.insert(other.to_string(), value);
                    }
                }
            }
            // A data table without names (what `pulldata` reads): rows by their number, as
            // the XLSForm importer numbers a CSV's.
            let name = name.unwrap_or_else(|| (i + 1).to_string());
            if name.is_empty() {
                continue;
            }
            list.push(ChoiceDef {
                name,
                label,
                media,
                properties,
            });
        }
        lists.insert(id.to_string(), list);
    }
    lists
}

/// An itemset's nodeset `instance('LIST')/root/item[PRED]…`: the list and the predicate
/// (several joined by `and`), or `None` when it reads something else (a repeat).
pub fn itemset(nodeset: &str) -> Option<(String, Option<String>)> {
    let rest = nodeset.trim().strip_prefix("instance(")?;
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let (list, rest) = rest[1..].split_once(quote)?;
    let rest = rest.trim_start().strip_prefix(')')?;
    let rest = rest.strip_prefix("/root/item")?.trim();
    let mut predicates = Vec::new();
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '[' {
            return None;
        }
        let end = crate::xpath::closing_bracket(&chars, i)?;
        predicates.push(chars[i + 1..end].iter().collect::<String>());
        i = end + 1;
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
    }
    let filter = match predicates.len() {
        0 => None,
        1 => predicates.pop(),
        _ => Some(
            predicates
                .iter()
                .map(|p| format!("({p})"))
                .collect::<Vec<_>>()
                .join(" and "),
        ),
    };
    Some((list.to_string(), filter))
}

/// A list read through other columns than `name` and `label` (`<value ref="id"/>`): the same
/// items named and labelled by those columns.
pub fn through(list: &[ChoiceDef], value: &str, label: &str) -> Vec<ChoiceDef> {
    // A GeoJSON file's features are read named by their `id` and labelled by their `title`
    // (as ODK reads them), which is what pyxform's itemset names.
    let column = |c: &ChoiceDef, col: &str| match col {
        "name" => Some(c.name.clone()),
        "id" => c
            .properties
            .get(col)
            .cloned()
            .or_else(|| Some(c.name.clone())),
        _ => c.properties.get(col).cloned(),
    };
    list.iter()
        .filter_map(|c| {
            let name = column(c, value)?;
            let label = match label {
                "label" | "jr:itext(itextId)" => c.label.clone(),
                other => column(c, other)
                    .map(Text::Plain)
                    .or_else(|| (other == "title").then(|| c.label.clone()).flatten()),
            };
            let mut properties = c.properties.clone();
            properties.remove(value);
            Some(ChoiceDef {
                name,
                label,
                media: c.media.clone(),
                properties,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn itemset_nodesets() {
        assert_eq!(
            itemset("instance('district')/root/item[region =  /data/region ]"),
            Some(("district".into(), Some("region =  /data/region ".into())))
        );
        assert_eq!(
            itemset("instance(\"x\")/root/item"),
            Some(("x".into(), None))
        );
        assert_eq!(
            itemset("instance('x')/root/item[a = 1][b = ']']"),
            Some(("x".into(), Some("(a = 1) and (b = ']')".into())))
        );
        assert_eq!(itemset("/data/members"), None);
    }

    #[test]
    fn inline_instances_and_missing_files() {
        let model = crate::xml::parse(
            br#"<model><instance><data/></instance>
            <instance id="r"><root><item><name>a</name><label>A</label><zone>n</zone></item></root></instance>
            <instance id="f" src="jr://file-csv/f.csv"/></model>"#,
        )
        .unwrap();
        let mut problems = Vec::new();
        let lists = secondary(&model, &Itext::default(), &[], &mut problems);
        assert_eq!(lists["r"][0].name, "a");
        assert_eq!(lists["r"][0].properties["zone"], "n");
        assert!(lists["f"].is_empty());
        assert!(problems[0].message.contains("`f.csv` is not supplied"));
        let supplied = [("f.csv".to_string(), b"name,label\nx,X\n".to_vec())];
        let lists = secondary(&model, &Itext::default(), &supplied, &mut Vec::new());
        assert_eq!(lists["f"][0].name, "x");
        let by_zone = through(&lists["r"], "zone", "label");
        assert_eq!(by_zone[0].name, "n");
    }
}
