//! `select_one_from_file` with an XML or GeoJSON file, read as ODK reads them (checked with
//! its engine through the oracle: `xls_from_xml_geojson` in the corpus):
//!
//! - XML: `<root><item><name>…</name><label>…</label><region>…</region></item>…</root>`; each
//!   `item` is a choice, its child elements the name, the label and properties.
//! - GeoJSON: a FeatureCollection; each feature is a choice named by its `id` (or an `id`
//!   property), labelled by its `title` property; its other properties are properties, and its
//!   geometry is the property `geometry` written as ODK writes places (`lat lon 0 0`, points
//!   of a line or polygon separated by `; `).

use std::collections::BTreeMap;

use quick_xml::events::Event;
use xonadon_engine::definition::{ChoiceDef, Text};

/// The most rows a choices file may have (CSV, XML or GeoJSON). A choice costs about 0.9 KB
/// once read (`docs/fuzzing.md`): a million is close to a gigabyte, more than a cheap tablet's
/// page can hold, so a longer file is refused before it is read whole instead of crashing the
/// tablet that opens the form.
pub const MAX_ROWS: usize = 1_000_000;

/// From this many rows a list is read but warned about: it works, slowly, on a tablet.
pub const LONG_LIST: usize = 100_000;

/// The error for a file longer than [`MAX_ROWS`].
pub fn too_long(file: &str) -> String {
    format!(
        "{file} has more than {MAX_ROWS} rows: a list this long does not fit in a tablet's \
         memory (about 1 GB); split it (by region, say) and choose among the parts with a \
         choice_filter"
    )
}

/// The warning for a list of `rows` rows, [`LONG_LIST`] or more.
pub fn long_list(file: &str, rows: usize) -> String {
    format!(
        "{file} has {rows} rows: the form works, but on a tablet such a list takes about \
         {} MB and seconds to open; a shorter list (split by region, say) is kinder to \
         the field workers' tablets",
        rows * 9 / 10_000
    )
}

/// The choices of an XML file.
pub fn xml(file: &str, bytes: &[u8]) -> Result<Vec<ChoiceDef>, String> {
    // Not trimmed as it is read: text around an entity (`Xiva &amp; Pitnak`) keeps its
    // spaces; a field is trimmed whole.
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    // Depth 1: the root; 2: an item; 3: one of its fields.
    let mut depth = 0;
    let mut item: Option<BTreeMap<String, String>> = None;
    let mut field: Option<(String, String)> = None;
    let mut out = Vec::new();
    let bad = |e: &dyn std::fmt::Display, at: u64| format!("{file}: not XML at byte {at}: {e}");
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event_into(&mut buf).map_err(|e| bad(&e, at))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                match depth {
                    2 => item = Some(BTreeMap::new()),
                    3 => field = Some((name, String::new())),
                    _ => {}
                }
            }
            Event::Empty(e) if depth == 2 => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                item.get_or_insert_with(BTreeMap::new)
                    .insert(name, String::new());
            }
            Event::Text(t) => {
                if let Some((_, text)) = field.as_mut() {
                    text.push_str(&t.decode().map_err(|e| bad(&e, at))?);
                }
            }
            Event::CData(t) => {
                if let Some((_, text)) = field.as_mut() {
                    text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, text)) = field.as_mut() {
                    let name = r.decode().map_err(|e| bad(&e, at))?;
                    match r.resolve_char_ref().map_err(|e| bad(&e, at))? {
                        Some(c) => text.push(c),
                        None => match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => text.push_str(s),
                            None => return Err(bad(&format!("unknown entity &{name};"), at)),
                        },
                    }
                }
            }
            Event::End(_) => {
                match depth {
                    3 => {
                        if let (Some((name, text)), Some(item)) = (field.take(), item.as_mut()) {
                            item.insert(name, text.trim().to_string());
                        }
                    }
                    2 => {
                        if let Some(mut item) = item.take() {
                            let name = item.remove("name").unwrap_or_default();
                            let label = item.remove("label");
                            if !name.is_empty() {
                                if out.len() == MAX_ROWS {
                                    return Err(too_long(file));
                                }
                                out.push(choice(name, label, item));
                            }
                        }
                    }
                    _ => {}
                }
                depth -= 1;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// The choices of a GeoJSON FeatureCollection.
pub fn geojson(file: &str, bytes: &[u8]) -> Result<Vec<ChoiceDef>, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("{file}: not JSON: {e}"))?;
    let Some(features) = value.get("features").and_then(|f| f.as_array()) else {
        return Err(format!(
            "{file}: not a GeoJSON FeatureCollection (no `features` list)"
        ));
    };
    if features.len() > MAX_ROWS {
        return Err(too_long(file));
    }
    let mut out = Vec::new();
    for (i, feature) in features.iter().enumerate() {
        let mut properties: BTreeMap<String, String> = feature
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|p| p.iter().map(|(k, v)| (k.clone(), text_of(v))).collect())
            .unwrap_or_default();
        let id = feature
            .get("id")
            .map(text_of)
            .or_else(|| properties.remove("id"))
            .filter(|id| !id.is_empty())
            .ok_or_else(|| format!("{file}: feature {} has no `id`", i + 1))?;
        properties.remove("id");
        let label = properties.remove("title");
        if let Some(geometry) = feature.get("geometry").and_then(odk_geometry) {
            properties.insert("geometry".into(), geometry);
        }
        out.push(choice(id, label, properties));
    }
    Ok(out)
}

fn choice(name: String, label: Option<String>, properties: BTreeMap<String, String>) -> ChoiceDef {
    ChoiceDef {
        name,
        label: label.filter(|l| !l.is_empty()).map(Text::Plain),
        media: None,
        properties: properties
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect(),
    }
}

fn text_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A GeoJSON geometry as ODK writes places: `lat lon alt accuracy`, points joined by `; `.
fn odk_geometry(geometry: &serde_json::Value) -> Option<String> {
    let point = |p: &serde_json::Value| -> Option<String> {
        let p = p.as_array()?;
        let (lon, lat) = (p.first()?.as_f64()?, p.get(1)?.as_f64()?);
        let alt = p.get(2).and_then(|a| a.as_f64()).unwrap_or(0.0);
        Some(format!("{lat} {lon} {alt} 0"))
    };
    let points = |list: &serde_json::Value| -> Option<String> {
        let list = list.as_array()?;
        let points: Option<Vec<String>> = list.iter().map(point).collect();
        Some(points?.join("; "))
    };
    let coordinates = geometry.get("coordinates")?;
    match geometry.get("type")?.as_str()? {
        "Point" => point(coordinates),
        "LineString" => points(coordinates),
        // The outer ring.
        "Polygon" => points(coordinates.as_array()?.first()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_items() {
        let xml_text = "<?xml version='1.0'?><root>\
            <item><name>xiva</name><label>Xiva &amp; Pitnak</label><region>khorezm</region></item>\
            <item><name>chil</name><label>Chilonzor</label><region/></item>\
            <item><label>no name</label></item></root>";
        let list = xml("towns.xml", xml_text.as_bytes()).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].name, "xiva");
        assert_eq!(list[0].label, Some(Text::Plain("Xiva & Pitnak".into())));
        assert_eq!(list[0].properties["region"], "khorezm");
        assert!(list[1].properties.is_empty());
        let err = xml("bad.xml", b"<root><item><name>a</item></root>").unwrap_err();
        assert!(err.starts_with("bad.xml: not XML"), "{err}");
    }

    #[test]
    fn a_list_longer_than_a_tablet_holds_is_refused() {
        let items = "<item><name>a</name></item>".repeat(MAX_ROWS + 1);
        let err = xml("big.xml", format!("<root>{items}</root>").as_bytes()).unwrap_err();
        assert!(
            err.starts_with("big.xml has more than 1000000 rows"),
            "{err}"
        );
        let items = "<item><name>a</name></item>".repeat(MAX_ROWS);
        assert_eq!(
            xml("big.xml", format!("<root>{items}</root>").as_bytes())
                .unwrap()
                .len(),
            MAX_ROWS
        );
        let feature = r#"{"id":1},"#.repeat(MAX_ROWS + 1);
        let geo = format!(r#"{{"features":[{}]}}"#, feature.trim_end_matches(','));
        assert!(geojson("big.geojson", geo.as_bytes())
            .unwrap_err()
            .starts_with("big.geojson has more than"));
    }

    #[test]
    fn geojson_features() {
        let geo = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","id":"p1","geometry":{"type":"Point","coordinates":[60.36,41.38]},
             "properties":{"title":"Xiva well","kind":"well","depth":12}},
            {"type":"Feature","geometry":{"type":"LineString","coordinates":[[60,41],[61,42,100]]},
             "properties":{"id":7,"title":"Road"}}]}"#;
        let list = geojson("places.geojson", geo.as_bytes()).unwrap();
        assert_eq!(list[0].name, "p1");
        assert_eq!(list[0].label, Some(Text::Plain("Xiva well".into())));
        assert_eq!(list[0].properties["geometry"], "41.38 60.36 0 0");
        assert_eq!(list[0].properties["depth"], "12");
        assert_eq!(list[1].name, "7");
        assert_eq!(list[1].properties["geometry"], "41 60 0 0; 42 61 100 0");
        let err = geojson("x.geojson", br#"{"features":[{"properties":{}}]}"#).unwrap_err();
        assert!(err.contains("feature 1 has no `id`"), "{err}");
    }
}
