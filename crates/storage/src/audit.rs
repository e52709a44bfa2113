//! A draft's audit log, for forms with XLSForm's `audit` type: what the field worker did and
//! when, kept with the draft and attached to the submission as ODK's `audit.csv`
//! (`event,node,start,end`, times in milliseconds since the epoch), so tools that read ODK's
//! audit files read ours.

use serde::{Deserialize, Serialize};

/// More events than this are not recorded (the log is saved with every change of the draft):
/// ≈ 100 page views a day for a hundred days.
pub const MAX_EVENTS: usize = 10_000;

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// ODK's event names: `form start`, `form resume`, `group questions` (a page shown),
    /// `form exit`, `form finalize`.
    pub event: String,
    /// The page's path for `group questions`, else empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub node: String,
    pub start_ms: f64,
    /// When the page was left; `None` for instant events and the page showing now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ms: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AuditLog {
    events: Vec<AuditEvent>,
}

impl AuditLog {
    pub fn events(&self) -> &[AuditEvent] {
        &self.events
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// An instant event (`form start`, `form exit`, …); closes the page showing.
    pub fn event(&mut self, event: &str, now_ms: f64) {
        self.push(event, "", now_ms);
    }

    /// A page shown from now on; closes the one before. Showing the same page again (a
    /// re-render) records nothing.
    pub fn page(&mut self, node: &str, now_ms: f64) {
        let showing = self.events.last().filter(|e| e.end_ms.is_none());
        if showing.is_some_and(|e| e.event == "group questions" && e.node == node) {
            return;
        }
        self.push("group questions", node, now_ms);
    }

    fn push(&mut self, event: &str, node: &str, now_ms: f64) {
        self.close(now_ms);
        if self.events.len() >= MAX_EVENTS {
            return;
        }
        self.events.push(AuditEvent {
            event: event.into(),
            node: node.into(),
            start_ms: now_ms,
            end_ms: None,
        });
    }

    /// Ends the page showing, if any.
    fn close(&mut self, now_ms: f64) {
        if let Some(last) = self.events.last_mut() {
            if last.event == "group questions" && last.end_ms.is_none() {
                last.end_ms = Some(now_ms);
            }
        }
    }

    /// ODK's `audit.csv`.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("event,node,start,end\n");
        for e in &self.events {
            let end = e.end_ms.map(|t| format!("{t:.0}")).unwrap_or_default();
            out.push_str(&format!(
                "{},{},{:.0},{end}\n",
                csv_field(&e.event),
                csv_field(&e.node),
                e.start_ms
            ));
        }
        out
    }
}

/// RFC 4180 quoting; a page path may hold a comma only in a repeat's predicate, but the
/// writer must not depend on it. (Four columns of known shape: the csv crate is not worth
/// its size in the field worker's module.)
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_timed_and_written_as_odk_audit_csv() {
        let mut log = AuditLog::default();
        log.event("form start", 1000.0);
        log.page("/household", 1000.0);
        log.page("/household", 1500.0);
        log.page("/members[1]", 4000.0);
        log.event("form exit", 9000.0);
        log.event("form resume", 20000.0);
        log.page("/a,\"b\"", 20000.0);
        log.event("form finalize", 25000.0);
        assert_eq!(
            log.to_csv(),
            "event,node,start,end\n\
             form start,,1000,\n\
             group questions,/household,1000,4000\n\
             group questions,/members[1],4000,9000\n\
             form exit,,9000,\n\
             form resume,,20000,\n\
             group questions,\"/a,\"\"b\"\"\",20000,25000\n\
             form finalize,,25000,\n"
        );
        let json = serde_json::to_string(&log).unwrap();
        assert_eq!(serde_json::from_str::<AuditLog>(&json).unwrap(), log);
    }

    #[test]
    fn a_full_log_stops_growing() {
        let mut log = AuditLog::default();
        for i in 0..MAX_EVENTS + 5 {
            log.page(&format!("/p{}", i % 2), i as f64);
        }
        assert_eq!(log.events().len(), MAX_EVENTS);
        // The last recorded page is still closed by what comes after.
        assert_eq!(log.events()[MAX_EVENTS - 1].end_ms, Some(MAX_EVENTS as f64));
    }
}
