//! Widgets of the filling screen, and the few the pages share (answers, confirm, review).

pub mod answers;
pub mod confirm;
pub mod file_drop;
pub mod form_media;
pub mod geopoint;
pub mod item;
pub mod markup;
pub mod photo;
pub mod qr;
pub mod question;
pub mod rank;
pub mod review;
pub mod roster;
