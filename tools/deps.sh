#!/bin/sh
# Check the Debian build and test dependencies; `install` (or `check` as root)
# installs what is missing with apt-get, otherwise the exact command is printed.
mode=${1:-check}
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
[ -z "$missing" ] && exit 0
cmd="apt-get update && apt-get install -y$missing"
if [ "$(id -u)" = 0 ]; then
    echo "memtutor: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq$missing >/dev/null || {
        echo "memtutor: apt-get failed; run: $cmd" >&2; exit 1; }
    exit 0
fi
echo "memtutor: missing build dependencies:$missing" >&2
echo "run as root:  $cmd" >&2
exit 1
