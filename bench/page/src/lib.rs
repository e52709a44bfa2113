//! The peer benchmark's adapter: see README.md in this folder.
