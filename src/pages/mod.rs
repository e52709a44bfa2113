//! The app's pages, one folder (or file) each, named after the page.

pub mod designer;
