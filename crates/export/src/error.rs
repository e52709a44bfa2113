//! What can go wrong, said so that the supervisor knows which file and what to do.

/// An export or import failure. Importing a file that fails changes nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Not JSON, cut short, or not shaped like a bundle.
    #[error("{file}: not a Xonadon bundle ({detail}). Export it again from the tablet.")]
    Malformed { file: String, detail: String },

    /// A bundle of a format version this copy of Xonadon does not know.
    #[error(
        "{file}: a bundle of format version {found}; this Xonadon reads version {supported}. \
         Update Xonadon on this device."
    )]
    UnsupportedVersion {
        file: String,
        found: u64,
        supported: u64,
    },

    /// The content (or, when named, one submission) does not match its checksum: changed or
    /// damaged after export.
    #[error(
        "{file}: {} does not match its checksum: the file was changed or damaged after \
         export. Nothing was imported from it; export it again from the tablet.",
        submission.as_ref().map_or("its content".to_string(), |s| format!("submission {s}"))
    )]
    Tampered {
        file: String,
        submission: Option<String>,
    },

    /// An encrypted bundle, and no supervisor key to open it with.
    #[error(
        "{file}: the bundle is encrypted for a supervisor. Open it with the supervisor's key \
         (on the supervisor's page, or `xonadon export --identity KEY.txt`)."
    )]
    Encrypted { file: String },

    /// An encrypted bundle for another supervisor's key.
    #[error(
        "{file}: the bundle is encrypted for another supervisor's key, not this one. Nothing was \
         imported; open it with that supervisor's key, or set this supervisor's public key on \
         the tablet and export it again."
    )]
    WrongKey { file: String },

    /// An encrypted bundle that does not decrypt: cut short or changed on the way.
    #[error(
        "{file}: the encrypted bundle is damaged or cut short ({detail}). Nothing was imported \
         from it; copy it from the tablet again."
    )]
    Damaged { file: String, detail: String },

    /// A key file or public key that is not a supervisor's key.
    #[error("{file}: not a supervisor key ({detail}). Make one with `xonadon keygen`.")]
    BadKey { file: String, detail: String },

    /// A submission whose form (id and version) is neither in the bundle nor given.
    #[error("submission {instance_id}: its form {form_id} version {version} is missing")]
    MissingForm {
        instance_id: String,
        form_id: String,
        version: String,
    },

    /// A form definition that does not load.
    #[error("form {form_id} version {version} does not load: {detail}")]
    BadForm {
        form_id: String,
        version: String,
        detail: String,
    },

    /// Reading the submissions to export failed (the storage said why).
    #[error("reading the submissions failed: {0}")]
    Read(String),

    /// The supervisor stopped the export; nothing was saved.
    #[error("the export was cancelled")]
    Cancelled,

    /// Writing the output failed (disk full, closed stream...).
    #[error("writing the export failed: {0}")]
    Write(String),
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Write(e.to_string())
    }
}

impl From<zip::result::ZipError> for ExportError {
    fn from(e: zip::result::ZipError) -> Self {
        ExportError::Write(e.to_string())
    }
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Write(e.to_string())
    }
}
