#!/bin/sh
# Check the Debian build and test dependencies; `install` (or `check` as root)
# installs what is missing with apt-get, otherwise the exact command is printed.
# `install`, and `check test` (make test), also try the optional test tools:
# chromium (the browser tests of tests/export) and xmllint; where they cannot
# be installed the tests that need them say so and are skipped.
mode=${1:-check}
want_optional=
[ "$mode" = install ] || [ "${2:-}" = test ] && want_optional=1
optional=""
if [ -n "$want_optional" ]; then
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || optional="$optional chromium"
    command -v xmllint  >/dev/null 2>&1 || optional="$optional libxml2-utils"
fi
# install_optional: best effort, never a reason to fail
install_optional() {
    [ -n "$optional" ] || return 0
    if [ "$(id -u)" != 0 ]; then
        echo "memtutor: optional test tools missing:$optional (their tests are skipped);" \
             "as root: apt-get install -y$optional" >&2
        return 0
    fi
    echo "memtutor: installing the optional test tools:$optional"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$optional >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$optional >/dev/null 2>&1; } ||
        echo "memtutor: could not install$optional: the tests that need them will be skipped" >&2
    return 0
}
missing=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
have_pc ncursesw || missing="$missing libncurses-dev"
have_pc libcjson || missing="$missing libcjson-dev"
have_pc cmocka   || missing="$missing libcmocka-dev"
command -v python3  >/dev/null 2>&1 || missing="$missing python3"
command -v tmux     >/dev/null 2>&1 || missing="$missing tmux"
command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
command -v asciinema >/dev/null 2>&1 || missing="$missing asciinema"
command -v script   >/dev/null 2>&1 || missing="$missing bsdutils"
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || missing="$missing python3-jsonschema"
[ -z "$missing" ] && { install_optional; exit 0; }
cmd="apt-get update && apt-get install -y$missing"
if [ "$(id -u)" = 0 ]; then
    echo "memtutor: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq$missing >/dev/null || {
        echo "memtutor: apt-get failed; run: $cmd" >&2; exit 1; }
    install_optional
    exit 0
fi
echo "memtutor: missing build dependencies:$missing" >&2
echo "run as root:  $cmd" >&2
exit 1
