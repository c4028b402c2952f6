/* Teaching features (see teach.h): questions, the live prompt, the
 * inspector, notes and presenter mode, the menu's progress rows. */
#include "teach.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gc.h"
#include "interp.h"

void teach_init(Teach *t)
{
    memset(t, 0, sizeof *t);
}

static void edit_clear(LineEdit *e);

/* The last live failure the front end holds (the session keeps the rest). */
static void live_forget(Teach *t)
{
    free(t->live_src);
    free(t->live_error);
    free(t->live_tb);
    t->live_src = t->live_error = t->live_tb = NULL;
    t->show_tb = 0;
}

static void lines_clear(Teach *t)
{
    for (int i = 0; i < t->nlines; i++) free(t->lines[i].text);
    t->nlines = 0;
    t->cache_serial = 0;
}

void teach_close(Teach *t)
{
    for (int i = 0; i <= t->nsteps && t->reply; i++) free(t->reply[i]);
    free(t->reply);
    free(t->qstate);
    free(t->qok);
    t->reply = NULL;
    t->qstate = NULL;
    t->qok = NULL;
    t->nsteps = 0;
    edit_clear(&t->answer);
    t->prompt = 0;
    edit_clear(&t->live);
    sb_free(&t->pending);
    free(t->submit);
    t->submit = NULL;
    live_forget(t);
    for (int i = 0; i < t->nparas; i++) free(t->paras[i]);
    t->nparas = 0;
    t->inspecting = 0;
    lines_clear(t);
    free(t->lines);
    t->lines = NULL;
    t->lines_cap = 0;
}

void teach_free(Teach *t)
{
    teach_close(t);
    for (int i = 0; i < t->nhist; i++) free(t->hist[i]);
    free(t->hist);
    t->hist = NULL;
    t->nhist = t->hist_cap = t->hist_at = 0;
    free(t->script_matches);
    free(t->script_error);
    t->script_matches = t->script_error = NULL;
    progress_free(t->progress);
    t->progress = NULL;
    free(t->notice);
    t->notice = NULL;
}

/* Scripts (a lesson without steps) are not recorded in the progress file. */
static const char *progress_id(const Lesson *l) { return l && l->nsteps > 0 ? l->id : NULL; }

void teach_open(Teach *t, Session *s, const Lesson *l)
{
    teach_close(t);
    t->nsteps = session_nsteps(s);
    t->reply = xcalloc((size_t)t->nsteps + 1, sizeof(char *));
    t->qstate = xcalloc((size_t)t->nsteps + 1, 1);
    t->qok = xcalloc((size_t)t->nsteps + 1, 1);
    teach_stepped(t, s, l);
}

static const LessonStep *step_of(const Lesson *l, int k)
{
    if (!l || k <= 0 || k > l->nsteps) return NULL;
    return &l->steps[k - 1];
}

void teach_stepped(Teach *t, Session *s, const Lesson *l)
{
    int k = session_step(s);
    if (k > t->nsteps) return;
    const LessonStep *st = step_of(l, k);
    if (st && st->ask_question && t->qstate[k] == Q_NONE) {
        t->qstate[k] = Q_ASKING;
        edit_clear(&t->answer);
    }
    teach_play_stop(t, s);   /* a question left part way through its playing */
    t->inspect_scroll = 0;
    live_forget(t);
    if (t->progress && progress_id(l) && k > 0) {
        progress_reached(t->progress, progress_id(l), k, t->nsteps);
        StrBuf e = {0};
        progress_save(t->progress, &e);   /* best effort: a read-only home is no reason to stop */
        sb_free(&e);
    }
}

/* ------------------------------------------------------------- questions */

int teach_asking(const Teach *t, const Session *s)
{
    int k = session_step(s);
    return t->qstate && k > 0 && k <= t->nsteps && t->qstate[k] == Q_ASKING;
}

/* Compare an answer with the value's str(): blanks do not matter, and
 * True/False/None may be typed in any case. */
static void squeeze(const char *s, StrBuf *out)
{
    int quote = 0;
    for (; *s; s++) {
        if (!quote && isspace((unsigned char)*s)) continue;
        if (*s == '\'' || *s == '"') quote = quote == *s ? 0 : quote ? quote : *s;
        sb_putc(out, *s);
    }
    if (!out->s) sb_puts(out, "");
}

static int same_answer(const char *given, const char *want)
{
    StrBuf a = {0}, b = {0};
    squeeze(given, &a);
    squeeze(want, &b);
    int same = strcmp(a.s, b.s) == 0 || strcasecmp(a.s, b.s) == 0;
    /* a string value may be typed with or without its quotes */
    if (!same && a.len >= 2 && (a.s[0] == '\'' || a.s[0] == '"') && a.s[a.len - 1] == a.s[0])
        same = a.len - 2 == b.len && strncmp(a.s + 1, b.s, b.len) == 0;
    sb_free(&a);
    sb_free(&b);
    return same;
}

static void submit_answer(Teach *t, Session *s, const Lesson *l)
{
    int k = session_step(s);
    const LessonStep *st = step_of(l, k);
    if (!st || !st->ask_answer) return;
    StrBuf v = {0};
    int r = session_eval_at(s, k, st->ask_answer, &v);
    const char *want = v.s ? v.s : "";
    StrBuf reply = {0};
    int ok = r == 0 && same_answer(t->answer.buf, want);
    if (ok) sb_puts(&reply, "Correct");
    else if (r == 0) sb_printf(&reply, "Not quite: it is %s", want);
    else sb_printf(&reply, "(the answer does not evaluate: %s)", want);
    free(t->reply[k]);
    t->reply[k] = sb_take(&reply);
    t->qstate[k] = Q_ANSWERED;
    t->qok[k] = (unsigned char)ok;
    if (t->progress && progress_id(l)) {
        progress_answer(t->progress, progress_id(l), k, t->answer.buf, ok);
        StrBuf e = {0};
        progress_save(t->progress, &e);
        sb_free(&e);
    }
    sb_free(&v);
}

void teach_skip(Teach *t, Session *s, const Lesson *l)
{
    (void)l;
    if (!teach_asking(t, s)) return;
    t->qstate[session_step(s)] = Q_SKIPPED;
    edit_clear(&t->answer);
}

/* ------------------------------------------------------ playing questions */

/* "returns" for a call (sys.getrefcount(a)), "evaluates to" for the rest
 * (len(x) // 2). */
static int is_call(const char *e)
{
    size_t n = strspn(e, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.");
    if (n == 0 || e[n] != '(') return 0;
    int depth = 0;
    for (const char *p = e + n; *p; p++) {
        if (*p == '(') depth++;
        else if (*p == ')' && --depth == 0) return p[1] == '\0';
    }
    return 0;
}

int teach_play_pending(const Teach *t, const Session *s)
{
    int k = session_step(s);
    if (!t->qstate || k <= 0 || k > t->nsteps) return 0;
    QState q = (QState)t->qstate[k];
    return q == Q_ASKING || q == Q_PLAY_QUESTION || q == Q_PLAY_ANSWER;
}

int teach_play_advance(Teach *t, Session *s, const Lesson *l)
{
    int k = session_step(s);
    const LessonStep *st = step_of(l, k);
    if (!st || !st->ask_answer || !teach_play_pending(t, s)) return 0;
    switch ((QState)t->qstate[k]) {
    case Q_ASKING:
        t->qstate[k] = Q_PLAY_QUESTION;
        t->answer.len = 0;
        return 100;
    case Q_PLAY_QUESTION: {
        StrBuf v = {0}, reply = {0};
        int r = session_eval_at(s, k, st->ask_answer, &v);
        if (r == 0)
            sb_printf(&reply, "%s %s %s", st->ask_answer, is_call(st->ask_answer) ? "returns" : "evaluates to",
                      v.s ? v.s : "");
        else sb_printf(&reply, "(the answer does not evaluate: %s)", v.s ? v.s : "");
        free(t->reply[k]);
        t->reply[k] = sb_take(&reply);
        t->qok[k] = (unsigned char)(r == 0);
        t->qstate[k] = Q_PLAY_ANSWER;
        sb_free(&v);
        return 50;
    }
    case Q_PLAY_ANSWER: t->qstate[k] = Q_PLAY_SHOWN; return 100;
    default: return 0;
    }
}

void teach_play_stop(Teach *t, const Session *s)
{
    if (!s) return;
    int k = session_step(s);
    if (!t->qstate || k <= 0 || k > t->nsteps) return;
    if (t->qstate[k] == Q_PLAY_QUESTION) t->qstate[k] = Q_ASKING;   /* the learner may answer it */
    else if (t->qstate[k] == Q_PLAY_ANSWER) t->qstate[k] = Q_PLAY_SHOWN;
}

int teach_question_paras(Teach *t, const Session *s, const Lesson *l, ViewPara *p, int *n, int max)
{
    int k = session_step(s);
    const LessonStep *st = step_of(l, k);
    if (!st || !st->ask_question || !t->qstate || k > t->nsteps || *n + 6 > max) return 0;
    p[(*n)++] = (ViewPara){st->ask_question, STYLE_PROMPT | CF_BOLD, 0};
    switch ((QState)t->qstate[k]) {
    case Q_ASKING: {
        static char field[sizeof t->answer.buf + 16];
        snprintf(field, sizeof field, "answer: %.*s▏", t->answer.len, t->answer.buf);
        p[(*n)++] = (ViewPara){field, STYLE_PROMPT, 2};
        p[(*n)++] = (ViewPara){"Type a value, Enter to answer · s skips", STYLE_DIM, 2};
        return 1;
    }
    case Q_ANSWERED:
        p[(*n)++] = (ViewPara){t->reply[k], (t->qok[k] ? STYLE_OK : STYLE_ERROR) | CF_BOLD, 2};
        p[(*n)++] = (ViewPara){NULL, 0, 0};
        return 0;
    case Q_SKIPPED:
        p[(*n)++] = (ViewPara){"(skipped)", STYLE_DIM, 2};
        p[(*n)++] = (ViewPara){NULL, 0, 0};
        return 0;
    case Q_PLAY_QUESTION:
        p[(*n)++] = (ViewPara){"answer: …", STYLE_DIM, 2};
        return 1;
    case Q_PLAY_ANSWER:
    case Q_PLAY_SHOWN:
        p[(*n)++] = (ViewPara){t->reply[k], (t->qok[k] ? STYLE_OK : STYLE_ERROR) | CF_BOLD, 2};
        p[(*n)++] = (ViewPara){NULL, 0, 0};
        return t->qstate[k] == Q_PLAY_ANSWER;
    case Q_NONE: break;
    }
    return 0;
}

/* ------------------------------------------------------------ text input */

static void edit_clear(LineEdit *e)
{
    e->len = e->cur = 0;
    e->buf[0] = '\0';
}

/* The field holds s (cut at a character boundary if too long), the cursor
 * at its end. */
static void edit_set(LineEdit *e, const char *s)
{
    size_t n = strlen(s);
    if (n >= sizeof e->buf) {
        n = sizeof e->buf - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80) n--;
    }
    memcpy(e->buf, s, n);
    e->buf[n] = '\0';
    e->len = e->cur = (int)n;
}

static int edit_insert(LineEdit *e, const char *u, int n)
{
    if (e->len + n >= (int)sizeof e->buf) return 0;
    memmove(e->buf + e->cur + n, e->buf + e->cur, (size_t)(e->len - e->cur) + 1);
    memcpy(e->buf + e->cur, u, (size_t)n);
    e->len += n;
    e->cur += n;
    return 1;
}

/* The byte offsets of the character before / after offset i. */
static int prev_char(const LineEdit *e, int i)
{
    while (i > 0 && ((unsigned char)e->buf[--i] & 0xc0) == 0x80) {}
    return i;
}

static int next_char(const LineEdit *e, int i)
{
    if (i < e->len) i++;
    while (i < e->len && ((unsigned char)e->buf[i] & 0xc0) == 0x80) i++;
    return i;
}

/* Delete the bytes [from, to). */
static void edit_delete(LineEdit *e, int from, int to)
{
    if (to <= from) return;
    memmove(e->buf + from, e->buf + to, (size_t)(e->len - to) + 1);
    e->len -= to - from;
    if (e->cur >= to) e->cur -= to - from;
    else if (e->cur > from) e->cur = from;
}

/* Line editing as readline's defaults: characters insert at the cursor;
 * Left/Right (Ctrl-B/F), Home/End (Ctrl-A/E); Backspace (Ctrl-H) and Delete
 * (Ctrl-D) one character; Ctrl-U to the start, Ctrl-K to the end, Ctrl-W
 * the word before the cursor.  All by characters, never inside a UTF-8
 * sequence.  Returns 1 if the key was one of them. */
static int edit_key(LineEdit *e, const ScreenKey *k);

int teach_edit_key(LineEdit *e, const ScreenKey *k)
{
    /* a field edited at its end (the answer, the search field): characters,
     * Backspace (Delete as Backspace), Ctrl-U, Ctrl-W */
    e->cur = e->len;
    if (k->code == SK_DELETE) return edit_key(e, &(ScreenKey){.code = SK_BACKSPACE});
    if (k->code == SK_CHAR || k->code == SK_BACKSPACE || (k->code == SK_CTRL && (k->ch == 'u' || k->ch == 'w')))
        return edit_key(e, k);
    return 0;
}

static int edit_key(LineEdit *e, const ScreenKey *k)
{
    if (e->cur < 0 || e->cur > e->len) e->cur = e->len;
    switch (k->code) {
    case SK_CHAR: {
        StrBuf u = {0};
        sb_put_utf8(&u, k->ch);
        if (u.len) edit_insert(e, u.s, (int)u.len);
        sb_free(&u);
        return 1;
    }
    case SK_LEFT: e->cur = prev_char(e, e->cur); return 1;
    case SK_RIGHT: e->cur = next_char(e, e->cur); return 1;
    case SK_HOME: e->cur = 0; return 1;
    case SK_END: e->cur = e->len; return 1;
    case SK_BACKSPACE: edit_delete(e, prev_char(e, e->cur), e->cur); return 1;
    case SK_DELETE: edit_delete(e, e->cur, next_char(e, e->cur)); return 1;
    case SK_CTRL:
        switch (k->ch) {
        case 'a': e->cur = 0; return 1;
        case 'e': e->cur = e->len; return 1;
        case 'b': e->cur = prev_char(e, e->cur); return 1;
        case 'f': e->cur = next_char(e, e->cur); return 1;
        case 'h': edit_delete(e, prev_char(e, e->cur), e->cur); return 1;
        case 'd': edit_delete(e, e->cur, next_char(e, e->cur)); return 1;
        case 'u': edit_delete(e, 0, e->cur); return 1;
        case 'k': edit_delete(e, e->cur, e->len); return 1;
        case 'w': {
            int i = e->cur;
            while (i > 0 && (e->buf[i - 1] == ' ' || e->buf[i - 1] == '\t')) i--;
            while (i > 0 && e->buf[i - 1] != ' ' && e->buf[i - 1] != '\t') i--;
            edit_delete(e, i, e->cur);
            return 1;
        }
        default: return 0;
        }
    default: return 0;
    }
}

/* With an empty answer field, these keys keep their lesson meaning (step,
 * skip, notes, help...): an answer is a value, and values do not start
 * with them. */
static int lesson_char(uint32_t ch)
{
    return ch < 0x80 && strchr(" lhgGp+=-nqsiP:?#/o", (int)ch) != NULL;
}

/* Does the text typed so far need more lines?  As the REPL decides: 2 when
 * a line ends a compound statement's header (':'), whose block ends with an
 * empty line; 1 while a bracket or a triple-quoted string is open or a line
 * ends with a backslash; 0 when it is complete. */
static int needs_more(const char *t)
{
    int depth = 0, block = 0, backslash = 0;
    char last = 0;
    for (const char *p = t; *p; p++) {
        char c = *p;
        if (c == '#') {
            while (p[1] && p[1] != '\n') p++;
            continue;
        }
        if (c == '\'' || c == '"') {
            int triple = p[1] == c && p[2] == c;
            const char *q = p + (triple ? 3 : 1);
            while (*q) {
                if (*q == '\\' && q[1]) { q += 2; continue; }
                if (!triple && *q == '\n') break;   /* a one-line string left open: its error shows */
                if (*q == c && (!triple || (q[1] == c && q[2] == c))) break;
                q++;
            }
            if (!*q) return triple ? 1 : 0;
            last = c;
            p = *q == '\n' ? q - 1 : triple ? q + 2 : q;
            continue;
        }
        if (c == '\n') {
            if (depth <= 0 && last == ':') block = 1;
            backslash = last == '\\';
            last = 0;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        else if (c == ')' || c == ']' || c == '}') depth--;
        if (c != ' ' && c != '\t' && c != '\r') last = c;
    }
    if (depth <= 0 && last == ':') block = 1;
    if (last) backslash = last == '\\';
    if (block) return 2;
    return depth > 0 || backslash ? 1 : 0;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t') return 0;
    return 1;
}

static void hist_push(Teach *t, const char *line)
{
    if (blank(line) || (t->nhist && !strcmp(t->hist[t->nhist - 1], line))) return;
    if (t->nhist == t->hist_cap) {
        t->hist_cap = t->hist_cap ? t->hist_cap * 2 : 32;
        t->hist = xrealloc(t->hist, (size_t)t->hist_cap * sizeof(char *));
    }
    t->hist[t->nhist++] = xstrdup(line);
}

/* Up / Down at the prompt: the lines entered before, newest first. */
static void hist_move(Teach *t, int dir)
{
    if (dir < 0 && t->hist_at > 0) {
        if (t->hist_at == t->nhist) snprintf(t->hist_saved, sizeof t->hist_saved, "%s", t->live.buf);
        edit_set(&t->live, t->hist[--t->hist_at]);
    } else if (dir > 0 && t->hist_at < t->nhist) {
        t->hist_at++;
        edit_set(&t->live, t->hist_at == t->nhist ? t->hist_saved : t->hist[t->hist_at]);
    }
}

/* Enter at the prompt.  Returns 1 when a whole statement is ready in
 * t->submit. */
static int prompt_enter(Teach *t)
{
    const char *line = t->live.buf;
    hist_push(t, line);
    t->hist_at = t->nhist;
    int ready = 0;
    if (t->pending.len) {
        if (blank(line) && needs_more(t->pending.s) == 2) ready = 1;   /* the block's empty line */
        else {
            sb_puts(&t->pending, line);
            sb_putc(&t->pending, '\n');
            ready = needs_more(t->pending.s) == 0;
        }
    } else if (!blank(line)) {
        sb_puts(&t->pending, line);
        sb_putc(&t->pending, '\n');
        ready = needs_more(t->pending.s) == 0;
    }
    edit_clear(&t->live);
    if (!ready) return 0;
    while (t->pending.len && t->pending.s[t->pending.len - 1] == '\n') t->pending.s[--t->pending.len] = '\0';
    free(t->submit);
    t->submit = sb_take(&t->pending);
    return 1;
}

static void script_complete(Teach *t);

int teach_text_key(Teach *t, Session *s, const Lesson *l, const ScreenKey *k, int *submitted_live,
                   int *open_script)
{
    *submitted_live = 0;
    *open_script = 0;
    if (t->script_error) {
        /* the error pane: a key to go back to the menu, the rest ignored */
        if (k->code == SK_ESC || k->code == SK_ENTER || (k->code == SK_CHAR && k->ch == 'q')) {
            free(t->script_error);
            t->script_error = NULL;
        }
        return 1;
    }
    if (t->script_input) {
        if (k->code != SK_TAB) {
            free(t->script_matches);
            t->script_matches = NULL;
        }
        if (k->code == SK_ESC) { t->script_input = 0; return 1; }
        if (k->code == SK_ENTER) {
            t->script_input = 0;
            *open_script = t->script.len > 0;
            return 1;
        }
        if (k->code == SK_TAB) script_complete(t);
        else edit_key(&t->script, k);
        return 1;   /* the path field takes every key */
    }
    if (!s) return 0;
    if (t->prompt) {
        switch (k->code) {
        case SK_ESC:
            t->prompt = 0;
            sb_clear(&t->pending);
            edit_clear(&t->live);
            return 1;
        case SK_ENTER: *submitted_live = prompt_enter(t); return 1;
        case SK_UP: hist_move(t, -1); return 1;
        case SK_DOWN: hist_move(t, 1); return 1;
        case SK_TAB: edit_insert(&t->live, "    ", 4); return 1;
        case SK_CTRL:
            if (k->ch == 't') { t->show_tb = !t->show_tb; return 1; }
            break;
        default: break;
        }
        edit_key(&t->live, k);
        return 1;
    }
    if (teach_asking(t, s)) {
        if (k->code == SK_ENTER && t->answer.len > 0) {
            submit_answer(t, s, l);
            return 1;
        }
        if (k->code == SK_ESC && t->answer.len > 0) {
            edit_clear(&t->answer);
            return 1;
        }
        if (k->code == SK_CHAR && t->answer.len == 0 && lesson_char(k->ch)) return 0;
        if (k->code == SK_CHAR || (t->answer.len > 0 && (k->code == SK_BACKSPACE || k->code == SK_DELETE)) ||
            (k->code == SK_CTRL && (k->ch == 'u' || k->ch == 'w')))
            return teach_edit_key(&t->answer, k);
    }
    return 0;
}

int teach_take_count(Teach *t, const Session *s, const ScreenKey *k)
{
    if (!teach_asking(t, s) || k->code != SK_CHAR || (k->ch != 'G' && k->ch != 'g') || t->answer.len == 0 ||
        t->answer.len > 7 || strspn(t->answer.buf, "0123456789") != (size_t)t->answer.len)
        return 0;
    int n = atoi(t->answer.buf);
    t->answer.len = 0;
    t->answer.buf[0] = '\0';
    return n;
}

void teach_prompt_open(Teach *t)
{
    t->prompt = 1;
    edit_clear(&t->live);
    sb_clear(&t->pending);
    t->hist_at = t->nhist;
    t->show_tb = 0;
}

void teach_live_done(Teach *t, Session *s, int count_before, RunState r, const StrBuf *err, const StrBuf *tb)
{
    free(t->live_src);
    free(t->live_error);
    t->live_src = t->live_error = NULL;
    if (r != RUN_PAUSED && session_live_count(s) == count_before) {
        /* not kept by the session (it did not parse, or nothing runs any
         * more): the transcript shows it from here */
        t->live_src = t->submit;
        t->submit = NULL;
        t->live_error = xstrdup(err && err->s ? err->s : "");
    }
    free(t->submit);
    t->submit = NULL;
    free(t->live_tb);
    t->live_tb = r != RUN_PAUSED && tb && tb->len ? xstrdup(tb->s) : NULL;
    t->show_tb = 0;
}

/* How the bottom of the source pane is shared: rows for the prompt (its
 * "..." lines and the line being edited) and rows for the live statements
 * (at most half the pane), leaving at least one row of source. */
static int live_row_count(const Teach *t, Session *s)
{
    int n = session_live_count(s), rows = 0, last = -1;
    for (int i = 0; i < n; i++) {
        int step = 0;
        session_live_src(s, i, &step);
        if (t->live_expanded || step != last) rows++;
        last = step;
    }
    return rows;
}

static int pending_lines(const Teach *t)
{
    int n = 0;
    for (size_t i = 0; i < t->pending.len; i++) n += t->pending.s[i] == '\n';
    return n;
}

static int prompt_rows(const Teach *t, Rect r)
{
    int room = r.h - 3;   /* inside the border, one row kept for the source */
    if (!t->prompt || room <= 0) return 0;
    int p = 1 + (pending_lines(t) < 3 ? pending_lines(t) : 3);
    return p > room ? room : p;
}

static void source_split(const Teach *t, Session *s, Rect r, int *live_rows, int *prompt_rows_out)
{
    int room = r.h - 3;
    *prompt_rows_out = *live_rows = 0;
    if (room <= 0) return;
    int p = prompt_rows(t, r);
    int lr = live_row_count(t, s);
    int half = (r.h - 2) / 2;
    if (lr > half) lr = half;
    if (lr > room - p) lr = room - p;
    *prompt_rows_out = p;
    *live_rows = lr < 0 ? 0 : lr;
}

int teach_source_rows(const Teach *t, Session *s, Rect r)
{
    int lr, pr;
    source_split(t, s, r, &lr, &pr);
    return lr + pr;
}

/* One prompt row: prefix and text with the cursor mark at byte `cur`
 * (cur < 0: no cursor), scrolled so that the cursor stays in view. */
static void prompt_row(Canvas *c, int x, int y, int w, const char *prefix, const char *text, int cur, Style st)
{
    StrBuf b = {0};
    sb_puts(&b, prefix);
    size_t lead = b.len;
    if (cur >= 0) {
        sb_put(&b, text, (size_t)cur);
        sb_puts(&b, "▏");
        sb_puts(&b, text + cur);
    } else {
        sb_puts(&b, text);
    }
    /* drop characters after the prefix until the cursor fits */
    const char *mark = cur >= 0 ? strstr(b.s + lead + (size_t)cur, "▏") : NULL;
    size_t from = lead;
    while (mark) {
        StrBuf head = {0};
        sb_put(&head, b.s, lead);
        sb_put(&head, b.s + from, (size_t)(mark - (b.s + from)) + strlen("▏"));
        int fits = canvas_text_width(head.s) <= w;
        sb_free(&head);
        if (fits || from >= (size_t)(mark - b.s)) break;
        from++;
        while (from < b.len && ((unsigned char)b.s[from] & 0xc0) == 0x80) from++;
    }
    StrBuf show = {0};
    sb_put(&show, b.s, lead);
    sb_puts(&show, b.s + from);
    canvas_put_utf8_fit(c, x, y, show.s, w, st);
    sb_free(&show);
    sb_free(&b);
}

void teach_draw_prompt(const Teach *t, Canvas *c, Rect r)
{
    int p = prompt_rows(t, r);
    if (p <= 0) return;
    int y = r.y + r.h - 1 - p;
    Style st = STYLE_PROMPT | CF_REVERSE | CF_BOLD;
    /* the last pending lines, then the line being edited */
    int np = pending_lines(t), skip = np - (p - 1);
    const char *q = t->pending.s ? t->pending.s : "";
    for (int i = 0; i < np; i++) {
        const char *e = strchr(q, '\n');
        if (i >= skip) {
            char *line = xstrndup(q, (size_t)(e - q));
            canvas_fill(c, r.x + 1, y, r.w - 2, 1, ' ', st);
            prompt_row(c, r.x + 2, y, r.w - 4, i == 0 ? ">>> " : "... ", line, -1, st);
            free(line);
            y++;
        }
        q = e + 1;
    }
    canvas_fill(c, r.x + 1, y, r.w - 2, 1, ' ', st);
    prompt_row(c, r.x + 2, y, r.w - 4, np ? "... " : ">>> ", t->live.buf, t->live.cur, st);
    if (t->live.len == 0) {
        const char *hint = np ? "empty line: run it · Esc cancels" : "Esc closes · ↑↓ history";
        int hw = canvas_text_width(hint);
        if (hw + 12 < r.w - 4) canvas_put_utf8(c, r.x + r.w - 2 - hw, y, hint, STYLE_PROMPT | CF_REVERSE);
    }
}

/* The first line of a statement, with " …" when it has more. */
static void first_line(const char *src, StrBuf *out)
{
    const char *e = strchr(src, '\n');
    if (!e) { sb_puts(out, src); return; }
    sb_put(out, src, (size_t)(e - src));
    sb_puts(out, " …");
}

void teach_draw_live(const Teach *t, Session *s, Canvas *c, Rect r)
{
    int lr, pr;
    source_split(t, s, r, &lr, &pr);
    if (lr <= 0) return;
    /* the rows, newest last: one per step (its statements joined by " · "),
     * or one per statement when expanded; the last lr of them are shown */
    int n = session_live_count(s);
    int total = live_row_count(t, s), row = 0;
    int y = r.y + r.h - 1 - pr - lr;
    for (int i = 0; i < n;) {
        int step = 0;
        session_live_src(s, i, &step);
        int j = i + 1;
        if (!t->live_expanded)
            for (int st2 = 0; j < n && (session_live_src(s, j, &st2), st2 == step); j++) {}
        if (row++ >= total - lr) {
            StrBuf b = {0};
            sb_puts(&b, "» ");
            for (int k = i; k < j; k++) {
                if (k > i) sb_puts(&b, " · ");
                first_line(session_live_src(s, k, NULL), &b);
            }
            char tag[48];
            if (j - i > 1) snprintf(tag, sizeof tag, "%d live @%d", j - i, step);
            else snprintf(tag, sizeof tag, "live @%d", step);
            int tw = canvas_text_width(tag);
            canvas_fill(c, r.x + 1, y, r.w - 2, 1, ' ', STYLE_NORMAL);
            canvas_put_utf8_fit(c, r.x + 2, y, b.s, r.w - 5 - tw, STYLE_PROMPT | CF_BOLD);
            canvas_put_utf8(c, r.x + r.w - 2 - tw, y, tag, STYLE_DIM);
            sb_free(&b);
            y++;
        }
        i = j;
    }
}

/* The transcript's texts live until the next call. */
static const char *keep(Teach *t, StrBuf *b)
{
    if (t->nparas >= (int)(sizeof t->paras / sizeof t->paras[0])) {
        sb_free(b);
        return "";
    }
    return t->paras[t->nparas++] = sb_take(b);
}

static void as_typed(const char *src, StrBuf *out)
{
    sb_puts(out, ">>> ");
    for (const char *p = src; *p; p++) {
        sb_putc(out, *p);
        if (*p == '\n' && p[1]) sb_puts(out, "... ");
    }
}

void teach_live_paras(Teach *t, Session *s, ViewPara *p, int *n, int max)
{
    for (int i = 0; i < t->nparas; i++) free(t->paras[i]);
    t->nparas = 0;
    int k = session_step(s), nl = session_live_count(s);
    int first = nl, any_tb = t->live_tb != NULL;
    for (int i = nl - 1; i >= 0; i--) {
        int step = 0;
        session_live_src(s, i, &step);
        if (step != k) break;
        first = i;
    }
    int room = max - *n - 2 - (t->live_src || t->live_error ? 3 : 0) - 1;
    /* the newest statements that fit, three paragraphs each at most */
    while (first < nl && (nl - first) * 3 > room) first++;
    if (first == nl && !t->live_src && !t->live_error) return;
    p[(*n)++] = (ViewPara){NULL, 0, 0};
    for (int i = first; i < nl; i++) {
        const char *err = NULL, *tb = NULL;
        const char *out = session_live_result(s, i, &err, &tb);
        StrBuf b = {0};
        as_typed(session_live_src(s, i, NULL), &b);
        p[(*n)++] = (ViewPara){keep(t, &b), STYLE_PROMPT | CF_BOLD, 0};
        if (out && *out) {
            sb_puts(&b, out);
            while (b.len && b.s[b.len - 1] == '\n') b.s[--b.len] = '\0';
            p[(*n)++] = (ViewPara){keep(t, &b), STYLE_NUMBER, 0};
        }
        if (err) p[(*n)++] = (ViewPara){err, STYLE_ERROR | CF_BOLD, 0};
        any_tb |= tb != NULL;
    }
    if (t->live_src) {
        StrBuf b = {0};
        as_typed(t->live_src, &b);
        p[(*n)++] = (ViewPara){keep(t, &b), STYLE_PROMPT | CF_BOLD, 0};
    }
    if (t->live_error) p[(*n)++] = (ViewPara){t->live_error, STYLE_ERROR | CF_BOLD, 0};
    if (any_tb && *n < max) p[(*n)++] = (ViewPara){"t or Ctrl-T: the whole traceback", STYLE_DIM, 0};
}

/* The traceback to show: the last failure's, else that of the step's last
 * live statement that failed. */
static const char *traceback_of(const Teach *t, Session *s)
{
    if (t->live_tb) return t->live_tb;
    int k = session_step(s);
    for (int i = session_live_count(s) - 1; i >= 0; i--) {
        int step = 0;
        const char *tb = NULL;
        session_live_src(s, i, &step);
        if (step != k) break;
        session_live_result(s, i, NULL, &tb);
        if (tb) return tb;
    }
    return NULL;
}

/* A text shown line by line in a pane (no wrapping: a traceback's caret
 * must stay under its column), with a key hint at the bottom. */
static void text_pane(Canvas *c, Rect r, const char *title, const char *text, const char *hint)
{
    views_pane(c, r, title, true);
    int ih = r.h - 3, iw = r.w - 4;
    if (ih <= 0 || iw <= 0) return;
    canvas_fill(c, r.x + 1, r.y + 1, r.w - 2, r.h - 2, ' ', STYLE_NORMAL);
    int nl = 0;
    for (const char *q = text; *q; q++) nl += *q == '\n';
    if (*text && text[strlen(text) - 1] != '\n') nl++;
    int skip = nl > ih ? nl - ih : 0;   /* the end (the exception) stays in view */
    const char *q = text;
    for (int i = 0, y = r.y + 1; *q && y < r.y + 1 + ih; i++) {
        const char *e = strchr(q, '\n');
        size_t len = e ? (size_t)(e - q) : strlen(q);
        if (i >= skip) {
            char *line = xstrndup(q, len);
            int err = !e || !e[1];
            canvas_put_utf8_fit(c, r.x + 2, y++, line, iw, err ? (STYLE_ERROR | CF_BOLD) : STYLE_NORMAL);
            free(line);
        }
        if (!e) break;
        q = e + 1;
    }
    canvas_put_utf8_fit(c, r.x + 2, r.y + r.h - 2, hint, iw, STYLE_DIM);
}

int teach_draw_traceback(Teach *t, Session *s, Canvas *c, Rect r)
{
    const char *tb = t->show_tb ? traceback_of(t, s) : NULL;
    if (!tb) {
        t->show_tb = 0;
        return 0;
    }
    text_pane(c, r, "traceback", tb, t->prompt ? "Ctrl-T: back" : "t or Esc: back");
    return 1;
}

/* ------------------------------------------------------------- inspector */

uint32_t teach_next_object(const uint32_t *serials, int n, uint32_t cur, int dir)
{
    if (n <= 0) return 0;
    int at = -1;
    for (int i = 0; i < n; i++)
        if (serials[i] == cur) at = i;
    if (at < 0) return serials[dir < 0 ? n - 1 : 0];
    return serials[(at + (dir < 0 ? n - 1 : 1)) % n];
}

static void add_line(Teach *t, Style st, int indent, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void add_line(Teach *t, Style st, int indent, const char *fmt, ...)
{
    if (t->nlines == t->lines_cap) {
        t->lines_cap = t->lines_cap ? t->lines_cap * 2 : 32;
        t->lines = xrealloc(t->lines, (size_t)t->lines_cap * sizeof(InspectLine));
    }
    StrBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&b, fmt, ap);
    va_end(ap);
    t->lines[t->nlines++] = (InspectLine){sb_take(&b), st, indent};
}

typedef struct {
    uint32_t serial;
    Obj *found;
} FindArg;

static void find_serial(Obj *o, void *arg)
{
    FindArg *f = arg;
    if (o->serial == f->serial && !f->found) f->found = o;
}

/* A short text for an object: a scalar's repr, or "list (3 items)". */
/* "1 item", "3 items" */
static const char *items_text(char *buf, int64_t n)
{
    char num[32];
    snprintf(buf, 48, "%s item%s", fmt_thousands(num, n), n == 1 ? "" : "s");
    return buf;
}

static void short_repr(Interp *in, Obj *o, StrBuf *out)
{
    char num[48];
    switch (o->type) {
    case T_LIST: sb_printf(out, "list (%s)", items_text(num, ((ListObj *)o)->n)); return;
    case T_TUPLE: sb_printf(out, "tuple (%s)", items_text(num, ((TupleObj *)o)->n)); return;
    case T_DICT: sb_printf(out, "dict (%s)", items_text(num, ((DictObj *)o)->used)); return;
    case T_SET: sb_printf(out, "set (%s)", items_text(num, ((SetObj *)o)->used)); return;
    case T_ARRAY: sb_printf(out, "array (%s)", items_text(num, ((ArrayObj *)o)->n)); return;
    case T_STR:
        if (((StrObj *)o)->len > 40) {
            StrBuf r = {0};
            obj_repr(in, o, &r);
            sb_put(out, r.s, 38);
            sb_puts(out, "…'");
            sb_free(&r);
            return;
        }
        break;
    default: break;
    }
    StrBuf r = {0};
    obj_repr(in, o, &r);
    if (r.len > 48) {
        sb_put(out, r.s, 46);
        sb_puts(out, "…");
    } else {
        sb_puts(out, r.s ? r.s : "");
    }
    sb_free(&r);
}

/* Names bound in the frames: for "a[1]" rather than "list 0x…[1]". */
typedef struct { const char *name; Obj *value; int frame; } Binding;
typedef struct { Binding *b; int n, cap, frame; } Bindings;

static void collect_binding(void *arg, const char *name, Obj *value)
{
    Bindings *bs = arg;
    if (bs->n == bs->cap) {
        bs->cap = bs->cap ? bs->cap * 2 : 32;
        bs->b = xrealloc(bs->b, (size_t)bs->cap * sizeof(Binding));
    }
    bs->b[bs->n++] = (Binding){name, value, bs->frame};
}

typedef struct {
    Teach *t;
    Interp *in;
    Heap *h;
    Obj *target, *globals;
    Bindings *bs;
    int64_t counted;
    int nref;       /* referents of the current holder equal to target */
} HolderArg;

static void holder_label(HolderArg *a, Obj *o, StrBuf *out)
{
    for (int i = 0; i < a->bs->n; i++)
        if (a->bs->b[i].value == o) {
            sb_puts(out, a->bs->b[i].name);
            return;
        }
    sb_printf(out, "%s@%llx", obj_type_name(o), (unsigned long long)heap_address(a->h, o));
}

static void count_ref(Obj *child, void *arg)
{
    HolderArg *a = arg;
    if (child == a->target) a->nref++;
}

static const char *symname(Interp *in, Sym s) { return module_symname(interp_module(in), s); }

static void holder_line(HolderArg *a, Obj *holder, const char *fmt_after, const char *what)
{
    StrBuf b = {0};
    holder_label(a, holder, &b);
    add_line(a->t, STYLE_NORMAL, 2, "%s%s%s", b.s, fmt_after, what ? what : "");
    sb_free(&b);
}

/* Each slot of holder that refers to target, in words: "[1]", "['k']",
 * " (a key)", ".partner", ".__self__"; fn(arg, label) per slot, at most 8.
 * Returns how many were named (0: the holder refers to it some other way). */
typedef void (*slot_fn)(void *arg, const char *label);

static int holder_slots(Interp *in, Obj *o, Obj *target, slot_fn fn, void *arg)
{
    int shown = 0;
    char ix[48];
#define SLOT(text) do { fn(arg, text); shown++; } while (0)
    switch (o->type) {
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        for (int64_t i = 0; i < l->n && shown < 8; i++)
            if (l->items[i] == target) {
                snprintf(ix, sizeof ix, "[%lld]", (long long)i);
                SLOT(ix);
            }
        break;
    }
    case T_TUPLE: {
        TupleObj *tp = (TupleObj *)o;
        for (uint32_t i = 0; i < tp->n && shown < 8; i++)
            if (tp->items[i] == target) {
                snprintf(ix, sizeof ix, "[%u]", i);
                SLOT(ix);
            }
        break;
    }
    case T_DICT: {
        DictObj *d = (DictObj *)o;
        for (uint32_t i = 0; i < d->nentries && shown < 8; i++) {
            DictEntry *e = &d->entries[i];
            if (!e->key) continue;
            if (e->key == target) SLOT(" (a key)");
            if (e->value == target) {
                StrBuf k = {0}, w = {0};
                short_repr(in, e->key, &k);
                sb_printf(&w, "[%s]", k.s ? k.s : "");
                SLOT(w.s);
                sb_free(&k);
                sb_free(&w);
            }
        }
        break;
    }
    case T_SET: SLOT(" (an item of the set)"); break;
    case T_INSTANCE: {
        InstanceObj *io = (InstanceObj *)o;
        ClassObj *c = io->cls;
        if (c->has_slots) {
            ClassObj *chain[64];
            int nc = 0;
            for (ClassObj *k = c; k && nc < 64; k = k->base) chain[nc++] = k;
            uint32_t idx = 0;
            for (int j = nc - 1; j >= 0; j--) {
                ClassObj *k = chain[j];
                uint32_t own = k->has_slots ? (k->nslots - (k->base && k->base->has_slots ? k->base->nslots : 0)) : 0;
                for (uint32_t sl = 0; sl < own; sl++, idx++)
                    if (idx < io->nvals && io->vals[idx] == target) {
                        snprintf(ix, sizeof ix, ".%s", symname(in, k->slots[sl]));
                        SLOT(ix);
                    }
            }
        } else {
            for (uint32_t i = 0; i < io->nvals; i++)
                if (io->vals[i] == target) {
                    snprintf(ix, sizeof ix, ".%s", i < c->keys_cached ? symname(in, c->keys[i]) : "?");
                    SLOT(ix);
                }
        }
        if (&c->gc.ob == target) SLOT(".__class__");
        break;
    }
    case T_CLASS: {
        ClassObj *c = (ClassObj *)o;
        if (c->dict && &c->dict->gc.ob == target) SLOT(".__dict__ (its namespace)");
        if (c->mro && &c->mro->gc.ob == target) SLOT(".__mro__");
        if (c->bases && &c->bases->gc.ob == target) SLOT(".__bases__");
        if (c->base && &c->base->gc.ob == target) SLOT(" (its base class)");
        break;
    }
    case T_METHOD: {
        MethodObj *m = (MethodObj *)o;
        if (m->self == target) SLOT(".__self__");
        if (m->func == target) SLOT(".__func__");
        break;
    }
    case T_FUNCTION: {
        FuncObj *f = (FuncObj *)o;
        if (f->defaults && &f->defaults->gc.ob == target) SLOT(".__defaults__");
        if (f->globals == target) SLOT(".__globals__");
        break;
    }
    default: break;
    }
#undef SLOT
    return shown;
}

typedef struct { HolderArg *a; Obj *holder; } HolderLine;

static void holder_slot_line(void *arg, const char *label)
{
    HolderLine *hl = arg;
    holder_line(hl->a, hl->holder, label, NULL);
}

static void each_holder(Obj *o, void *arg)
{
    HolderArg *a = arg;
    if (o == a->globals || o == a->target) {
        if (o == a->target) {
            /* an object holding itself */
            a->nref = 0;
            obj_referents(o, count_ref, a);
            if (a->nref) {
                a->counted += a->nref;
                add_line(a->t, STYLE_NORMAL, 2, "itself (%d)", a->nref);
            }
        }
        return;
    }
    a->nref = 0;
    obj_referents(o, count_ref, a);
    if (!a->nref) return;
    a->counted += a->nref;
    HolderLine hl = {a, o};
    if (!holder_slots(a->in, o, a->target, holder_slot_line, &hl)) {
        StrBuf w = {0};
        sb_printf(&w, " (%d reference%s)", a->nref, a->nref == 1 ? "" : "s");
        holder_line(a, o, w.s, NULL);
        sb_free(&w);
    }
}

/* ------------------------------------------------ why is it still alive? */

typedef struct {
    Obj **parent;        /* per serial: the object it was reached from (NULL: a root) */
    int32_t *root;       /* per serial: the root it was reached from, +1 (0: not reached) */
    uint32_t nser;
    Obj **queue;
    size_t qn, qcap, qhead;
    Obj *from;           /* the object being expanded */
    int cur_root;
} AliveSearch;

static void alive_push(AliveSearch *as, Obj *o, Obj *parent, int root)
{
    if (!o || o->serial >= as->nser || as->root[o->serial] || o->rc == 0) return;
    if (o->flags & OF_STATIC) return;
    as->root[o->serial] = root + 1;
    as->parent[o->serial] = parent;
    if (as->qn == as->qcap) {
        as->qcap = as->qcap ? as->qcap * 2 : 256;
        as->queue = xrealloc(as->queue, as->qcap * sizeof(Obj *));
    }
    as->queue[as->qn++] = o;
}

static void alive_visit(Obj *child, void *arg)
{
    AliveSearch *as = arg;
    alive_push(as, child, as->from, as->cur_root);
}

typedef struct { AliveSearch *as; int root; Obj *globals; } AliveRoots;

static void alive_root_visit(Obj *o, void *arg)
{
    AliveRoots *ar = arg;
    if (o == ar->globals) return;   /* the names stand for it */
    alive_push(ar->as, o, NULL, ar->root);
}

static void chain_label(void *arg, const char *label)
{
    StrBuf *b = arg;
    if (!b->len) sb_puts(b, label);
}

int teach_alive_chain(Session *s, uint32_t serial, AliveChain *out)
{
    memset(out, 0, sizeof *out);
    Interp *in = session_interp(s);
    Heap *h = interp_heap(in);
    FindArg f = {serial, NULL};
    heap_foreach(h, find_serial, &f);
    if (!f.found) return -1;
    Obj *target = f.found;
    if (target->flags & OF_STATIC) {
        out->kind = ALIVE_SHARED;
        return 0;
    }
    Bindings bs = {0};
    int nf = interp_frame_count(in);
    for (int fr = 0; fr < nf; fr++) {
        bs.frame = fr;
        interp_frame_names(in, fr, collect_binding, &bs);
    }
    AliveSearch as = {0};
    as.nser = h->next_serial + 1;
    as.parent = xcalloc(as.nser, sizeof(Obj *));
    as.root = xcalloc(as.nser, sizeof(int32_t));
    /* breadth first from every root: the names of the frames (innermost
     * first, so that a local wins over a global), then what the interpreter
     * holds otherwise (constants, temporaries, tracebacks) */
    for (int fr = nf - 1; fr >= 0; fr--)
        for (int i = 0; i < bs.n; i++)
            if (bs.b[i].frame == fr) alive_push(&as, bs.b[i].value, NULL, i);
    AliveRoots ar = {&as, bs.n, interp_globals(in)};
    interp_roots(in, alive_root_visit, &ar);
    while (as.qhead < as.qn && !as.root[target->serial]) {
        Obj *o = as.queue[as.qhead++];
        if (o == ar.globals) continue;
        as.from = o;
        as.cur_root = as.root[o->serial] - 1;
        obj_referents(o, alive_visit, &as);
    }
    int r = as.root[target->serial] - 1;
    if (r < 0) {
        out->kind = ALIVE_UNREACHABLE;
    } else {
        /* the chain, root first */
        Obj *path[ALIVE_MAX];
        int n = 0;
        for (Obj *o = target; o && n < ALIVE_MAX; o = as.parent[o->serial]) path[n++] = o;
        out->n = n;
        for (int i = 0; i < n; i++) {
            Obj *o = path[n - 1 - i];
            out->serial[i] = o->serial;
            StrBuf b = {0};
            if (i == 0) {
                if (r < bs.n) {
                    const char *fn = interp_frame_name(in, bs.b[r].frame);
                    if (bs.b[r].frame == 0) sb_printf(&b, "name %s in globals", bs.b[r].name);
                    else sb_printf(&b, "local %s of %s()", bs.b[r].name, fn ? fn : "?");
                } else {
                    sb_puts(&b, "held by the interpreter (a constant, a temporary or a traceback)");
                }
            } else {
                Obj *parent = path[n - i];
                holder_slots(in, parent, o, chain_label, &b);
                if (!b.len) sb_puts(&b, "(a reference)");
            }
            out->label[i] = sb_take(&b);
        }
        out->kind = r < bs.n ? ALIVE_NAME : ALIVE_INTERP;
        if (r < bs.n) {
            out->root_frame = bs.b[r].frame;
            out->root_name = xstrdup(bs.b[r].name);
        }
    }
    free(as.parent);
    free(as.root);
    free(as.queue);
    free(bs.b);
    return 0;
}

void teach_alive_free(AliveChain *c)
{
    for (int i = 0; i < c->n; i++) free(c->label[i]);
    free(c->root_name);
    memset(c, 0, sizeof *c);
}

/* The inspector's "why is it still alive?" lines. */
static void add_alive(Teach *t, Session *s, Obj *o)
{
    AliveChain ch;
    if (teach_alive_chain(s, o->serial, &ch) < 0) return;
    add_line(t, STYLE_TITLE | CF_BOLD, 0, "why is it still alive?");
    Interp *in = session_interp(s);
    switch (ch.kind) {
    case ALIVE_SHARED:
        add_line(t, STYLE_NORMAL, 2, "a shared object: the interpreter keeps it for good");
        break;
    case ALIVE_UNREACHABLE:
        add_line(t, STYLE_UNREACHABLE | CF_BOLD, 2, "no root reaches it (no name,");
        add_line(t, STYLE_UNREACHABLE | CF_BOLD, 2, "no frame, nothing the interpreter");
        add_line(t, STYLE_UNREACHABLE | CF_BOLD, 2, "holds): a reference cycle keeps");
        add_line(t, STYLE_UNREACHABLE | CF_BOLD, 2, "its count above 0, and only the");
        add_line(t, STYLE_UNREACHABLE | CF_BOLD, 2, "collector can free it");
        break;
    case ALIVE_NAME:
    case ALIVE_INTERP:
        add_line(t, STYLE_NAME | CF_BOLD, 2, "%s", ch.label[0]);
        for (int i = 0; i < ch.n; i++) {
            StrBuf r = {0};
            if (i + 1 == ch.n) sb_puts(&r, "this object");
            else {
                FindArg f = {ch.serial[i], NULL};
                heap_foreach(interp_heap(in), find_serial, &f);
                if (f.found) short_repr(in, f.found, &r);
            }
            Style st = i + 1 == ch.n ? STYLE_SELECTED | CF_BOLD : STYLE_NORMAL;
            if (i == 0) add_line(t, st, 4, "→ %s", r.s ? r.s : "?");
            else add_line(t, st, 4, "→ %s%s %s", ch.label[i], ch.label[i][0] == ' ' ? ":" : "", r.s ? r.s : "?");
            sb_free(&r);
        }
        break;
    }
    teach_alive_free(&ch);
}

static void add_items(Teach *t, Interp *in, Obj *o)
{
    StrBuf r = {0};
    int max = 12;
    switch (o->type) {
    case T_LIST: case T_TUPLE: {
        int64_t n = o->type == T_LIST ? ((ListObj *)o)->n : ((TupleObj *)o)->n;
        Obj **items = o->type == T_LIST ? ((ListObj *)o)->items : ((TupleObj *)o)->items;
        add_line(t, STYLE_TITLE | CF_BOLD, 0, "items (%lld)", (long long)n);
        for (int64_t i = 0; i < n && i < max; i++) {
            sb_clear(&r);
            short_repr(in, items[i], &r);
            add_line(t, STYLE_NORMAL, 2, "[%lld] %s", (long long)i, r.s ? r.s : "");
        }
        if (n > max) add_line(t, STYLE_DIM, 2, "… %lld more", (long long)(n - max));
        break;
    }
    case T_DICT: {
        DictObj *d = (DictObj *)o;
        add_line(t, STYLE_TITLE | CF_BOLD, 0, "items (%u)", d->used);
        int shown = 0;
        for (uint32_t i = 0; i < d->nentries && shown < max; i++) {
            if (!d->entries[i].key) continue;
            StrBuf k = {0};
            short_repr(in, d->entries[i].key, &k);
            sb_clear(&r);
            short_repr(in, d->entries[i].value, &r);
            add_line(t, STYLE_NORMAL, 2, "%s: %s", k.s ? k.s : "", r.s ? r.s : "");
            sb_free(&k);
            shown++;
        }
        if (d->used > (uint32_t)max) add_line(t, STYLE_DIM, 2, "… %u more", d->used - (uint32_t)max);
        break;
    }
    case T_SET: {
        SetObj *s = (SetObj *)o;
        add_line(t, STYLE_TITLE | CF_BOLD, 0, "items (%u)", s->used);
        int shown = 0;
        for (uint32_t i = 0; i <= s->mask && shown < max; i++) {
            Obj *k = s->table[i].key;
            if (!k || k->type == T_FREE || k->serial == 0) continue;
            sb_clear(&r);
            short_repr(in, k, &r);
            add_line(t, STYLE_NORMAL, 2, "%s", r.s ? r.s : "");
            shown++;
        }
        break;
    }
    case T_INSTANCE: {
        InstanceObj *io = (InstanceObj *)o;
        ClassObj *c = io->cls;
        if (c->has_slots) break;
        int any = 0;
        for (uint32_t i = 0; i < io->nvals && i < c->keys_cached; i++) {
            if (!io->vals[i]) continue;
            if (!any) add_line(t, STYLE_TITLE | CF_BOLD, 0, "attributes");
            any = 1;
            sb_clear(&r);
            short_repr(in, io->vals[i], &r);
            add_line(t, STYLE_NORMAL, 2, ".%s = %s", symname(in, c->keys[i]), r.s ? r.s : "");
        }
        break;
    }
    default: break;
    }
    sb_free(&r);
}

static void inspect_build(Teach *t, Session *s, uint32_t serial)
{
    lines_clear(t);
    Interp *in = session_interp(s);
    Heap *h = interp_heap(in);
    FindArg f = {serial, NULL};
    heap_foreach(h, find_serial, &f);
    t->cache_serial = serial;
    if (!f.found) {
        add_line(t, STYLE_DIM, 0, "(the object is gone)");
        return;
    }
    Obj *o = f.found;
    StrBuf r = {0};
    short_repr(in, o, &r);
    if (o->type == T_LIST || o->type == T_TUPLE || o->type == T_DICT || o->type == T_SET || o->type == T_ARRAY)
        add_line(t, STYLE_SELECTED | CF_BOLD, 0, "%s", r.s ? r.s : "");
    else
        add_line(t, STYLE_SELECTED | CF_BOLD, 0, "%s  %s", obj_type_name(o), r.s ? r.s : "");
    sb_free(&r);
    add_line(t, STYLE_NORMAL, 0, "id        0x%llx", (unsigned long long)heap_address(h, o));
    if (o->flags & OF_STATIC)
        add_line(t, STYLE_NORMAL, 0, "refcount  shared: one object for the whole interpreter (CPython's own count)");
    else
        add_line(t, STYLE_NORMAL, 0, "refcount  %lu (sys.getrefcount says %lu)", (unsigned long)o->rc,
                 (unsigned long)o->rc + 1);
    char sz[32];
    add_line(t, STYLE_NORMAL, 0, "size      %s (sys.getsizeof)", fmt_bytes(sz, (uint64_t)obj_sizeof(o)));
    int gen = gc_is_tracked(o) ? gc_generation(h, o) : -1;
    if (gen >= 0)
        add_line(t, STYLE_NORMAL, 0, "gc        tracked, %s", gen == 3 ? "permanent generation (frozen)"
                                                              : gen == 0 ? "generation 0"
                                                              : gen == 1 ? "generation 1" : "generation 2");
    else
        add_line(t, STYLE_NORMAL, 0, "gc        not tracked%s", o->flags & OF_GC ? "" : " (not a container)");

    /* the holders */
    Bindings bs = {0};
    int nf = interp_frame_count(in);
    for (int fr = 0; fr < nf; fr++) {
        bs.frame = fr;
        interp_frame_names(in, fr, collect_binding, &bs);
    }
    add_line(t, STYLE_TITLE | CF_BOLD, 0, "referrers");
    int first = t->nlines;
    HolderArg ha = {t, in, h, o, interp_globals(in), &bs, 0, 0};
    for (int i = 0; i < bs.n; i++) {
        if (bs.b[i].value != o) continue;
        const char *fn = interp_frame_name(in, bs.b[i].frame);
        if (bs.b[i].frame == 0) add_line(t, STYLE_NAME, 2, "name %s in globals", bs.b[i].name);
        else add_line(t, STYLE_NAME, 2, "name %s in %s()", bs.b[i].name, fn ? fn : "?");
        ha.counted++;
    }
    heap_foreach(h, each_holder, &ha);
    int64_t rest = (int64_t)o->rc - ha.counted;
    if (rest > 0 && !(o->flags & OF_STATIC))
        add_line(t, STYLE_DIM, 2, "%lld held by the interpreter (constants, temporaries)", (long long)rest);
    if (t->nlines == first) add_line(t, STYLE_DIM, 2, "(none)");
    free(bs.b);
    add_alive(t, s, o);
    add_items(t, in, o);
}

void teach_draw_inspector(Teach *t, Session *s, uint32_t serial, Canvas *c, Rect r)
{
    Heap *h = interp_heap(session_interp(s));
    int64_t stamp = h->live_total * 1000003 + h->freed_total + session_live_count(s) * 7919;
    if (t->cache_serial != serial || t->cache_step != session_step(s) || t->cache_stamp != stamp) {
        inspect_build(t, s, serial);
        t->cache_step = session_step(s);
        t->cache_stamp = stamp;
    }
    views_pane(c, r, "inspector", true);
    int ih = r.h - 3, iw = r.w - 4;
    if (ih <= 0 || iw <= 0) return;
    if (t->inspect_scroll > t->nlines - ih) t->inspect_scroll = t->nlines - ih;
    if (t->inspect_scroll < 0) t->inspect_scroll = 0;
    for (int i = 0; i < ih && i + t->inspect_scroll < t->nlines; i++) {
        const InspectLine *ln = &t->lines[i + t->inspect_scroll];
        canvas_put_utf8_fit(c, r.x + 2 + ln->indent, r.y + 1 + i, ln->text, iw - ln->indent, ln->style);
    }
    canvas_put_utf8_fit(c, r.x + 2, r.y + r.h - 2, "Tab/arrows: next object · Esc: leave", iw, STYLE_DIM);
    if (t->nlines > ih) {
        const char *hint = t->inspect_scroll + ih < t->nlines ? " PgDn more " : " PgUp ";
        canvas_put_utf8(c, r.x + r.w - 2 - canvas_text_width(hint), r.y + r.h - 1, hint, STYLE_DIM);
    }
}

/* ------------------------------------------------------------ instructor */

void teach_draw_notes(Canvas *c, Rect *narr, const char *notes)
{
    if (!notes || narr->h < 8) return;
    int nh = narr->h * 2 / 5;
    if (nh < 4) nh = 4;
    Rect r = {narr->x, narr->y + narr->h - nh, narr->w, nh};
    narr->h -= nh;
    ViewPara p = {notes, STYLE_EMPH, 0};
    views_narration(c, r, "notes", &p, 1, 0, false);
}

void teach_presenter_layout(int cols, int rows, int source_lines, Layout *L)
{
    layout_compute(cols, rows + 2, source_lines, L);
    Rect *rs[] = {&L->source, &L->graph, &L->narration};
    for (size_t i = 0; i < sizeof rs / sizeof rs[0]; i++) rs[i]->y -= 1;
    L->title = (Rect){0, 0, 0, 0};
    L->status = (Rect){0, rows, 0, 0};
}

/* ------------------------------------------------------------------ menu */

int teach_continue_lesson(const Teach *t, Lesson *const *lessons, int n, int *step)
{
    const char *last = progress_last(t->progress);
    if (!last) return -1;
    for (int i = 0; i < n; i++)
        if (lessons[i] && strcmp(lessons[i]->id, last) == 0) {
            if (progress_finished(t->progress, last) && progress_at(t->progress, last) >= lessons[i]->nsteps)
                return -1;   /* finished and left at the end: nothing to continue */
            *step = progress_at(t->progress, last);
            return *step > 0 ? i : -1;
        }
    return -1;
}

int teach_menu_rows(const Teach *t, Lesson *const *lessons, int n)
{
    int step;
    return n + 1 + (teach_continue_lesson(t, lessons, n, &step) >= 0 ? 1 : 0);
}

MenuRowKind teach_menu_row(const Teach *t, Lesson *const *lessons, int n, int row, int *lesson)
{
    int step;
    /* the lessons keep their rows whether or not "continue" is offered */
    if (row < n) { *lesson = row; return MROW_LESSON; }
    int cont = teach_continue_lesson(t, lessons, n, &step);
    if (cont >= 0 && row == n) { *lesson = cont; return MROW_CONTINUE; }
    *lesson = -1;
    return MROW_SCRIPT;
}

typedef struct { Canvas *c; int x, y, h, w, row; } MenuWrap;

static void menu_wrap_line(void *arg, const char *line, size_t len)
{
    MenuWrap *m = arg;
    if (m->row < m->h) {
        char *s = xstrndup(line, len);
        canvas_put_utf8_fit(m->c, m->x, m->y + m->row, s, m->w, STYLE_NORMAL);
        free(s);
    }
    m->row++;
}

void teach_draw_menu(Teach *t, Canvas *c, Lesson *const *lessons, int n, int sel)
{
    int cols = c->w, rows = c->h;
    views_title(c, (Rect){0, 0, cols, 1}, "memtutor · how Python releases memory", "lessons");
    int idw = 4;
    for (int i = 0; i < n; i++) {
        int w = canvas_text_width(lessons[i]->id);
        if (w > idw) idw = w;
    }
    int sum_h = rows >= 20 ? 7 : 5;
    Rect list = {0, 1, cols, rows - 2 - sum_h};
    Rect about = {0, 1 + list.h, cols, sum_h};
    views_pane(c, list, "lessons", true);
    int nrows = teach_menu_rows(t, lessons, n);
    int ih = list.h - 2;
    int top = 0;
    if (ih > 0 && sel >= ih) top = sel - ih + 1;
    int cstep = 0;
    int cont = teach_continue_lesson(t, lessons, n, &cstep);
    for (int row = top; row < nrows && row - top < ih; row++) {
        int y = list.y + 1 + (row - top);
        int li;
        MenuRowKind kind = teach_menu_row(t, lessons, n, row, &li);
        int on = row == sel;
        Style st = on ? (STYLE_SELECTED | CF_REVERSE | CF_BOLD) : STYLE_NORMAL;
        if (on) canvas_fill(c, list.x + 1, y, list.w - 2, 1, ' ', st);
        int x = list.x + 2;
        canvas_put_utf8(c, x, y, on ? "▶" : " ", st);
        StrBuf b = {0};
        if (kind == MROW_CONTINUE) {
            sb_printf(&b, "↻ continue where you left off: %s, step %d/%d", lessons[li]->id, cstep,
                      lessons[li]->nsteps);
            canvas_put_utf8_fit(c, x + 2, y, b.s, list.w - 6, on ? st : STYLE_EMPH | CF_BOLD);
        } else if (kind == MROW_LESSON) {
            const char *mark = progress_finished(t->progress, lessons[li]->id) ? (t->ascii ? "[x]" : " ✓ ") : "   ";
            canvas_put_utf8(c, x + 2, y, mark, on ? st : STYLE_OK | CF_BOLD);
            char num[16];
            snprintf(num, sizeof num, "%2d", li + 1);
            canvas_put_utf8(c, x + 6, y, num, on ? st : STYLE_LINENO);
            canvas_put_utf8_fit(c, x + 9, y, lessons[li]->id, idw, on ? st : STYLE_NAME);
            canvas_put_utf8_fit(c, x + 9 + idw + 2, y, lessons[li]->title, list.w - idw - 14, st);
        } else if (t->script_input && on) {
            Style ps = STYLE_PROMPT | CF_REVERSE | CF_BOLD;
            canvas_fill(c, list.x + 1, y, list.w - 2, 1, ' ', ps);
            prompt_row(c, x + 2, y, list.w - 6, "open a script: ", t->script.buf, t->script.cur, ps);
        } else {
            canvas_put_utf8_fit(c, x + 2, y, "open a script…", list.w - 6, on ? st : STYLE_DIM);
        }
        sb_free(&b);
    }
    (void)cont;
    views_pane(c, about, "summary", false);
    int li = -1;
    MenuRowKind kind = nrows > 0 ? teach_menu_row(t, lessons, n, sel, &li) : MROW_SCRIPT;
    MenuWrap m = {c, about.x + 2, about.y + 1, about.h - 2, about.w - 4, 0};
    if (li >= 0 && li < n) views_wrap(lessons[li]->summary, m.w, menu_wrap_line, &m);
    else if (kind == MROW_SCRIPT && t->script_matches) views_wrap(t->script_matches, m.w, menu_wrap_line, &m);
    else if (kind == MROW_SCRIPT)
        views_wrap("Run your own Python file: one step per statement executed. Type its path (~ and relative "
                   "paths work; Tab completes a file name) and press Enter.",
                   m.w, menu_wrap_line, &m);
    Rect sr = {0, rows - 1, cols, 1};
    canvas_fill(c, sr.x, sr.y, sr.w, 1, ' ', STYLE_STATUS);
    if (t->script_error) {
        /* the error pane, over the list: the whole message */
        Rect er = {list.x + 2, list.y + 1, list.w - 4, list.h + about.h - 2};
        text_pane(c, er, "cannot open the script", t->script_error, "Esc or Enter: back to the menu");
    }
    const char *always = "? help  q quit ";
    const char *keys = "↑/↓ choose  Enter open";
    int aw = canvas_text_width(always), kw = canvas_text_width(keys);
    canvas_put_utf8(c, cols - aw, sr.y, always, STYLE_KEY | CF_BOLD);
    if (kw + aw + 14 < cols) canvas_put_utf8(c, cols - aw - kw - 2, sr.y, keys, STYLE_KEY);
    int room = cols - aw - (kw + aw + 14 < cols ? kw + 2 : 0) - 1;
    if (t->notice) {
        canvas_put_utf8_fit(c, 1, sr.y, t->notice, room - 1, STYLE_ERROR | CF_BOLD);
    } else {
        int done = 0;
        for (int i = 0; i < n; i++) done += progress_finished(t->progress, lessons[i]->id);
        char left[64];
        if (done) snprintf(left, sizeof left, " %d lessons · %d finished", n, done);
        else snprintf(left, sizeof left, " %d lessons", n);
        canvas_put_utf8_fit(c, 0, sr.y, left, room, STYLE_STATUS);
    }
}

int teach_menu_start(const Teach *t, Lesson *const *lessons, int n)
{
    for (int i = 0; i < n; i++)
        if (lessons[i] && !progress_finished(t->progress, lessons[i]->id)) return i;
    return 0;
}

void teach_script_open(Teach *t)
{
    t->script_input = 1;
    edit_clear(&t->script);
    free(t->script_matches);
    free(t->script_error);
    t->script_matches = t->script_error = NULL;
}

/* text with a leading ~ or ~/ as $HOME (malloc'd) */
static char *expand_home(const char *text)
{
    const char *home = getenv("HOME");
    StrBuf b = {0};
    if (home && *home && text[0] == '~' && (text[1] == '/' || !text[1])) {
        sb_puts(&b, home);
        sb_puts(&b, text + 1);
    } else {
        sb_puts(&b, text);
    }
    return sb_take(&b);
}

char *teach_script_path(const Teach *t) { return expand_home(t->script.buf); }

void teach_script_failed(Teach *t, const char *msg)
{
    StrBuf b = {0};
    error_text(msg, &b);
    free(t->script_error);
    t->script_error = sb_take(&b);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Tab in the path field: complete the last part of the path from the file
 * names in its directory (hidden ones only when it starts with a dot).  One
 * name: completed (a directory gets its '/'); several: their common start,
 * and the names are listed in the summary pane; none: said there. */
static void script_complete(Teach *t)
{
    t->script.cur = t->script.len;
    char *path = expand_home(t->script.buf);
    char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
    size_t bl = strlen(base);
    char **names = NULL;
    int n = 0, cap = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (e->d_name[0] == '.' && base[0] != '.') continue;
        if (strncmp(e->d_name, base, bl)) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = xrealloc(names, (size_t)cap * sizeof(char *));
        }
        StrBuf full = {0};
        sb_printf(&full, "%s%s", slash ? dir : "", e->d_name);
        struct stat st;
        int isdir = stat(full.s, &st) == 0 && S_ISDIR(st.st_mode);
        sb_free(&full);
        StrBuf nm = {0};
        sb_printf(&nm, "%s%s", e->d_name, isdir ? "/" : "");
        names[n++] = sb_take(&nm);
    }
    if (d) closedir(d);
    free(t->script_matches);
    t->script_matches = NULL;
    if (n == 0) {
        t->script_matches = xstrdup(d ? "No file name starts so." : "No such folder.");
    } else {
        qsort(names, (size_t)n, sizeof(char *), cmp_names);
        /* the common start of the names (a lone directory keeps its '/') */
        size_t common = strlen(names[0]);
        for (int i = 1; i < n; i++) {
            size_t k = 0;
            while (k < common && names[i][k] == names[0][k]) k++;
            common = k;
        }
        if (n > 1 && common && names[0][common - 1] == '/') common--;
        while (common > bl && ((unsigned char)names[0][common] & 0xc0) == 0x80) common--;
        if (common > bl) {
            char *add = xstrndup(names[0] + bl, common - bl);
            edit_insert(&t->script, add, (int)strlen(add));
            free(add);
        }
        if (n > 1) {
            StrBuf m = {0};
            for (int i = 0; i < n && m.len < 2000; i++) sb_printf(&m, "%s%s", i ? "  " : "", names[i]);
            t->script_matches = sb_take(&m);
        }
    }
    for (int i = 0; i < n; i++) free(names[i]);
    free(names);
    free(dir);
    free(path);
}
