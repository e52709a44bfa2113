//! Any bytes as a data file supplied beside a form (`xonadon_xlsform::file_choices`, which the
//! XForm importer's secondary instances read too): the first byte chooses CSV, XML or
//! GeoJSON, the rest is the file. Choices or an error naming the file, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, file)) = data.split_first() else { return };
    let name = match choice % 3 {
        0 => "list.csv",
        1 => "list.xml",
        _ => "list.geojson",
    };
    let _ = xonadon_xlsform::file_choices(name, file);
});
