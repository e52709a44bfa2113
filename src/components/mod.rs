//! Widgets of the filling screen.

pub mod confirm;
pub mod geopoint;
pub mod item;
pub mod markup;
pub mod photo;
pub mod question;
pub mod roster;
