#!/usr/bin/env bash
# Rebuilds this folder from the XLSForm corpus (crates/xlsform/tests/corpus.rs): each
# workbook converted to an XForm by pyxform 4.5.0 (`convert(validate=False)`, i.e.
# `xls2xform --skip_validate`), beside its script and expectations; the data files the
# workbooks read go to data/. Run from the workspace root:
#   crates/xform/tests/forms/regenerate.sh [PYTHON-WITH-PYXFORM]
set -euo pipefail
python=${1:-/work/tools/oracle/.venv/bin/python}
here=crates/xform/tests/forms
corpus=${CARGO_TARGET_DIR:-target}/xlsform-corpus
cargo test -q -p xonadon-xlsform --test corpus
rm -f "$here"/xls_*.xml "$here"/xls_*.script.json "$here"/xls_*.expect.json "$here"/data/*
mkdir -p "$here/data"
for book in "$corpus"/*.xlsx "$corpus"/*/*.xlsx; do
  dir=$(dirname "$book")
  name=$(basename "$book" .xlsx)
  "$python" -c '
import sys
from pyxform.xls2xform import convert
open(sys.argv[2], "w").write(convert(xlsform=sys.argv[1], validate=False, pretty_print=True).xform)
' "$book" "$here/$name.xml"
  for f in script expect; do
    [ -f "$dir/$name.$f.json" ] && cp "$dir/$name.$f.json" "$here/"
  done
  find "$dir" -maxdepth 1 -type f \( -name '*.csv' -o -name '*.geojson' -o \( -name '*.xml' ! -name 'xls_*' \) \) -exec cp {} "$here/data/" \;
done
