#!/usr/bin/env python3
"""Check the converted forms without a browser (run with the harness's venv for the xlsx part):

1. xonadon.json has the same elements, types, labels, relevance, constraints, required flags,
   calculations and choices as the generator's form.xlsx (needs openpyxl; skipped without it);
2. `xonadon check` finds no errors;
3. every answer plan (answers-K*.json) run through `xonadon run` gives the generator's expected
   hh_size, n_children, n_school_age and relevant_questions.

Usage: check.py FORMS_DIR [XONADON_BIN]     e.g. .venv/bin/python engines/xonadon/check.py out/site/forms
XONADON_BIN defaults to /work/main/target/release/xonadon (cargo build --release -p xonadon-cli).
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

QUESTION_TYPES = ("text", "integer", "select_one", "select_multiple")


def elements(items, out):
    for e in items:
        out[e["name"]] = e
        elements(e.get("children", []), out)
    return out


def compare_xlsx(d, form):
    try:
        from openpyxl import load_workbook
    except ImportError:
        return "skipped (no openpyxl)"
    wb = load_workbook(os.path.join(d, "form.xlsx"))
    rows = list(wb["survey"].iter_rows(values_only=True))
    xls = {}
    for r in rows[1:]:
        row = {k: v for k, v in zip(rows[0], r) if v not in (None, "")}
        if "name" in row:
            xls[row["name"]] = row
    ours = elements(form["survey"], {})
    bad = [f"names differ: {sorted(set(ours) ^ set(xls))}"] if set(ours) != set(xls) else []
    for name, row in xls.items():
        e = ours.get(name, {})
        if row["type"].replace("begin_", "") != e.get("type"):
            bad.append(f"{name}: type {row['type']} vs {e.get('type')}")
        for k in ("relevant", "constraint", "constraint_message", "calculation", "label"):
            if k == "label" and row["type"] == "calculate":
                continue
            if row.get(k, "") != e.get(k, ""):
                bad.append(f"{name}: {k} {row.get(k)!r} vs {e.get(k)!r}")
        if (row.get("required") == "yes") != bool(e.get("required")):
            bad.append(f"{name}: required")
    choices = {}
    for lst, name, label in list(wb["choices"].iter_rows(values_only=True))[1:]:
        choices.setdefault(lst, []).append({"name": name, "label": label})
    if choices != form["choices"]:
        bad.append("choices differ")
    return "ok" if not bad else "MISMATCH: " + "; ".join(bad[:5])


def main(forms_dir, xonadon):
    failed = False
    for d in sorted(glob.glob(os.path.join(forms_dir, "N*"))):
        path = os.path.join(d, "xonadon.json")
        with open(path) as f:
            form = json.load(f)
        x = compare_xlsx(d, form)
        c = subprocess.run([xonadon, "check", path], capture_output=True, text=True)
        print(f"{d}: vs form.xlsx {x}; xonadon check: {c.stdout.strip().splitlines()[-1]}")
        failed |= x.startswith("MISMATCH") or c.returncode != 0
        for plan_path in sorted(glob.glob(os.path.join(d, "answers-K*.json"))):
            with open(plan_path) as f:
                plan = json.load(f)
            # /data/members[3]/m_age -> /members[3]/m_age
            script = [{"add_repeat": "/" + plan["repeat"], "count": plan["k"] - 1}] + [
                {"set": "/" + a["xpath"].split("/", 2)[2], "value": a["value"]}
                for a in plan["answers"]]
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as t:
                json.dump(script, t)
            try:
                out = subprocess.run([xonadon, "run", path, "--script", t.name],
                                     capture_output=True, text=True, check=True).stdout
            finally:
                os.unlink(t.name)
            state = json.loads(out)
            got = {k: int(state[f"/{k}"]["value"]) for k in ("hh_size", "n_children", "n_school_age")}
            got["relevant_questions"] = sum(
                1 for v in state.values() if v["relevant"] and v["type"] in QUESTION_TYPES)
            ok = got == plan["expect"]
            failed |= not ok
            print(f"  {os.path.basename(plan_path)}: {'ok' if ok else 'MISMATCH'} {got}"
                  + ("" if ok else f" expected {plan['expect']}"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if not 2 <= len(sys.argv) <= 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else "/work/main/target/release/xonadon")
