#!/bin/sh
# Malformed lessons: `MEMTUTOR check FILE` must exit 2 with exactly the line in
# FILE's .expect (after "memtutor: ") as the last line of stderr. Then the
# schema: every built-in lesson must validate against lessons/lesson.schema.json
# and every bad lesson that is valid JSON must be rejected by it.
# Usage: sh tests/bad/run-lessons.sh ./memtutor    (from anywhere)
# Ends with "bad-lessons: N passed, N failed"; exit status 1 if any failed.

[ $# -ge 1 ] || { echo "usage: $0 MEMTUTOR" >&2; exit 2; }
case $1 in /*) memtutor=$1 ;; *) memtutor=$(pwd)/$1 ;; esac
cd "$(dirname "$0")/../.." || exit 2

pass=0; fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# check FILE EXPECTED-LINE: run the checker and compare stderr's last line
# and the exit status.
check() {
    file=$1; want="memtutor: $2"
    "$memtutor" check "$file" >/dev/null 2>"$tmp/stderr"; rc=$?
    got=$(tail -n 1 "$tmp/stderr")
    if [ "$rc" -eq 2 ] && [ "$got" = "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $file (exit $rc)"
        echo "  want: $want"
        echo "  got:  $got"
    fi
}

for f in tests/bad/lessons/*.json; do
    [ -e "$f" ] || continue
    exp=${f%.json}.expect
    if [ ! -f "$exp" ]; then
        echo "FAIL $f: no ${exp##*/}"; fail=$((fail + 1)); continue
    fi
    check "$f" "$(cat "$exp")"
done

# Cases too big to commit, generated here.
check "$tmp/no-such.json" "$tmp/no-such.json: no such file"
head -c 1048577 /dev/zero | tr '\0' ' ' > "$tmp/too-large.json"
check "$tmp/too-large.json" "$tmp/too-large.json: lesson too large (1048577 bytes, limit 1048576)"
head -c 3145728 /dev/zero | tr '\0' '[' > "$tmp/bomb.json"
start=$(date +%s)
check "$tmp/bomb.json" "$tmp/bomb.json: lesson too large (3145728 bytes, limit 1048576)"
# just under the limit: refused by the nesting limit, quickly and without a crash
head -c 1048575 /dev/zero | tr '\0' '[' > "$tmp/nesting-big.json"
check "$tmp/nesting-big.json" "$tmp/nesting-big.json:1:1001: nesting too deep (more than 1000 levels)"
head -c 1048575 /dev/zero | tr '\0' '{' > "$tmp/nesting-big-object.json"
check "$tmp/nesting-big-object.json" "$tmp/nesting-big-object.json:1:2: expected a key in double quotes, found '{'"
if [ $(( $(date +%s) - start )) -gt 5 ]; then
    echo "FAIL big inputs took more than 5 s"; fail=$((fail + 1))
else
    pass=$((pass + 1))
fi

# The schema. Bad lessons that are valid JSON but whose fault a JSON Schema
# cannot express are listed here (with the reason) and skipped:
#   duplicate-*              JSON parsers keep one of the repeated keys
#   line-outside*            the source's length is not visible to a schema
#   line-end-outside         (same)
#   line-end-before          a schema cannot compare two values
#   syntax-nul-escape        \u0000 is a valid JSON string character
schema_skip="duplicate-map duplicate-step duplicate-top line-outside line-outside-string-source
line-end-outside line-end-before syntax-nul-escape"

if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
    SKIP="$schema_skip" /usr/bin/python3 - > "$tmp/schema.out" <<'EOF'
import glob, json, os
import jsonschema

skip = set(os.environ["SKIP"].split())
schema = json.load(open("lessons/lesson.schema.json", encoding="utf-8"))
try:
    jsonschema.Draft202012Validator.check_schema(schema)
    print("PASS lessons/lesson.schema.json is a valid draft 2020-12 schema")
except jsonschema.SchemaError as e:
    print("FAIL lessons/lesson.schema.json:", e.message)
validator = jsonschema.Draft202012Validator(schema)

def load(path):
    with open(path, "rb") as f:
        return json.loads(f.read().decode("utf-8"))

builtin = sorted(glob.glob("lessons/*.json"))
builtin = [p for p in builtin if not p.endswith("lesson.schema.json")]
if not builtin:
    print("SKIP no built-in lessons yet")
for p in builtin:
    try:
        errors = sorted(validator.iter_errors(load(p)), key=lambda e: list(e.path))
    except ValueError as e:
        print("FAIL %s: not JSON: %s" % (p, e))
        continue
    if errors:
        print("FAIL %s: schema rejects it: %s: %s" % (p, "/".join(map(str, errors[0].path)), errors[0].message))
    else:
        print("PASS %s validates" % p)

for p in sorted(glob.glob("tests/bad/lessons/*.json")):
    name = os.path.basename(p)[:-5]
    if name in skip:
        print("SKIP %s: listed (the schema cannot express it)" % p)
        continue
    try:
        doc = load(p)
    except (ValueError, UnicodeDecodeError, RecursionError):
        continue  # not JSON: the syntax tests above cover it
    if validator.is_valid(doc):
        print("FAIL %s: the schema accepts a lesson the loader refuses" % p)
    else:
        print("PASS %s rejected by the schema" % p)
EOF
    grep -E '^(FAIL|SKIP)' "$tmp/schema.out"
    p=$(grep -c '^PASS' "$tmp/schema.out"); f=$(grep -c '^FAIL' "$tmp/schema.out")
    pass=$((pass + p)); fail=$((fail + f))
    [ "$p" -gt 0 ] || { echo "FAIL schema check did not run"; fail=$((fail + 1)); }
else
    echo "SKIP schema check: python3 jsonschema not installed (apt install python3-jsonschema)"
fi

echo "bad-lessons: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
