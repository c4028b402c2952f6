#!/bin/sh
# Output files: nothing the user owns is removed or overwritten.  record
# writes beside the destination and renames into place; it refuses to write
# over its input, follows a symlink, writes a FIFO or device straight to it,
# and a failure leaves whatever was at the -o path as it was.  No test here
# touches a real device: a private node (mknod, as root) or the test is
# skipped, and says so.
# Usage: sh tests/bad/run-files.sh ./memtutor
# Ends with "bad-files: N passed, N failed".
[ $# -ge 1 ] || { echo "usage: $0 MEMTUTOR" >&2; exit 2; }
case $1 in /*) memtutor=$1 ;; *) memtutor=$(pwd)/$1 ;; esac
pass=0; fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LIMIT=${HOSTILE_TIMEOUT:-120}
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$tmp/err" ] && sed 's/^/     | /' "$tmp/err" | head -n 5; return 0; }
mt() { timeout -s KILL "$LIMIT" "$memtutor" "$@" </dev/null 2>"$tmp/err"; }
# no temporary file left in DIR: only the names given
only() {  # only DIR NAME...
    d=$1; shift
    want=$(printf '%s\n' "$@" | sort)
    have=$(ls -A "$d" | sort)
    [ "$want" = "$have" ]
}

lesson=names-and-references
printf 'a = [1, 2]\nb = a\ndel a\n' > "$tmp/s.py"
cp "$tmp/s.py" "$tmp/s.orig"

# 1. record s.py -o s.py: refused, the script as it was
mkdir "$tmp/self"; cp "$tmp/s.py" "$tmp/self/s.py"
mt record "$tmp/self/s.py" -o "$tmp/self/s.py" >/dev/null; st=$?
if [ $st = 2 ] && cmp -s "$tmp/self/s.py" "$tmp/s.orig" && grep -q '^memtutor: .*input' "$tmp/err" &&
   only "$tmp/self" s.py; then ok "record s.py -o s.py: refused (exit 2), the script unchanged"
else bad "record s.py -o s.py: status $st, script $(cmp -s "$tmp/self/s.py" "$tmp/s.orig" && echo unchanged || echo OVERWRITTEN)"; fi
# the same file under another name (a hard link) is the input too
ln "$tmp/self/s.py" "$tmp/self/t.cast"
mt record "$tmp/self/s.py" -o "$tmp/self/t.cast" >/dev/null; st=$?
if [ $st = 2 ] && cmp -s "$tmp/self/s.py" "$tmp/s.orig"; then ok "record s.py -o (a hard link to s.py): refused"
else bad "record s.py -o (a hard link to s.py): status $st"; fi

# 2. a new file: written whole, nothing else left in the directory
mkdir "$tmp/new"
if mt record "$lesson" -o "$tmp/new/x.cast" && head -n 1 "$tmp/new/x.cast" | grep -q '"version": 2' &&
   only "$tmp/new" x.cast; then ok "record -o a new file: the cast, no temporary file left"
else bad "record -o a new file"; fi

# 3. an existing file: replaced whole, its mode kept
mkdir "$tmp/old"; echo old > "$tmp/old/x.cast"; chmod 640 "$tmp/old/x.cast"
if mt record "$lesson" -o "$tmp/old/x.cast" && head -n 1 "$tmp/old/x.cast" | grep -q '"version": 2' &&
   [ "$(stat -c %a "$tmp/old/x.cast")" = 640 ] && only "$tmp/old" x.cast; then
    ok "record -o an existing file: replaced, mode 640 kept"
else bad "record -o an existing file (mode $(stat -c %a "$tmp/old/x.cast"))"; fi

# 4. a symlink: followed; the link stays a link, the file it names is the cast
mkdir "$tmp/link"; echo old > "$tmp/link/real.cast"; ln -s real.cast "$tmp/link/l.cast"
if mt record "$lesson" -o "$tmp/link/l.cast" && [ -L "$tmp/link/l.cast" ] &&
   head -n 1 "$tmp/link/real.cast" | grep -q '"version": 2' && only "$tmp/link" l.cast real.cast; then
    ok "record -o a symlink: the link kept, its file written"
else bad "record -o a symlink: $(ls -l "$tmp/link" | tail -n +2 | tr '\n' ';')"; fi

# 5. a FIFO: written straight to (a reader gets the cast), still a FIFO
mkfifo "$tmp/fifo"
cat "$tmp/fifo" > "$tmp/fifo.out" &
reader=$!
if mt record "$lesson" -o "$tmp/fifo"; then st=0; else st=$?; fi
wait $reader
if [ $st = 0 ] && [ -p "$tmp/fifo" ] && head -n 1 "$tmp/fifo.out" | grep -q '"version": 2'; then
    ok "record -o a FIFO: written straight to it, the FIFO kept"
else bad "record -o a FIFO: status $st, $(ls -l "$tmp/fifo")"; fi

# 6. a device that fails every write: a private /dev/full (char 1,7), never the
#    machine's; the failure is reported (exit 2) and the node stays
if [ "$(id -u)" = 0 ] && mknod "$tmp/full" c 1 7 2>/dev/null; then
    mt record "$lesson" -o "$tmp/full" >/dev/null; st=$?
    if [ $st = 2 ] && [ -c "$tmp/full" ] && grep -q '^memtutor: .*write' "$tmp/err"; then
        ok "record -o a full device: exit 2, 'write failed', the node kept"
    else bad "record -o a full device: status $st, $(ls -l "$tmp/full" 2>&1)"; fi
else
    echo "skip record -o a full device: needs root to make a private device node"
fi

echo "bad-files: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
