//! IndexedDB's errors (DOM exceptions, `indexed_db_futures`' own) as [`StorageError`]s that say
//! what the worker should do.

use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::values::key_label;
use crate::{Result, StorageError};

pub(crate) fn map_error(error: IdbError) -> StorageError {
    match error {
        IdbError::DomException(e) => {
            let e: web_sys::DomException = e.into();
            StorageError::from_dom_exception(&e.name(), &e.message())
        }
        other => StorageError::Other(other.to_string()),
    }
}

pub(super) fn open_error(error: OpenDbError) -> StorageError {
    match error {
        OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => {
            StorageError::Unavailable("this browser window offers no IndexedDB".into())
        }
        OpenDbError::Base(e) => map_error(e),
        other => StorageError::Other(other.to_string()),
    }
}

pub(super) fn js_error(value: &JsValue) -> StorageError {
    match value.dyn_ref::<web_sys::DomException>() {
        Some(e) => StorageError::from_dom_exception(&e.name(), &e.message()),
        None => StorageError::Other(key_label(value)),
    }
}

pub(super) trait IdbResultExt<T> {
    fn idb(self) -> Result<T>;
}

impl<T> IdbResultExt<T> for std::result::Result<T, IdbError> {
    fn idb(self) -> Result<T> {
        self.map_err(map_error)
    }
}
