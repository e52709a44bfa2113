//! The app's screens.

pub mod fill;
pub mod home;
