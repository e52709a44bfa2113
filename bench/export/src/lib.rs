//! Empty: the benchmark is `tests/export.rs`.
