//! The app's screens.

pub mod designer;
pub mod fill;
pub mod home;
