#!/usr/bin/env python3
"""The hostile inputs of issue 13, made and measured: each is given to the release CLI
(`xonadon check` for form JSON, `import` for workbooks, XForms and the choices files beside
them, `export --format json` for bundles) under /usr/bin/time -v, and a Markdown table row
is printed per input: its size, what it unpacks to, the exit code, the wall time, the peak
RSS and the first line the CLI printed. docs/fuzzing.md's bounds tables come from it.

    cargo build --release -p xonadon-cli && python3 fuzz/hostile.py [DIR]

Standard library only; DIR (default a temporary folder) receives about 1 GB of files."""
import hashlib, io, json, os, pathlib, re, subprocess, sys, tempfile, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CLI = str(ROOT / "target" / "release" / "xonadon")
MB = 1 << 20


def cell(ref, text):
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(sheets, compress=zipfile.ZIP_DEFLATED):
    """A workbook of inline-string sheets: {name: iterable of rows (lists of texts, or raw
    '<row>' XML strings)}."""
    out = io.BytesIO()
    names = list(sheets)
    with zipfile.ZipFile(out, "w", compress) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + "".join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(names))) + "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + "".join(f'<sheet name="{n}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, n in enumerate(names)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(len(names))) + "</Relationships>")
        for i, n in enumerate(names):
            with z.open(f"xl/worksheets/sheet{i+1}.xml", "w", force_zip64=True) as f:
                f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                for r, row in enumerate(sheets[n]):
                    if isinstance(row, str):
                        f.write(row.encode())
                        continue
                    f.write(f'<row r="{r+1}">'.encode() + "".join(cell(f"{col(c)}{r+1}", t) for c, t in enumerate(row) if t).encode() + b"</row>")
                f.write(b"</sheetData></worksheet>")
    return out.getvalue()


HEAD = ["type", "name", "label"]


def bomb_rows():
    """A survey sheet unpacking to 1 GB: 1,024 rows of a 1 MB text each."""
    yield HEAD
    text = "y" * MB
    for r in range(1024):
        yield f'<row r="{r + 2}"><c r="C{r + 2}" t="inlineStr"><is><t>{text}</t></is></c></row>'


def form_json(survey):
    return json.dumps({"settings": {"form_id": "f"}, "survey": survey})


def bundle(forms, submissions):
    """A bundle with its sums right; `forms` a list, or the JSON text of one."""
    subs = [json.dumps(s, separators=(",", ":")) if not isinstance(s, str) else s for s in submissions]
    content = '{"forms":%s,"submissions":[%s]}' % (forms if isinstance(forms, str) else json.dumps(forms), ",".join(subs))
    ids = [(re.search(r'"instance_id":"([^"]*)"', s) or re.search("()", s)).group(1) for s in subs]
    manifest = {"exported_at_ms": 1.0, "device_id": "d",
                "content_sha256": hashlib.sha256(content.encode()).hexdigest(),
                "submissions": [{"instance_id": i, "sha256": hashlib.sha256(j.encode()).hexdigest()} for i, j in zip(ids, subs)]}
    return '{"format":"xonadon-bundle","version":1,"content":%s,"manifest":%s}' % (content, json.dumps(manifest))


SMALL_FORM = {"settings": {"form_id": "v", "version": "1"},
              "survey": [{"type": "text", "name": "a", "label": "A"}]}
FORM = {"form_id": "v", "version": "1", "title": "V", "definition": SMALL_FORM}


def sub(i, data):
    return {"instance_id": f"uuid:{i}", "form_id": "v", "form_version": "1", "data": data,
            "started_at_ms": 1.0, "finalized_at_ms": 2.0, "enumerator": "e", "device_id": "d",
            "title": None}


def deep_sub(depth):
    return ('{"instance_id":"uuid:deep","form_id":"v","form_version":"1","data":' + "[" * depth
            + "]" * depth + ',"started_at_ms":1,"finalized_at_ms":2,"enumerator":"e","device_id":"d","title":null}')


def cases(d):
    """(reader, case, command, files written) for every hostile input."""
    def w(name, data):
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode() if isinstance(data, str) else data)
        return str(p)

    s50 = "x" * (50 * MB)
    chain = " + ".join(["1"] * 100_000)
    yield "form JSON", "50 MB label", ["check", w("f/label50.json", form_json([{"type": "text", "name": "a", "label": s50}]))]
    yield "form JSON", "100k-deep nesting (groups)", ["check", w("f/deep.json", '{"settings":{"form_id":"f"},"survey":' + '[{"type":"group","name":"g","children":' * 100_000 + "[]" + "}]" * 100_000 + "}")]
    yield "form JSON", "100k-term flat chain", ["check", w("f/chain.json", form_json([{"type": "calculate", "name": "c", "calculation": chain}]))]
    yield "form JSON", "wrong types", ["check", w("f/types.json", '{"settings":{"form_id":5},"survey":[{"type":"text","name":["a"],"label":{"en":7}},{"type":3}]}')]
    yield "form JSON", "50,000 questions", ["check", w("f/wide.json", form_json([{"type": "integer", "name": f"q{i}", "label": "Q", "relevant": f"${{q{i-1}}} > 1" if i else ""} for i in range(50_000)]))]

    yield "XLSForm", "cell at XFD1048576", ["import", w("x/far.xlsx", xlsx({"survey": [HEAD, ["text", "a", "A"], '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>']})), "--out", str(d / "x/far.json")]
    yield "XLSForm", "zip bomb (1 GB of one cell's text)", ["import", w("x/bomb.xlsx", xlsx({"survey": bomb_rows()})), "--out", str(d / "x/bomb.json")]
    yield "XLSForm", "1,000,000 rows", ["import", w("x/million.xlsx", xlsx({"survey": [HEAD] + [["note", f"n{i}", "N"] for i in range(1_000_000)]})), "--out", str(d / "x/million.json")]
    yield "XLSForm", "99,999 rows", ["import", w("x/rows.xlsx", xlsx({"survey": [HEAD] + [["note", f"n{i}", "N"] for i in range(99_999)]})), "--out", str(d / "x/rows.json")]
    yield "XLSForm", "50 MB cell", ["import", w("x/cell50.xlsx", xlsx({"survey": [HEAD, ["text", "a", s50]]})), "--out", str(d / "x/cell50.json")]
    yield "XLSForm", "50,000 nested groups", ["import", w("x/groups.xlsx", xlsx({"survey": [HEAD] + [["begin group", f"g{i}", "G"] for i in range(50_000)] + [["text", "a", "A"]] + [["end group"] for _ in range(50_000)]})), "--out", str(d / "x/groups.json")]
    yield "XLSForm", "100k-term flat chain", ["import", w("x/chain.xlsx", xlsx({"survey": [HEAD + ["calculation"], ["calculate", "c", "", chain]]})), "--out", str(d / "x/chain.json")]

    yield "XForm", "100k-deep nesting", ["import", w("m/deep.xml", '<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:head><model><instance><data id="f">' + "<g>" * 100_000 + "</g>" * 100_000 + "</data></instance></model></h:head><h:body/></h:html>"), "--out", str(d / "m/deep.json")]
    yield "XForm", "50 MB label", ["import", w("m/label50.xml", '<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:head><model><instance><data id="f"><a/></data></instance><bind nodeset="/data/a" type="string"/></model></h:head><h:body><input ref="/data/a"><label>' + s50 + "</label></input></h:body></h:html>"), "--out", str(d / "m/label50.json")]
    yield "XForm", "50,000 questions", ["import", w("m/wide.xml", '<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:head><model><instance><data id="f">' + "".join(f"<q{i}/>" for i in range(50_000)) + "</data></instance>" + "".join(f'<bind nodeset="/data/q{i}" type="int"/>' for i in range(50_000)) + "</model></h:head><h:body>" + "".join(f'<input ref="/data/q{i}"><label>Q</label></input>' for i in range(50_000)) + "</h:body></h:html>"), "--out", str(d / "m/wide.json")]
    yield "XForm", "100k-term flat chain", ["import", w("m/chain.xml", '<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:head><model><instance><data id="f"><c/></data></instance><bind nodeset="/data/c" type="string" calculate="' + chain + '"/></model></h:head><h:body/></h:html>'), "--out", str(d / "m/chain.json")]

    select = xlsx({"survey": [HEAD, ["select_one_from_file list.csv", "s", "S"]]})
    yield "choices CSV", "1,000,000 rows", ["import", w("c1/form.xlsx", select), "--out", str(d / "c1/form.json")] + [w("c1/list.csv", "name,label\n" + "".join(f"n{i},L{i}\n" for i in range(1_000_000)))][:0]
    yield "choices CSV", "1,000,001 rows", ["import", w("c1b/form.xlsx", select), "--out", str(d / "c1b/form.json")] + [w("c1b/list.csv", "name,label\n" + "".join(f"n{i},L{i}\n" for i in range(1_000_001)))][:0]
    yield "choices CSV", "50 MB cell", ["import", w("c2/form.xlsx", select), "--out", str(d / "c2/form.json")] + [w("c2/list.csv", "name,label\na," + s50 + "\n")][:0]
    xsel = xlsx({"survey": [HEAD, ["select_one_from_file list.xml", "s", "S"]]})
    yield "choices XML", "100k-deep nesting", ["import", w("c3/form.xlsx", xsel), "--out", str(d / "c3/form.json")] + [w("c3/list.xml", "<root>" + "<item>" * 100_000 + "</item>" * 100_000 + "</root>")][:0]
    gsel = xlsx({"survey": [HEAD, ["select_one_from_file list.geojson", "s", "S"]]})
    yield "choices GeoJSON", "100k-deep nesting", ["import", w("c4/form.xlsx", gsel), "--out", str(d / "c4/form.json")] + [w("c4/list.geojson", '{"type":"FeatureCollection","features":' + "[" * 100_000 + "]" * 100_000 + "}")][:0]
    yield "choices GeoJSON", "200,000 features", ["import", w("c5/form.xlsx", gsel), "--out", str(d / "c5/form.json")] + [w("c5/list.geojson", json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"id": f"i{i}", "title": "T"}} for i in range(200_000)]}))][:0]

    yield "bundle", "50 MB answer", ["export", "--format", "json", "--out", str(d / "b/o1.json"), w("b/answer50.json", bundle([FORM], [sub(1, {"a": s50})]))]
    yield "bundle", "100k-deep answer", ["export", "--format", "json", "--out", str(d / "b/o2.json"), w("b/deep.json", bundle([FORM], [deep_sub(100_000)]))]
    yield "bundle", "100k-deep form", ["export", "--format", "json", "--out", str(d / "b/o3.json"), w("b/deepform.json", bundle("[" * 100_000 + "]" * 100_000, []))]
    yield "bundle", "100,000 submissions", ["export", "--format", "json", "--out", str(d / "b/o4.json"), w("b/many.json", bundle([FORM], [sub(i, {"a": "x" * 100}) for i in range(100_000)]))]
    yield "bundle", "wrong types", ["export", "--format", "json", "--out", str(d / "b/o5.json"), w("b/types.json", bundle([FORM], ['{"instance_id":7,"form_id":"v"}']))]


def measure(args):
    r = subprocess.run(["/usr/bin/time", "-v", CLI] + args, capture_output=True, text=True, errors="replace")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) // 1024
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", r.stderr).group(1)
    m, s = wall.split(":")[-2:]
    out = [l for l in (r.stdout + r.stderr.split("\tCommand being timed")[0]).splitlines() if l.strip()]
    return r.returncode, float(m) * 60 + float(s), rss, (out[0][:110] if out else "")


def inputs(args):
    """The files a command reads (not the one after `--out`)."""
    return [pathlib.Path(a) for i, a in enumerate(args)
            if pathlib.Path(a).is_file() and (i == 0 or args[i - 1] != "--out")]


def size_of(args):
    files = inputs(args)
    total = sum(f.stat().st_size for f in files)
    for f in files:
        for other in f.parent.iterdir():
            if other.suffix in (".csv", ".geojson") or other.name == "list.xml":
                total += other.stat().st_size
    return total


def main():
    d = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(tempfile.mkdtemp())
    print("| reader | input | file(s) | exit | time | peak RSS | says |")
    print("|---|---|---|---|---|---|---|")
    only = os.environ.get("HOSTILE_ONLY", "")  # measure only the inputs whose names hold it
    for reader, case, args in cases(d):
        if only not in f"{reader} {case}":
            continue
        size = size_of(args)
        code, secs, rss, says = measure(args)
        print(f"| {reader} | {case} | {size / MB:.1f} MB | {code} | {secs:.1f} s | {rss} MB | {says.replace('|', '/')} |", flush=True)
        for a in args:
            p = pathlib.Path(a)
            if p.is_file():
                for f in p.parent.iterdir():
                    f.unlink()


if __name__ == "__main__":
    main()
