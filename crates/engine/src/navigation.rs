//! How a filled form is cut into screens, and how far it has got. The same for every front
//! end, so it lives here; drawing the screens is the front end's business.
//!
//! Pages, in form order: each top-level group is a page (XLSForm's `field-list`: the whole
//! group on one screen, nested groups and repeats inline); consecutive top-level questions
//! outside any group share a page; a top-level repeat, or a top-level group that holds only a
//! repeat (besides notes and calculations), is a roster page (the list of its instances) followed by one
//! page per instance. Pages with nothing to show (not relevant, or only calculations) are left
//! out.

use crate::expr::NodeId;
use crate::form::{Kind, QuestionType};
use crate::instance::{Instance, ROOT};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A group, or top-level questions outside any group.
    Questions,
    /// A top-level repeat: its instances, to open, add and remove.
    Roster,
    /// One instance of a top-level repeat.
    Member,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub kind: PageKind,
    /// Stable across reloads (a path such as `/roster/members[2]`), to come back to the page.
    pub key: String,
    /// The group, repeat or instance the page shows; the root for loose questions.
    pub node: NodeId,
    /// What the page shows, in order: for a Questions page the group's children (or the loose
    /// questions), for a Member page the instance's children, for a Roster page the notes of
    /// its section and then the repeat (`node`).
    pub items: Vec<NodeId>,
}

/// Whether a node shows anything to the field worker.
pub fn is_visible(inst: &Instance, node: NodeId) -> bool {
    let n = inst.node(node);
    if !n.relevant {
        return false;
    }
    match &inst.form().element(n.elem).kind {
        Kind::Question(
            QuestionType::Calculate | QuestionType::Hidden | QuestionType::Metadata(_),
        ) => false,
        Kind::Question(_) => true,
        Kind::Repeat if !n.is_instance => true,
        Kind::Root | Kind::Group | Kind::Repeat => n.children.iter().any(|&c| is_visible(inst, c)),
    }
}

/// The roster page of a repeat (with the notes of its section) and the pages of its instances.
fn roster(inst: &Instance, repeat: NodeId, notes: Vec<NodeId>, out: &mut Vec<Page>) {
    if !inst.node(repeat).relevant {
        return;
    }
    let mut items = notes;
    items.push(repeat);
    out.push(Page {
        kind: PageKind::Roster,
        key: inst.path(repeat),
        node: repeat,
        items,
    });
    for &i in &inst.node(repeat).children {
        if is_visible(inst, i) {
            out.push(Page {
                kind: PageKind::Member,
                key: inst.path(i),
                node: i,
                items: inst.node(i).children.clone(),
            });
        }
    }
}

/// The repeat a group holds when it holds nothing else but notes (returned too) and
/// calculations: a roster section.
fn only_repeat(inst: &Instance, group: NodeId) -> Option<(NodeId, Vec<NodeId>)> {
    let mut found = None;
    let mut notes = Vec::new();
    for &c in &inst.node(group).children {
        let kind = &inst.form().element(inst.node(c).elem).kind;
        match kind {
            Kind::Repeat if found.is_none() => found = Some(c),
            Kind::Question(
                QuestionType::Calculate | QuestionType::Hidden | QuestionType::Metadata(_),
            ) => {}
            Kind::Question(QuestionType::Note) => notes.push(c),
            _ => return None,
        }
    }
    found.map(|r| (r, notes))
}

/// How groups become screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Every top-level group on one screen.
    #[default]
    Sections,
    /// A group without XLSForm's `field-list` appearance shows one question (or sub-group) per
    /// screen; `field-list` groups stay whole.
    OneQuestion,
}

pub fn pages(inst: &Instance) -> Vec<Page> {
    pages_with(inst, Layout::Sections)
}

pub fn pages_with(inst: &Instance, layout: Layout) -> Vec<Page> {
    let mut out = Vec::new();
    let mut loose: Vec<NodeId> = Vec::new();
    let flush = |loose: &mut Vec<NodeId>, out: &mut Vec<Page>| {
        if loose.iter().any(|&n| is_visible(inst, n)) {
            out.push(Page {
                kind: PageKind::Questions,
                key: inst.path(loose[0]),
                node: ROOT,
                items: std::mem::take(loose),
            });
        }
        loose.clear();
    };
    for &child in &inst.node(ROOT).children {
        let n = inst.node(child);
        let e = inst.form().element(n.elem);
        match e.kind {
            Kind::Question(_) => loose.push(child),
            Kind::Group => {
                flush(&mut loose, &mut out);
                if let Some((repeat, notes)) = only_repeat(inst, child).filter(|_| n.relevant) {
                    roster(inst, repeat, notes, &mut out);
                } else if layout == Layout::OneQuestion
                    && !e.appearance.as_deref().unwrap_or("").contains("field-list")
                {
                    for &c in n.children.iter().filter(|&&c| is_visible(inst, c)) {
                        out.push(Page {
                            kind: PageKind::Questions,
                            key: inst.path(c),
                            node: child,
                            items: vec![c],
                        });
                    }
                } else if is_visible(inst, child) && e.name != "meta" {
                    out.push(Page {
                        kind: PageKind::Questions,
                        key: inst.path(child),
                        node: child,
                        items: n.children.clone(),
                    });
                }
            }
            Kind::Repeat => {
                flush(&mut loose, &mut out);
                roster(inst, child, Vec::new(), &mut out);
            }
            Kind::Root => {}
        }
    }
    flush(&mut loose, &mut out);
    out
}

/// Relevant questions the field worker answers, and how many of them have an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub answered: u32,
    pub total: u32,
}

pub fn progress(inst: &Instance) -> Progress {
    let mut p = Progress::default();
    for n in inst.walk() {
        let node = inst.node(n);
        let answerable = inst
            .form()
            .element(node.elem)
            .question_type()
            .is_some_and(|q| q.is_input());
        if node.relevant && answerable {
            p.total += 1;
            if !node.value.is_empty() {
                p.answered += 1;
            }
        }
    }
    p
}

/// The question on `page` that keeps the worker from moving on, as ODK Collect does on
/// swiping forward: the first (in form order) whose constraint is broken, or, when the form
/// (`settings.required_before_next`) or `device_asks` (the device's setting) wants it, that is
/// required and unanswered. A roster page checks only its own notes: each member is checked on
/// its own page.
pub fn blocking(inst: &Instance, page: &Page, device_asks: bool) -> Option<crate::Violation> {
    let required = device_asks || inst.form().settings.required_before_next;
    let on_page = |node: NodeId| {
        let mut n = Some(node);
        while let Some(id) = n {
            if page.items.contains(&id) {
                return !(page.kind == PageKind::Roster && id == page.node);
            }
            if id == page.node && page.kind == PageKind::Member {
                return true;
            }
            n = inst.node(id).parent;
        }
        false
    };
    inst.violations()
        .into_iter()
        .find(|v| (v.kind == crate::ViolationKind::Constraint || required) && on_page(v.node))
}

/// The roster whose last member `pages[index]` is, when the worker adds members by hand
/// (no `repeat_count`): "Next" there asks "add another?", as ODK Collect does at a repeat's end.
pub fn ends_roster(inst: &Instance, pages: &[Page], index: usize) -> Option<NodeId> {
    let page = pages.get(index)?;
    if page.kind != PageKind::Member {
        return None;
    }
    let repeat = inst.node(page.node).parent?;
    let next_is_member = pages
        .get(index + 1)
        .is_some_and(|p| p.kind == PageKind::Member && inst.node(p.node).parent == Some(repeat));
    let counted = inst
        .form()
        .element(inst.node(repeat).elem)
        .repeat_count
        .is_some();
    (!next_is_member && !counted).then_some(repeat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load, FixedHost};
    use std::sync::Arc;

    #[test]
    fn the_last_member_of_a_roster_filled_by_hand_ends_it() {
        let form = load(
            &serde_json::json!({
                "settings": {"form_id": "t"},
                "survey": [
                    {"type": "repeat", "name": "m", "label": "M", "children": [
                        {"type": "text", "name": "x", "label": "X"}]},
                    {"type": "integer", "name": "n", "label": "N"},
                    {"type": "repeat", "name": "c", "label": "C", "repeat_count": "${n}",
                     "children": [{"type": "text", "name": "y", "label": "Y"}]},
                    {"type": "note", "name": "end", "label": "End"}
                ]
            })
            .to_string(),
        )
        .unwrap();
        let mut inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
        let m = inst.find("/m").unwrap();
        inst.add_repeat(m, None).unwrap();
        inst.add_repeat(m, None).unwrap();
        inst.set_value(inst.find("/n").unwrap(), "1").unwrap();
        let all = pages(&inst);
        let at = |key: &str| all.iter().position(|p| p.key == key).unwrap();
        assert_eq!(ends_roster(&inst, &all, at("/m")), None, "the roster page");
        assert_eq!(
            ends_roster(&inst, &all, at("/m[1]")),
            None,
            "another member follows"
        );
        let last = all.iter().rposition(|p| p.key.starts_with("/m[")).unwrap();
        assert!(last > at("/m[1]"));
        assert_eq!(ends_roster(&inst, &all, last), Some(m));
        assert_eq!(ends_roster(&inst, &all, at("/c[1]")), None, "counted");
        assert_eq!(ends_roster(&inst, &all, at("/end")), None);
    }

    #[test]
    fn the_form_itself_can_ask_for_required_answers_before_next() {
        let form = load(
            &serde_json::json!({
                "settings": {"form_id": "t", "required_before_next": true},
                "survey": [{"type": "group", "name": "g", "label": "G", "children": [
                    {"type": "text", "name": "name", "label": "Name", "required": "yes"}]}]
            })
            .to_string(),
        )
        .unwrap();
        let inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
        let page = pages(&inst).into_iter().find(|p| p.key == "/g").unwrap();
        let blocked = blocking(&inst, &page, false).map(|v| v.path);
        assert_eq!(
            blocked.as_deref(),
            Some("/g/name"),
            "without the device's setting"
        );
    }

    #[test]
    fn a_broken_constraint_on_the_page_blocks_next_and_required_only_when_asked() {
        let form = load(
            &serde_json::json!({
                "settings": {"form_id": "t"},
                "survey": [
                    {"type": "group", "name": "g", "label": "G", "children": [
                        {"type": "text", "name": "name", "label": "Name", "required": "yes"},
                        {"type": "group", "name": "inner", "label": "Inner", "children": [
                            {"type": "integer", "name": "age", "label": "Age",
                             "constraint": ". < 120"}]}]},
                    {"type": "group", "name": "later", "label": "Later", "children": [
                        {"type": "integer", "name": "n", "label": "N", "constraint": ". > 0"}]},
                    {"type": "repeat", "name": "m", "label": "M", "children": [
                        {"type": "integer", "name": "x", "label": "X", "constraint": ". > 0"}]}
                ]
            })
            .to_string(),
        )
        .unwrap();
        let mut inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
        let page =
            |inst: &Instance, key: &str| pages(inst).into_iter().find(|p| p.key == key).unwrap();
        let blocked = |inst: &Instance, key: &str, required: bool| {
            blocking(inst, &page(inst, key), required).map(|v| v.path)
        };
        assert_eq!(blocked(&inst, "/g", false), None);
        assert_eq!(blocked(&inst, "/g", true).as_deref(), Some("/g/name"));
        inst.set_value(inst.find("/g/inner/age").unwrap(), "150")
            .unwrap();
        assert_eq!(blocked(&inst, "/g", false).as_deref(), Some("/g/inner/age"));
        assert_eq!(
            blocked(&inst, "/g", true).as_deref(),
            Some("/g/name"),
            "the first in form order"
        );
        assert_eq!(
            blocked(&inst, "/later", true),
            None,
            "another page's problem"
        );
        inst.set_value(inst.find("/g/inner/age").unwrap(), "40")
            .unwrap();
        assert_eq!(blocked(&inst, "/g", false), None);
        // A member's broken answer blocks its own page, not the roster's.
        let m = inst.find("/m").unwrap();
        inst.add_repeat(m, None).unwrap();
        inst.set_value(inst.find("/m[1]/x").unwrap(), "0").unwrap();
        assert_eq!(blocked(&inst, "/m", false), None);
        assert_eq!(blocked(&inst, "/m[1]", false).as_deref(), Some("/m[1]/x"));
    }

    #[test]
    fn groups_rosters_members_and_loose_questions() {
        let form = load(
            &serde_json::json!({
                "settings": {"form_id": "t"},
                "survey": [
                    {"type": "text", "name": "a", "label": "A"},
                    {"type": "text", "name": "b", "label": "B"},
                    {"type": "group", "name": "g", "label": "G", "children": [
                        {"type": "integer", "name": "n", "label": "N"}]},
                    {"type": "group", "name": "hidden", "label": "H", "relevant": "${n} > 5",
                     "children": [{"type": "text", "name": "h", "label": "H"}]},
                    {"type": "group", "name": "calc_only", "children": [
                        {"type": "calculate", "name": "c", "calculation": "1"}]},
                    {"type": "repeat", "name": "m", "label": "M", "children": [
                        {"type": "text", "name": "x", "label": "X"}]},
                    {"type": "group", "name": "rg", "label": "Roster", "children": [
                        {"type": "note", "name": "about", "label": "About the people"},
                        {"type": "repeat", "name": "people", "label": "P", "children": [
                            {"type": "text", "name": "y", "label": "Y"}]},
                        {"type": "calculate", "name": "np", "calculation": "count(${people})"}]},
                    {"type": "note", "name": "end", "label": "End"}
                ]
            })
            .to_string(),
        )
        .unwrap();
        let mut inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
        let keys =
            |inst: &Instance| -> Vec<String> { pages(inst).into_iter().map(|p| p.key).collect() };
        assert_eq!(
            keys(&inst),
            [
                "/a",
                "/g",
                "/m",
                "/m[1]",
                "/rg/people",
                "/rg/people[1]",
                "/end"
            ]
        );
        inst.set_value(inst.find("/g/n").unwrap(), "9").unwrap();
        let m = inst.find("/m").unwrap();
        inst.add_repeat(m, None).unwrap();
        assert_eq!(
            keys(&inst),
            [
                "/a",
                "/g",
                "/hidden",
                "/m",
                "/m[1]",
                "/m[2]",
                "/rg/people",
                "/rg/people[1]",
                "/end"
            ]
        );
        assert_eq!(pages(&inst)[0].items.len(), 2);
        assert_eq!(pages(&inst)[3].kind, PageKind::Roster);
        assert_eq!(pages(&inst)[4].kind, PageKind::Member);

        let p = progress(&inst);
        assert_eq!((p.answered, p.total), (1, 7));
    }

    #[test]
    fn one_question_per_screen_except_field_lists() {
        let form = load(
            &serde_json::json!({
                "settings": {"form_id": "t"},
                "survey": [
                    {"type": "group", "name": "g", "label": "G", "children": [
                        {"type": "text", "name": "a", "label": "A"},
                        {"type": "calculate", "name": "c", "calculation": "1"},
                        {"type": "text", "name": "b", "label": "B"}]},
                    {"type": "group", "name": "f", "label": "F", "appearance": "field-list",
                     "children": [
                        {"type": "text", "name": "x", "label": "X"},
                        {"type": "text", "name": "y", "label": "Y"}]}
                ]
            })
            .to_string(),
        )
        .unwrap();
        let inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
        let keys: Vec<String> = pages_with(&inst, Layout::OneQuestion)
            .into_iter()
            .map(|p| p.key)
            .collect();
        assert_eq!(keys, ["/g/a", "/g/b", "/f"]);
    }
}
