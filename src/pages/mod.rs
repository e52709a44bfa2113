//! The app's pages, one folder each, named after the page.

pub mod designer;
pub mod field;
pub mod supervisor;
