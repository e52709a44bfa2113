//! Applies a change of a question's state to its markup, in place: only what differs.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use xonadon_engine::NodeId;

use super::html::range_shown;
use super::state::{Control, Shown};

/// Applies the change from `old` to `new` to the question's markup (found by its id).
pub(super) fn update(node: NodeId, control: Control, old: &Shown, new: &Shown) {
    let Some(root) = document().get_element_by_id(&format!("node-{node}")) else {
        return;
    };
    let all = |selector: &str| -> Vec<web_sys::Element> {
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|k| list.item(k))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .collect()
    };
    let one = |selector: &str| root.query_selector(selector).ok().flatten();
    if let Some(path) = new.path.as_ref().filter(|&p| old.path.as_ref() != Some(p)) {
        let _ = root.set_attribute("data-path", path);
    }
    if old.relevant != new.relevant {
        let _ = root.toggle_attribute_with_force("hidden", !new.relevant);
    }
    if old.required != new.required {
        if let Some(mark) = one(":scope > .label > .required") {
            let _ = mark.toggle_attribute_with_force("hidden", !new.required);
        }
        for control in all("[aria-required]") {
            let _ = control.set_attribute("aria-required", &new.required.to_string());
        }
    }
    if old.read_only != new.read_only {
        for control in all("input, select, textarea") {
            let _ = control.toggle_attribute_with_force("disabled", new.read_only);
        }
    }
    if old.message != new.message {
        let _ = root
            .class_list()
            .toggle_with_force("invalid", new.message.is_some());
        let invalid = if new.message.is_some() {
            "true"
        } else {
            "false"
        };
        for control in all("[aria-invalid]") {
            let _ = control.set_attribute("aria-invalid", invalid);
        }
        let existing = document().get_element_by_id(&format!("q{node}-msg"));
        match (existing, &new.message) {
            (Some(p), Some(m)) => p.set_text_content(Some(m)),
            (Some(p), None) => p.remove(),
            (None, Some(m)) => {
                if let Ok(p) = document().create_element("p") {
                    p.set_class_name("message");
                    p.set_id(&format!("q{node}-msg"));
                    let _ = p.set_attribute("role", "alert");
                    p.set_text_content(Some(m));
                    let _ = root.append_child(&p);
                }
            }
            (None, None) => {}
        }
    }
    if old.value != new.value {
        show_value(&root, control, &new.value);
    }
}

/// Shows `value` in the widget, except in a field the worker is typing in.
pub(super) fn show_value(root: &web_sys::Element, control: Control, value: &str) {
    let input = || {
        root.query_selector("input")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    match control {
        Control::Field(field) => {
            let Ok(Some(element)) = root.query_selector("input, textarea") else {
                return;
            };
            let focused = document()
                .active_element()
                .is_some_and(|a| a.is_same_node(Some(&element)));
            if focused {
                return;
            }
            let shown = field.show(value);
            if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                if input.value() != shown {
                    input.set_value(&shown);
                }
            } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if area.value() != shown {
                    area.set_value(&shown);
                }
            }
        }
        Control::Choices { .. } => {
            let chosen: Vec<&str> = value.split_whitespace().collect();
            let Ok(list) = root.query_selector_all("input") else {
                return;
            };
            for k in 0..list.length() {
                if let Some(input) = list
                    .item(k)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.set_checked(chosen.contains(&input.value().as_str()));
                }
            }
        }
        Control::Select => {
            if let Some(select) = root
                .query_selector("select")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                select.set_value(value);
            }
        }
        Control::Acknowledge => {
            if let Some(input) = input() {
                input.set_checked(value == "OK");
            }
        }
        Control::Range => {
            if let Some(input) = input() {
                input.set_value(value);
            }
            if let Ok(Some(output)) = root.query_selector("output") {
                output.set_text_content(Some(&range_shown(value)));
            }
            if let Ok(Some(range)) = root.query_selector(".range") {
                let _ = range
                    .class_list()
                    .toggle_with_force("unset", value.is_empty());
            }
        }
        Control::Own | Control::Nothing => {}
    }
}
