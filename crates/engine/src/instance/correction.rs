//! A finalized form opened again to be corrected: ODK's edit of a submission. The correction
//! is a new submission (a new `meta/instanceID`) whose `meta/deprecatedID` names the one it
//! replaces, so a server (ODK Central, the supervisor's page) keeps both and shows the newer;
//! a correction corrected again points to the correction, a chain back to the first.

use std::sync::Arc;

use serde_json::Value as Json;

use super::{recompute, Host, Instance, InstanceError};
use crate::compile::DEPRECATED_ID;
use crate::expr::NodeId;
use crate::Form;

impl Instance {
    /// The form `submission` (an [`Instance::submission`] of `form`) filled again, to be
    /// corrected: every answer as it was, a new instance ID from the host, and the old one
    /// as `meta/deprecatedID` (where the form's own `meta` is not a group, there is none, and
    /// the correction stands alone).
    pub fn correction(
        form: Arc<Form>,
        host: Arc<dyn Host>,
        submission: &Json,
    ) -> Result<Instance, InstanceError> {
        // Read from the submission itself: a restored instance without one would make its own.
        let old = submission["meta"]["instanceID"]
            .as_str()
            .filter(|id| !id.is_empty())
            .ok_or_else(|| {
                InstanceError::BadSnapshot(
                    "the submission has no meta/instanceID to correct".into(),
                )
            })?
            .to_string();
        let mut inst = Instance::restore(form, host, submission)?;
        let id = inst.find("/meta/instanceID")?;
        let new = format!("uuid:{}", inst.host.uuid());
        inst.record(id, &new);
        if let Ok(deprecated) = inst.find(&format!("/meta/{DEPRECATED_ID}")) {
            inst.record(deprecated, &old);
        }
        inst.take_changes();
        Ok(inst)
    }

    /// Writes what the device records into `node` (read-only to the worker), and what
    /// depends on it.
    pub(super) fn record(&mut self, node: NodeId, value: &str) {
        self.nodes[node].answer = value.to_string();
        let mut changes = recompute::Changes::default();
        changes.recompute(self, node);
        changes.finish(self);
    }
}

/// The instance ID the submission (or a draft's snapshot) `data` corrects, if it is a
/// correction ([`Instance::correction`]).
pub fn corrected_id(data: &Json) -> Option<&str> {
    data["meta"][DEPRECATED_ID]
        .as_str()
        .filter(|id| !id.is_empty())
}
