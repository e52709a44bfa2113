//! `area()`, `distance()` and `geofence()` on ODK's geopoint / geotrace / geoshape strings
//! (`lat lon [alt [acc]]`, points separated by `;`), computed as ODK Web Forms and JavaRosa do:
//! a sphere of the Earth's equatorial radius, results rounded to centimetres.

const EARTH_RADIUS_M: f64 = 6_378_100.0;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    lat: f64,
    lon: f64,
}

/// Splits at runs of whitespace, keeping an empty piece before leading and after trailing
/// whitespace (JavaScript's `split(/\s+/)`, which ODK uses).
fn split_whitespace_runs(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(&s[start..i]);
                in_space = true;
            }
        } else if in_space {
            start = i;
            in_space = false;
        }
    }
    out.push(if in_space { "" } else { &s[start..] });
    out
}

/// JavaScript's `Number(s)` for the digits of a coordinate (`""` is 0).
fn js_number(s: &str) -> f64 {
    let t = s.trim();
    if t.is_empty() {
        return 0.0;
    }
    match t.parse::<f64>() {
        Ok(n) if t.bytes().any(|b| b.is_ascii_digit()) => n,
        _ => f64::NAN,
    }
}

/// A geopoint: 2 to 4 numbers, latitude within ±90 and longitude within ±180.
fn point(s: &str) -> Option<Point> {
    let parts = split_whitespace_runs(s);
    if !(2..=4).contains(&parts.len()) {
        return None;
    }
    let (lat, lon) = (js_number(parts[0]), js_number(parts[1]));
    if lat.abs() > 90.0 || lon.abs() > 180.0 {
        return None;
    }
    Some(Point { lat, lon })
}

/// The points of one geotrace / geoshape string (trailing `;` ignored).
fn trace_points(s: &str) -> Vec<Option<Point>> {
    let s = s
        .trim()
        .trim_end_matches(|c: char| c == ';' || c.is_whitespace());
    s.split(';').map(|p| point(p.trim())).collect()
}

/// The points of the arguments: one string is a geotrace or geoshape, several values
/// (a node-set of geopoints) are one point each. At least two valid points, or none.
fn points(values: &[String]) -> Option<Vec<Point>> {
    let pts: Vec<Option<Point>> = match values {
        [] => return None,
        [one] => trace_points(one),
        many => many.iter().map(|v| point(v)).collect(),
    };
    if pts.len() < 2 {
        return None;
    }
    pts.into_iter().collect()
}

/// JavaScript's `Math.round` (halves towards +∞) to 2 decimals, then the absolute value.
fn centimetres(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    ((x * 100.0 + 0.5).floor() / 100.0).abs()
}

/// `area(...)`: the area in m² enclosed by the points (closed if the last is not the first).
pub fn area(values: &[String]) -> f64 {
    let Some(pts) = points(values) else {
        return 0.0;
    };
    // Fewer than two segments enclose nothing (ODK returns 0 for two points).
    if pts.len() < 3 {
        return 0.0;
    }
    let mut ring = pts.clone();
    if pts.first() != pts.last() {
        ring.push(pts[0]);
    }
    let total: f64 = ring
        .windows(2)
        .map(|w| {
            (w[1].lon - w[0].lon).to_radians()
                * (2.0 + w[1].lat.to_radians().sin() + w[0].lat.to_radians().sin())
        })
        .sum();
    centimetres(total * EARTH_RADIUS_M * EARTH_RADIUS_M / 2.0)
}

/// `distance(...)`: the length in metres of the path through the points; NaN when the
/// arguments are not at least two points.
pub fn distance(values: &[String]) -> f64 {
    let Some(pts) = points(values) else {
        return f64::NAN;
    };
    let total: f64 = pts
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let (phi0, phi1) = (a.lat.to_radians(), b.lat.to_radians());
            let d_lambda = (a.lon - b.lon).to_radians();
            (phi0.sin() * phi1.sin() + phi0.cos() * phi1.cos() * d_lambda.cos()).acos()
                * EARTH_RADIUS_M
        })
        .sum();
    centimetres(total)
}

/// `geofence(point, shape)`: whether the geopoint lies inside the closed geoshape.
pub fn geofence(point_value: &str, shape_value: &str) -> bool {
    let (Some(p), Some(shape)) = (
        point(point_value),
        trace_points(shape_value)
            .into_iter()
            .collect::<Option<Vec<_>>>(),
    ) else {
        return false;
    };
    if shape.len() < 2 || shape.first() != shape.last() {
        return false;
    }
    let mut inside = false;
    for w in shape.windows(2) {
        let (p1, p2) = (w[0], w[1]);
        if (p2.lat > p.lat) != (p1.lat > p.lat)
            && p.lon < (p1.lon - p2.lon) * (p.lat - p2.lat) / (p1.lat - p2.lat) + p2.lon
        {
            inside = !inside;
        }
    }
    inside
}
