#!/usr/bin/env python3
"""Convert the peer benchmark's neutral form (spec.json, written by peers/gen/generate.py) into
Xonadon's JSON form format (docs/form-format.md).

The result has the same names, the same group / repeat structure, types, relevance,
constraints, calculations and choices as the XLSForm the generator writes (form.xlsx), so an
answer-plan xpath such as /data/members[3]/m_age is our path /members[3]/m_age.

Usage: convert.py SPEC.json [OUT.json]        (default OUT: xonadon.json next to SPEC.json)
       convert.py --all FORMS_DIR             (every FORMS_DIR/*/spec.json)
Standard library only.
"""
import glob
import json
import os
import sys


def cond(c):
    """The generator's neutral condition as an XLSForm expression (as its xls_cond writes it)."""
    r = "${" + c["ref"] + "}"
    op = c["op"]
    if op == "eq":
        return f"{r} = '{c['value']}'"
    if op == "in":
        return " or ".join(f"{r} = '{v}'" for v in c["values"])
    if op == "selected":
        return f"selected({r}, '{c['value']}')"
    if op == "gt":
        return f"{r} > {c['value']}"
    if op == "lt":
        return f"{r} < {c['value']}"
    if op == "notempty":
        return f"{r} != ''"
    if op == "between":
        return f"{r} >= {c['min']} and {r} <= {c['max']}"
    raise ValueError(f"unknown condition op {op!r}")


def calc(c):
    fn = c["calc"]["fn"]
    if fn == "count":
        return "count(${" + c["calc"]["repeat"] + "})"
    if fn == "sum":
        return "sum(${" + c["calc"]["field"] + "})"
    if fn == "flag":
        return f"if({cond(c['calc']['cond'])}, 1, 0)"
    raise ValueError(f"unknown calculation {fn!r}")


def question(item):
    t = item["type"]
    if t in ("select_one", "select_multiple"):
        t = f"{t} {item['list']}"
    elif t not in ("text", "integer"):
        raise ValueError(f"unknown question type {t!r}")
    q = {"type": t, "name": item["name"], "label": item.get("label", "")}
    if item.get("required"):
        q["required"] = True
    if item.get("relevant"):
        q["relevant"] = cond(item["relevant"])
    if item.get("constraint"):
        c = item["constraint"]
        q["constraint"] = f". >= {c['min']} and . <= {c['max']}"
        q["constraint_message"] = f"Must be between {c['min']} and {c['max']}"
    return q


def calculate(c):
    return {"type": "calculate", "name": c["name"], "calculation": calc(c)}


def convert(spec):
    m = spec["members"]
    note = spec["note"]
    survey = [
        {"type": "group", "name": "household", "label": "Household",
         "children": [question(i) for i in spec["household"]]},
        {"type": "repeat", "name": m["name"], "label": m["label"],
         "children": [question(i) for i in m["questions"]]
         + [calculate(c) for c in m["calculations"]]},
    ]
    survey += [calculate(c) for c in spec["calculations"]]
    # the generator writes `{hh_size}`; XLSForm (and we) write `${hh_size}`
    survey.append({"type": "note", "name": note["name"],
                   "label": note["label"].replace("{", "${")})
    survey += [question(i) for i in spec["child"]]
    for s in spec["sections"]:
        survey.append({"type": "group", "name": s["name"], "label": s["label"],
                       "children": [question(i) for i in s["questions"]]})
    return {
        "settings": {"form_id": spec["form_id"], "version": "1", "title": spec["title"]},
        "survey": survey,
        "choices": {name: [{"name": c["name"], "label": c["label"]} for c in items]
                    for name, items in spec["choices"].items()},
    }


def convert_file(src, dst=None):
    dst = dst or os.path.join(os.path.dirname(src), "xonadon.json")
    with open(src, encoding="utf-8") as f:
        spec = json.load(f)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(convert(spec), f, ensure_ascii=False, separators=(",", ":"))
    return dst


def main(argv):
    if len(argv) == 2 and argv[0] == "--all":
        specs = sorted(glob.glob(os.path.join(argv[1], "*", "spec.json")))
        if not specs:
            sys.exit(f"convert.py: no */spec.json under {argv[1]}")
        for s in specs:
            print(f"convert.py: {convert_file(s)}", file=sys.stderr)
    elif 1 <= len(argv) <= 2 and not argv[0].startswith("-"):
        print(f"convert.py: {convert_file(*argv)}", file=sys.stderr)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
