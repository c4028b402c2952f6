#!/bin/sh
# The CPython profiles (issue 16): choosing one (--python, MEMTUTOR_PYTHON,
# the python3 on PATH, found without running it), refusing a bad choice with
# one line and exit 2, and the profile named by --version, trace and the
# status bar.  The numbers themselves are checked by tests/cpython (every
# case under every profile) and tests/lessons.
# usage: tests/profiles/run.sh MEMTUTOR
bin=${1:?usage: run.sh MEMTUTOR}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
pass=0; fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "     $2"; }

# expect NAME WANTED-STDOUT-LINE CMD...: stdout's first line is exactly that, exit 0
expect() {
    name=$1 want=$2; shift 2
    got=$("$@" 2>"$tmp/err" | head -n 1); rc=$?
    if [ "$got" = "$want" ] && [ ! -s "$tmp/err" ]; then ok "$name"; else bad "$name" "got '$got' (stderr: $(head -c 200 "$tmp/err"))"; fi
}
# refuse NAME WANTED-STDERR CMD...: exit 2, nothing on stdout, stderr exactly one line
refuse() {
    name=$1 want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; rc=$?
    if [ $rc = 2 ] && [ ! -s "$tmp/out" ] && [ "$(cat "$tmp/err")" = "$want" ]; then ok "$name"
    else bad "$name" "exit $rc, stderr '$(head -c 200 "$tmp/err")'"; fi
}

cat >"$tmp/v.py" <<'PY'
import sys, gc
print(sys.getsizeof('a'), gc.get_threshold()[0], sys.getrefcount(None) == 4294967295)
PY
unset MEMTUTOR_PYTHON
for v in 3.11 3.12 3.13; do
    expect "--version under --python $v" "memtutor 0.1.0 (the numbers of CPython $v, checked against $(
        case $v in 3.11) echo 3.11.7 ;; 3.12) echo 3.12.1 ;; 3.13) echo 3.13.0 ;; esac))" "$bin" --python "$v" --version
done
expect "exec --python 3.11" "50 700 False" "$bin" exec --python 3.11 "$tmp/v.py"
expect "exec --python=3.12 (after the script)" "42 700 True" "$bin" exec "$tmp/v.py" --python=3.12
expect "--python 3.13 before the command" "42 2000 True" "$bin" --python 3.13 exec "$tmp/v.py"
expect "MEMTUTOR_PYTHON=3.12" "42 700 True" env MEMTUTOR_PYTHON=3.12 "$bin" exec "$tmp/v.py"
expect "--python wins over MEMTUTOR_PYTHON" "50 700 False" env MEMTUTOR_PYTHON=3.13 "$bin" --python 3.11 exec "$tmp/v.py"

msg="memtutor: --python: expected 3.11, 3.12 or 3.13"
refuse "--python 3.14 refused" "$msg" "$bin" --python 3.14 exec "$tmp/v.py"
refuse "--python 3 refused" "$msg" "$bin" exec "$tmp/v.py" --python 3
refuse "--python 3.12.1 refused" "$msg" "$bin" --python 3.12.1 list
refuse "--python '' refused" "$msg" "$bin" --python= list
refuse "--python with no value" "memtutor: --python needs a value: 3.11, 3.12 or 3.13" "$bin" list --python
refuse "MEMTUTOR_PYTHON=2.7 refused" "memtutor: MEMTUTOR_PYTHON: expected 3.11, 3.12 or 3.13" \
    env MEMTUTOR_PYTHON=2.7 "$bin" exec "$tmp/v.py"

# the default: python3 on a PATH made here (fake interpreters that must
# never run: each one records that it did)
mkfake() { # DIR NAME
    mkdir -p "$1"
    printf '#!/bin/sh\necho ran >>%s/ran\n' "$tmp" >"$1/$2"
    chmod +x "$1/$2"
}
mkfake "$tmp/a/bin" python3.12; ln -s python3.12 "$tmp/a/bin/python3"
expect "default: python3 -> python3.12 on PATH" "42 700 True" env PATH="$tmp/a/bin:/usr/bin:/bin" "$bin" exec "$tmp/v.py"
mkfake "$tmp/b/bin" python3.11; ln -s python3.11 "$tmp/b/bin/python3"
expect "default: python3 -> python3.11 on PATH" "50 700 False" env PATH="$tmp/b/bin:$tmp/a/bin" "$bin" exec "$tmp/v.py"
mkfake "$tmp/venv/bin" python3; printf 'home = /x\nversion = 3.13.0\n' >"$tmp/venv/pyvenv.cfg"
expect "default: a venv's pyvenv.cfg" "42 2000 True" env PATH="$tmp/venv/bin:/usr/bin" "$bin" exec "$tmp/v.py"
mkfake "$tmp/pre/bin" python3; mkdir -p "$tmp/pre/lib/python3.12"
expect "default: lib/python3.12 beside bin/python3" "42 700 True" env PATH="$tmp/pre/bin" "$bin" exec "$tmp/v.py"
mkfake "$tmp/old/bin" python3.9; ln -s python3.9 "$tmp/old/bin/python3"
expect "default: python3.9 on PATH -> the newest profile" "42 2000 True" env PATH="$tmp/old/bin:$tmp/b/bin" "$bin" exec "$tmp/v.py"
expect "default: no python3 on PATH -> the newest profile" "42 2000 True" env PATH="$tmp/none" "$bin" exec "$tmp/v.py"
# a pyenv shim: PYENV_VERSION, then .python-version, then PYENV_ROOT/version
mkfake "$tmp/pyenv/shims" python3; echo 3.12.1 >"$tmp/pyenv/version"
expect "default: pyenv's global version" "42 700 True" env -u PYENV_VERSION PATH="$tmp/pyenv/shims" "$bin" exec "$tmp/v.py"
expect "default: PYENV_VERSION" "50 700 False" env PYENV_VERSION=3.11.7 PATH="$tmp/pyenv/shims" "$bin" exec "$tmp/v.py"
mkdir -p "$tmp/proj/sub"; echo 3.13.0 >"$tmp/proj/.python-version"
expect "default: a .python-version above the working directory" "42 2000 True" \
    sh -c "cd '$tmp/proj/sub' && env -u PYENV_VERSION PATH='$tmp/pyenv/shims' '$bin' exec '$tmp/v.py'"
echo system >"$tmp/pyenv/version"
expect "default: pyenv 'system': the next python3 on PATH" "50 700 False" \
    env -u PYENV_VERSION PATH="$tmp/pyenv/shims:$tmp/b/bin" "$bin" exec "$tmp/v.py"
if [ -e "$tmp/ran" ]; then bad "no python3 was run to find the default"; else ok "no python3 was run to find the default"; fi

# trace and the status bar name the profile
l=$("$bin" list | head -n 1 | cut -d' ' -f1)
if "$bin" --python 3.12 trace "$l" | head -n 1 | grep -q '"python":"3.12"'; then ok "trace names the profile"; else bad "trace names the profile"; fi
if MEMTUTOR_PYTHON=3.13 "$bin" render "$l" --step 1 | tail -n 1 | grep -q '· CPython 3.13 '; then ok "the status bar names 3.13"; else bad "the status bar names 3.13"; fi
if "$bin" render --python 3.11 "$l" --step 1 | tail -n 1 | grep -q 'CPython'; then bad "3.11's status bar as before (no profile shown)"; else ok "3.11's status bar as before (no profile shown)"; fi

# a lesson step's "versions": the entry of the profile in use replaces the
# step's expectations key by key; the others are checked, never applied
vlesson() { # VERSIONS-JSON
    printf '{"id":"t","title":"T","summary":"","source":["print(1+1)"],"steps":[{"line":1,"say":"s","expect":{"output":"2\\n"},"versions":%s}]}' \
        "$1" >"$tmp/vl.json"
}
vlesson '{"3.13": {"say": "under 3.13", "expect": {"output": "3\n"}}}'
if "$bin" --python 3.12 check "$tmp/vl.json" >/dev/null 2>&1; then ok "versions: another profile's entry is not applied"
else bad "versions: another profile's entry is not applied"; fi
"$bin" --python 3.13 check "$tmp/vl.json" >"$tmp/out" 2>&1; rc=$?
if [ $rc = 1 ] && grep -q 'expect.output: expected "3\\n"' "$tmp/out"; then ok "versions: the profile's own entry replaces the expectation"
else bad "versions: the profile's own entry replaces the expectation" "exit $rc: $(head -c 200 "$tmp/out")"; fi
vlesson '{"3.14": {"say": "x"}}'
refuse "versions: 3.14 refused" "memtutor: $tmp/vl.json: steps[0].versions[\"3.14\"]: expected a CPython version: 3.11, 3.12 or 3.13" \
    sh -c "'$bin' --python 3.12 check '$tmp/vl.json' >/dev/null"
vlesson '{"3.12": {"sey": "x"}}'
refuse "versions: an unknown key refused" "memtutor: $tmp/vl.json: steps[0].versions[\"3.12\"]: unknown key \"sey\" (did you mean \"say\"?)" \
    sh -c "'$bin' --python 3.11 check '$tmp/vl.json' >/dev/null"

# every built-in lesson passes check under every profile
for v in 3.11 3.12 3.13; do
    if "$bin" --python "$v" check >"$tmp/check" 2>&1; then ok "check: every lesson under $v"
    else bad "check: every lesson under $v" "$(grep -v '^ok' "$tmp/check" | head -n 5)"; fi
done

echo "profiles: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
