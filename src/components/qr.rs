//! A text as a QR code, drawn as one SVG path (the supervisor's public key, for the tablets
//! that are to encrypt their bundles for it). `qrcode` makes the modules; the drawing is ours,
//! so no markup string is ever parsed.

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

/// The quiet zone around the code, in modules (the standard asks for 4).
const QUIET: usize = 4;

/// The code's width in modules and the SVG path of its dark modules (one `h1v1h-1z` square
/// each, offset by the quiet zone); `None` for a text too long for a QR code.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((width, path))
}

/// `text` as a QR code, `label` said to screen readers.
#[component]
pub fn Qr(text: String, label: String) -> impl IntoView {
    qr_path(&text).map(|(width, path)| {
        let size = width + 2 * QUIET;
        view! {
            <svg class="qr" role="img" aria-label=label viewBox=format!("0 0 {size} {size}")
                shape-rendering="crispEdges">
                <rect width=size.to_string() height=size.to_string() fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_text_becomes_its_modules() {
        let (width, path) = qr_path("hello").unwrap();
        assert_eq!(width, 21, "version 1");
        // The finder pattern's corner module, past the quiet zone.
        assert!(path.starts_with("M4 4h1v1h-1z"), "{path}");
        let line = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq \
                    ed25519:3f1c000000000000000000000000000000000000000000000000000000000000 \
                    Dilnoza Karimova";
        let (width, path) = qr_path(line).unwrap();
        assert!(width > 21 && width <= 177);
        assert_eq!(
            qr_path(line).unwrap().1,
            path,
            "the same text, the same code"
        );
        assert!(
            qr_path(&"x".repeat(5000)).is_none(),
            "too long for a QR code"
        );
    }
}
