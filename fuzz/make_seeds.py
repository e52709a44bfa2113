#!/usr/bin/env python3
"""Writes the seed corpora of the reader targets into fuzz/corpus/TARGET/ (run once, from the
repository; the output is committed). Standard library only. Small files: each target's seeds
are a few dozen KB in all, so the fuzzer starts from valid inputs of every kind it reads.

Needs the release CLI (`cargo build --release -p xonadon-cli`) for the workbook and the merged
bundle written by Xonadon's own code. Sealed bundles are made by `sealed_seed` below only if
given an age file: see docs/fuzzing.md."""
import hashlib, io, json, os, pathlib, shutil, subprocess, sys, tempfile, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
CLI = ROOT / "target" / "release" / "xonadon"
PYXFORM = pathlib.Path("/work/shared/pyxform-cases/cases")


def put(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def stored_zip(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts:
            z.writestr(name, data)
    return out.getvalue()


SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>type</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>label</t></is></c><c r="D1" t="inlineStr"><is><t>relevant</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>integer</t></is></c><c r="B2" t="inlineStr"><is><t>age</t></is></c><c r="C2" t="inlineStr"><is><t>Age</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>begin repeat</t></is></c><c r="B3" t="inlineStr"><is><t>m</t></is></c><c r="C3" t="inlineStr"><is><t>Members</t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>text</t></is></c><c r="B4" t="inlineStr"><is><t>n</t></is></c><c r="C4" t="inlineStr"><is><t>Name</t></is></c><c r="D4" t="inlineStr"><is><t>${age} &gt; 3</t></is></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>end repeat</t></is></c></row>
<row r="6"><c r="A6" t="n"><v>12.5</v></c><c r="XFD1048576" t="b"><v>1</v></c></row>
</sheetData></worksheet>"""

ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="survey">
<table:table-row><table:table-cell office:value-type="string"><text:p>type</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>label</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>select_one yn</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>ok</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>OK?</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
</table:table>
<table:table table:name="choices">
<table:table-row><table:table-cell office:value-type="string"><text:p>list_name</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>label</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>yn</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Yes</text:p></table:table-cell></table:table-row>
</table:table>
</office:spreadsheet></office:body></office:document-content>"""

ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"""


def ods():
    return stored_zip([
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", ODS_MANIFEST),
        ("content.xml", ODS_CONTENT),
    ])


def workbooks():
    # A few of pyxform's own cases (≈ 5 KB each): repeats, selects, external files, errors.
    for case in ["0002_test_other_controls_before__ok", "0546_test_select_one_external__ok",
                 "0574_test_names__group_same_as_group_in_same_context_in_repeat__error",
                 "1009_test_missing_survey_headers"]:
        f = PYXFORM / f"{case}.xlsx"
        if f.exists():
            put("xlsform_import", f"{case[:40]}.xlsx", f.read_bytes())
    put("xlsform_import", "tiny.ods", ods())
    # The workbook Xonadon writes itself, from a small form of the export tests.
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "visits.xlsx"
        subprocess.run([CLI, "xlsform", ROOT / "crates/export/tests/forms/visits.json",
                        "--out", out], check=True, capture_output=True)
        put("xlsform_import", "visits.xlsx", out.read_bytes())
        # Its first sheet's XML, wrapped again by workbook_xml.
        with zipfile.ZipFile(out) as z:
            put("workbook_xml", "visits_sheet1", b"\0" + z.read("xl/worksheets/sheet1.xml"))
    put("workbook_xml", "inline_far_cell", b"\0" + SHEET.encode())
    put("workbook_xml", "ods_content", b"\1" + ODS_CONTENT.encode())


def xforms():
    forms = ROOT / "crates/xform/tests/forms"
    # The smallest of the XForm test corpus, up to 30 KB in all.
    total = 0
    for f in sorted(forms.glob("*.xml"), key=lambda f: f.stat().st_size):
        total += f.stat().st_size
        if total > 30_000:
            break
        put("xform_import", f.name, f.read_bytes())
    put("xform_import", "deep.xml", "<h:html>" + "<g>" * 300 + "</g>" * 300 + "</h:html>")


def choice_files():
    data = ROOT / "crates/xform/tests/forms/data"
    for f in sorted(data.glob("*.csv")):
        put("choice_files", f.name, b"\0" + f.read_bytes())
    for f in sorted(data.glob("*.geojson")):
        put("choice_files", f.name, b"\2" + f.read_bytes())
    put("choice_files", "items.xml", b"\1" + b"""<?xml version="1.0"?>
<root><item><name>a</name><label>A &amp; B</label><region>n</region></item><item><name>b</name><label>B</label></item></root>""")
    put("choice_files", "bom_quotes.csv", b"\0\xef\xbb\xbfname,label,\"x\"\"y\"\n1,\"one, two\",\n2,two,3,4\n")


def bundle(forms, submissions, device="fuzz", at=1.0):
    """A bundle as BundleWriter writes it: the sums over the exact bytes."""
    subs = [json.dumps(s, separators=(",", ":"), ensure_ascii=False) for s in submissions]
    content = '{"forms":%s,"submissions":[%s]}' % (
        json.dumps(forms, separators=(",", ":"), ensure_ascii=False), ",".join(subs))
    manifest = {"exported_at_ms": at, "device_id": device,
                "content_sha256": hashlib.sha256(content.encode()).hexdigest(),
                "submissions": [{"instance_id": s["instance_id"],
                                 "sha256": hashlib.sha256(j.encode()).hexdigest()}
                                for s, j in zip(submissions, subs)]}
    return '{"format":"xonadon-bundle","version":1,"content":%s,"manifest":%s}' % (
        content, json.dumps(manifest, separators=(",", ":")))


def bundles():
    definition = json.loads((ROOT / "crates/export/tests/forms/visits.json").read_text())
    form = {"form_id": definition["settings"]["form_id"],
            "version": str(definition["settings"].get("version", "1")),
            "title": "Visits", "definition": definition}

    def sub(i, answer, review=None):
        s = {"instance_id": f"uuid:{i}", "form_id": form["form_id"],
             "form_version": form["version"], "data": {"answer": answer},
             "started_at_ms": 1.0, "finalized_at_ms": 2.0 + i, "enumerator": "E",
             "device_id": "t1", "title": None,
             "media": [{"name": "p.jpg", "mime": "image/jpeg", "base64": "/9j/AA=="}]}
        if review:
            s["review"] = review
        return s

    review = {"status": "approved", "comments": [
        {"at_ms": 5.0, "by": "S", "status": "approved", "text": "ok"}]}
    put("bundle_read", "two.json", bundle([form], [sub(1, "a"), sub(2, "b", review)]))
    put("bundle_read", "duplicate_conflict.json",
        bundle([form], [sub(1, "a"), sub(1, "a"), sub(1, "changed")]))
    put("bundle_read", "no_form.json", bundle([], [sub(3, "x")]))
    put("bundle_read", "empty.json", bundle([], []))
    # Merged and written back by Xonadon's own code.
    with tempfile.TemporaryDirectory() as tmp:
        src, out = pathlib.Path(tmp) / "in.json", pathlib.Path(tmp) / "out.json"
        src.write_text(bundle([form], [sub(1, "a"), sub(2, "b")]))
        r = subprocess.run([CLI, "export", "--format", "json", "--out", out, src],
                           capture_output=True)
        if r.returncode == 0:
            put("bundle_read", "merged_by_cli.json", out.read_bytes())


EXPRESSIONS = [
    "${a} + 1 > 2 and selected(${b}, 'x')",
    "if(count(${r}) > 0, sum(${r}/c) div 2, -1)",
    "concat('a', string(${a}), substr(${b}, 1, 2)) = 'a3x'",
    "instance('yn')/root/item[name = current()/../a]/label",
    "format-date(today(), '%Y-%m') != '' or regex(., '^[0-9]+$')",
    "coalesce(${b}, 'none') and position(..) mod 2 = 0",
]


def engine():
    # The form corpus' smallest forms and the export tests' forms, up to 30 KB in all.
    forms = sorted((ROOT / "crates/engine/tests/corpus").glob("*.form.json"),
                   key=lambda f: f.stat().st_size)
    total = 0
    for f in list((ROOT / "crates/export/tests/forms").glob("*.json")) + forms:
        total += f.stat().st_size
        if total > 30_000:
            break
        put("form_parser", f.name, f.read_bytes())
    for i, e in enumerate(EXPRESSIONS):
        put("expr_parser", f"e{i}", e)
        put("form_and_script", f"e{i}", e)


if __name__ == "__main__":
    for t in ["form_parser", "expr_parser", "form_and_script", "xlsform_import", "workbook_xml", "xform_import", "choice_files", "bundle_read"]:
        shutil.rmtree(CORPUS / t, ignore_errors=True)
    engine(); workbooks(); xforms(); choice_files(); bundles()
    for d in sorted(CORPUS.iterdir()):
        size = sum(f.stat().st_size for f in d.iterdir())
        print(f"{d.name}: {len(list(d.iterdir()))} files, {size // 1024} KB", file=sys.stderr)
