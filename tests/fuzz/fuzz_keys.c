/* libFuzzer target: the TUI's key handling on a headless screen
 * (app_keys_headless: the main loop's key path, drawing after each key, no
 * terminal).  The first byte picks the target (the lesson menu, a small
 * lesson with a question and a cycle, or a small script) and the canvas
 * size; each following byte is one key: the special keys (arrows, Enter,
 * Esc, Tab, Backspace, F1, a mouse click, a timeout that advances an
 * animation) or a character, so that the live prompt, the answer field, the
 * / search and the key table all get typed into. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char lesson_json[] =
    "{\"id\": \"fuzz-keys\", \"title\": \"Keys\", \"summary\": \"a small lesson for the key fuzzer\",\n"
    " \"source\": [\"import gc\", \"import sys\", \"a = [1, 2]\", \"b = a\", \"a.append(a)\",\n"
    "            \"del a\", \"d = {'k': b}\", \"print(len(b))\", \"del b, d\", \"gc.collect()\"],\n"
    " \"steps\": [{\"line\": 3, \"say\": \"a list\", \"ask\": {\"question\": \"count?\", \"answer\": \"sys.getrefcount(a)\"}},\n"
    "           {\"line\": 4, \"say\": \"an alias\", \"notes\": \"two names\"},\n"
    "           {\"line\": 5, \"say\": \"a cycle\"}, {\"line\": 6, \"say\": \"unbound\"},\n"
    "           {\"line\": 7, \"say\": \"a dict\"}, {\"line\": 8, \"say\": \"printed\"},\n"
    "           {\"line\": 9, \"say\": \"gone\"}, {\"line\": 10, \"say\": \"collected\"}]}\n";
static const char script_py[] =
    "class Node:\n    pass\nx = Node()\ny = Node()\nx.other = y\ny.other = x\ndel x, y\n"
    "L = [i * i for i in range(50)]\nfor i in range(3):\n    L.pop()\nprint(sum(L))\n";

static char lesson_path[64], script_path[64];

static void write_file(char *path, const char *tmpl, const char *text)
{
    snprintf(path, 64, "%s", tmpl);
    int fd = mkstemps(path, (int)strlen(strrchr(tmpl, '.')));
    if (fd < 0) abort();
    size_t n = strlen(text);
    if (write(fd, text, n) != (ssize_t)n) abort();
    close(fd);
}

static void cleanup(void)
{
    unlink(lesson_path);
    unlink(script_path);
}

static const ScreenKeyCode specials[] = {
    SK_UP, SK_DOWN, SK_LEFT, SK_RIGHT, SK_HOME, SK_END, SK_PGUP, SK_PGDN, SK_BACKSPACE,
    SK_DELETE, SK_ENTER, SK_TAB, SK_BTAB, SK_ESC, SK_F1, SK_MOUSE, SK_NONE, SK_RESIZE,
};
/* the characters the key table, the prompts and the search use */
static const char chars[] = "qhjklgGpP+-?/nNio.,xXsS0123456789 :#eEmMrRtTbBzZaA=[]()'\"_*";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!lesson_path[0]) {
        write_file(lesson_path, "/tmp/fuzz-keys-XXXXXX.json", lesson_json);
        write_file(script_path, "/tmp/fuzz-keys-XXXXXX.py", script_py);
        atexit(cleanup);
    }
    if (size < 1 || size > 97) return 0;   /* at most 96 keys: steps re-run programs */
    int pick = data[0] % 3;
    const char *target = pick == 0 ? NULL : pick == 1 ? lesson_path : script_path;
    int cols = 30 + (data[0] / 3) % 8 * 15, rows = 8 + (data[0] / 24) % 6 * 7;
    int n = (int)size - 1;
    ScreenKey *keys = calloc((size_t)n + 1, sizeof *keys);
    if (!keys) return 0;
    for (int i = 0; i < n; i++) {
        uint8_t b = data[i + 1];
        ScreenKey *k = &keys[i];
        if (b < 2 * sizeof specials / sizeof specials[0]) {
            k->code = specials[b / 2];
            if (k->code == SK_MOUSE) {
                k->x = (b * 7) % cols;
                k->y = (b * 3) % rows;
                k->button = b & 1 ? 1 : 4 + (b & 2) / 2;
            }
        } else if (b < 64) {
            k->code = SK_CTRL;
            k->ch = (uint32_t)('a' + b % 26);
        } else if (b < 64 + sizeof chars - 1) {
            k->code = SK_CHAR;
            k->ch = (uint8_t)chars[b - 64];
        } else {
            k->code = SK_CHAR;
            k->ch = b >= 0xe0 ? 0x2500 + b : b;   /* some non-ASCII too */
        }
    }
    int st = app_keys_headless(target, keys, n, cols, rows);
    free(keys);
    if (st < 0 || st > 255) abort();
    return 0;
}
