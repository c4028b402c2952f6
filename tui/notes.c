/* The presenter's second screen (see notes.h): the presenter's end of the
 * socket (listen, accept, send the state as one JSON line when it changes)
 * and `memtutor notes` (connect, read lines, draw the latest state). */
#include "notes.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "canvas.h"
#include "layout.h"
#include "screen.h"
#include "views.h"

/* ------------------------------------------------------------ the socket */

static int own_private_dir(const char *dir, StrBuf *err)
{
    struct stat st;
    if (lstat(dir, &st) != 0) {
        sb_printf(err, "%s: %s", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 077)) {
        sb_printf(err, "%s: not a directory of yours that only you can use (mode 0700); "
                       "remove it, or set XDG_RUNTIME_DIR", dir);
        return -1;
    }
    return 0;
}

int notes_socket_path(StrBuf *path, int create, StrBuf *err)
{
    const char *xdg = getenv("XDG_RUNTIME_DIR");
    struct stat st;
    if (xdg && xdg[0] == '/' && stat(xdg, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == getuid()) {
        sb_printf(path, "%s/memtutor-presenter.sock", xdg);
    } else {
        const char *tmp = getenv("TMPDIR");
        if (!tmp || tmp[0] != '/') tmp = "/tmp";
        StrBuf dir = {0};
        sb_printf(&dir, "%s/memtutor-%u", tmp, (unsigned)getuid());
        if (create && mkdir(dir.s, 0700) != 0 && errno != EEXIST) {
            sb_printf(err, "%s: %s", dir.s, strerror(errno));
            sb_free(&dir);
            return -1;
        }
        if ((create || lstat(dir.s, &st) == 0) && own_private_dir(dir.s, err) < 0) {
            sb_free(&dir);
            return -1;
        }
        sb_printf(path, "%s/presenter.sock", dir.s);
        sb_free(&dir);
    }
    if (path->len >= sizeof ((struct sockaddr_un *)0)->sun_path) {
        sb_printf(err, "%s: path too long for a socket", path->s);
        return -1;
    }
    return 0;
}

static void set_addr(struct sockaddr_un *a, const char *path)
{
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    memcpy(a->sun_path, path, strlen(path) + 1);
}

/* Connect to path: the fd, or -1 (errno set). */
static int connect_to(const char *path)
{
    struct sockaddr_un a;
    set_addr(&a, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

/* ------------------------------------------------------------- presenter */

#define MAX_NOTES 8

struct Presenter {
    int fd;
    char *path;
    dev_t dev;
    ino_t ino;               /* the socket made here, to remove only it */
    int clients[MAX_NOTES];
    int nclients;
    time_t started, step_started;
    const Lesson *lesson;    /* what the last message described */
    int step, nsteps, sent_once;
    char *msg;               /* the last message (a JSON line) */
};

Presenter *presenter_open(StrBuf *err)
{
    StrBuf path = {0};
    if (notes_socket_path(&path, 1, err) < 0) {
        sb_free(&path);
        return NULL;
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        sb_printf(err, "presenter: socket: %s", strerror(errno));
        sb_free(&path);
        return NULL;
    }
    struct sockaddr_un a;
    set_addr(&a, path.s);
    mode_t um = umask(0177);   /* the socket: 0600 */
    int r = bind(fd, (struct sockaddr *)&a, sizeof a);
    if (r != 0 && errno == EADDRINUSE) {
        int other = connect_to(path.s);
        struct stat st;
        if (other >= 0) {
            close(other);
            sb_printf(err, "another presenter is running (%s); quit it first", path.s);
        } else if (lstat(path.s, &st) == 0 && S_ISSOCK(st.st_mode) && st.st_uid == getuid()) {
            unlink(path.s);   /* a presenter's socket left when it died */
            r = bind(fd, (struct sockaddr *)&a, sizeof a);
        } else {
            sb_printf(err, "%s: is in the way (not a socket of yours)", path.s);
        }
    }
    int e = errno;
    umask(um);
    if (r != 0 || listen(fd, MAX_NOTES) != 0) {
        if (!err->len) sb_printf(err, "presenter: %s: %s", path.s, strerror(r != 0 ? e : errno));
        close(fd);
        sb_free(&path);
        return NULL;
    }
    Presenter *p = xcalloc(1, sizeof *p);
    struct stat st;
    if (stat(path.s, &st) == 0) {
        p->dev = st.st_dev;
        p->ino = st.st_ino;
    }
    p->fd = fd;
    p->path = sb_take(&path);
    p->started = p->step_started = time(NULL);
    p->step = -1;
    return p;
}

static void add_str(cJSON *o, const char *name, const char *s)
{
    if (s) cJSON_AddStringToObject(o, name, s);
    else cJSON_AddNullToObject(o, name);
}

/* A step's question and its answer as the simulator computes it there. */
static void add_question(cJSON *o, Session *s, const LessonStep *st, int k)
{
    if (!st || !st->ask_question || !st->ask_answer) return;
    add_str(o, "question", st->ask_question);
    add_str(o, "expr", st->ask_answer);
    StrBuf v = {0};
    int r = session_eval_at(s, k, st->ask_answer, &v);
    add_str(o, r == 0 ? "answer" : "answer_error", v.s ? v.s : "");
    sb_free(&v);
}

static char *state_json(Presenter *p, Session *s, const Lesson *l)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "v", 1);
    cJSON_AddNumberToObject(o, "started", (double)p->started);
    cJSON_AddNumberToObject(o, "step_started", (double)p->step_started);
    if (!s || !l) {
        cJSON_AddNullToObject(o, "lesson");
    } else {
        int k = session_step(s), n = session_nsteps(s);
        add_str(o, "lesson", l->id);
        add_str(o, "title", l->title);
        cJSON_AddNumberToObject(o, "step", k);
        cJSON_AddNumberToObject(o, "nsteps", n);
        const LessonStep *st = k >= 1 && k <= l->nsteps ? &l->steps[k - 1] : NULL;
        cJSON_AddNumberToObject(o, "line", st ? st->line : 0);
        add_str(o, "notes", st ? st->notes : NULL);
        add_question(o, s, st, k);
        if (k < n) {
            cJSON *nx = cJSON_AddObjectToObject(o, "next");
            const LessonStep *ns = k + 1 <= l->nsteps ? &l->steps[k] : NULL;
            cJSON_AddNumberToObject(nx, "step", k + 1);
            cJSON_AddNumberToObject(nx, "line", ns ? ns->line : session_step_line(s, k + 1));
            add_str(nx, "say", ns ? ns->say : NULL);
            add_str(nx, "notes", ns ? ns->notes : NULL);
            add_question(nx, s, ns, k + 1);
        }
    }
    char *j = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    StrBuf line = {0};
    sb_puts(&line, j ? j : "{}");
    sb_putc(&line, '\n');
    cJSON_free(j);
    return sb_take(&line);
}

static void drop_client(Presenter *p, int i)
{
    close(p->clients[i]);
    p->clients[i] = p->clients[--p->nclients];
}

/* Send the whole line or drop the client (it is gone, or too far behind). */
static int send_to(Presenter *p, int i, const char *msg)
{
    size_t len = strlen(msg), done = 0;
    while (done < len) {
        ssize_t w = send(p->clients[i], msg + done, len - done, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            drop_client(p, i);
            return -1;
        }
        done += (size_t)w;
    }
    return 0;
}

void presenter_update(Presenter *p, Session *s, const Lesson *l)
{
    if (!p) return;
    int k = s ? session_step(s) : -1, n = s ? session_nsteps(s) : -1;
    if (!p->sent_once || l != p->lesson || k != p->step || n != p->nsteps) {
        if (p->sent_once) p->step_started = time(NULL);
        p->lesson = l;
        p->step = k;
        p->nsteps = n;
        p->sent_once = 1;
        free(p->msg);
        p->msg = state_json(p, s, l);
        for (int i = p->nclients - 1; i >= 0; i--) send_to(p, i, p->msg);
    }
    for (;;) {
        int c = accept4(p->fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (c < 0) break;
        if (p->nclients == MAX_NOTES) {
            close(c);
            continue;
        }
        p->clients[p->nclients++] = c;
        send_to(p, p->nclients - 1, p->msg);
    }
}

void presenter_close(Presenter *p)
{
    if (!p) return;
    for (int i = 0; i < p->nclients; i++) close(p->clients[i]);
    close(p->fd);
    struct stat st;
    if (stat(p->path, &st) == 0 && st.st_dev == p->dev && st.st_ino == p->ino) unlink(p->path);
    free(p->path);
    free(p->msg);
    free(p);
}

/* ----------------------------------------------------------- notes screen */

typedef struct {
    cJSON *state;      /* the last message, NULL before the first */
    char buf[1 << 16];
    size_t len;
} NotesConn;

/* Read what has come; keep the last complete line.  0, or -1 at the end
 * (the presenter closed its side). */
static int notes_read(int fd, NotesConn *nc)
{
    for (;;) {
        if (nc->len == sizeof nc->buf) nc->len = 0;   /* a line this long: not ours */
        ssize_t r = recv(fd, nc->buf + nc->len, sizeof nc->buf - nc->len, MSG_DONTWAIT);
        if (r == 0) return -1;
        if (r < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
        nc->len += (size_t)r;
        char *nl;
        while ((nl = memchr(nc->buf, '\n', nc->len))) {
            cJSON *j = cJSON_ParseWithLength(nc->buf, (size_t)(nl - nc->buf));
            if (j && cJSON_IsObject(j)) {
                cJSON_Delete(nc->state);
                nc->state = j;
            } else {
                cJSON_Delete(j);
            }
            size_t used = (size_t)(nl - nc->buf) + 1;
            memmove(nc->buf, nc->buf + used, nc->len - used);
            nc->len -= used;
        }
    }
}

static const char *jstr(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static long long jnum(const cJSON *o, const char *name, long long dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsNumber(v) ? (long long)v->valuedouble : dflt;
}

static void fmt_clock(char *buf, size_t n, long long secs)
{
    if (secs < 0) secs = 0;
    if (secs >= 3600) snprintf(buf, n, "%lld:%02lld:%02lld", secs / 3600, secs / 60 % 60, secs % 60);
    else snprintf(buf, n, "%lld:%02lld", secs / 60, secs % 60);
}

/* A question's paragraphs: the question, then its answer ahead of time. */
static int question_paras(const cJSON *o, ViewPara *p, int n, StrBuf *ans)
{
    const char *q = jstr(o, "question");
    if (!q) return n;
    p[n++] = (ViewPara){q, STYLE_PROMPT | CF_BOLD, 0};
    const char *a = jstr(o, "answer"), *e = jstr(o, "expr");
    if (a) sb_printf(ans, "answer: %s   (%s)", a, e ? e : "");
    else sb_printf(ans, "the answer does not evaluate: %s", jstr(o, "answer_error") ? jstr(o, "answer_error") : "");
    p[n++] = (ViewPara){ans->s, (a ? STYLE_OK : STYLE_ERROR) | CF_BOLD, 2};
    return n;
}

/* The notes screen from the last state: title row, the step's notes, its
 * question and answer, the next step, a status row with the times. */
static void notes_draw(Canvas *c, int cols, int rows, const cJSON *st, time_t now)
{
    canvas_resize(c, cols, rows);
    if (cols < LAYOUT_MIN_COLS || rows < 10) {
        views_too_small(c, cols, rows, LAYOUT_MIN_COLS, 10);
        return;
    }
    char el[32], here[32], right[96] = "";
    long long started = st ? jnum(st, "started", now) : now;
    fmt_clock(el, sizeof el, (long long)now - started);
    fmt_clock(here, sizeof here, (long long)now - (st ? jnum(st, "step_started", now) : now));
    const char *title = st ? jstr(st, "title") : NULL;
    StrBuf t = {0};
    sb_printf(&t, "memtutor notes · %s", title ? title : st ? "lesson menu" : "connecting");
    long long k = st ? jnum(st, "step", -1) : -1, n = st ? jnum(st, "nsteps", 0) : 0;
    if (k >= 0) snprintf(right, sizeof right, "step %lld/%lld · %s", k, n, el);
    else snprintf(right, sizeof right, "%s", el);
    views_title(c, (Rect){0, 0, cols, 1}, t.s, right);
    sb_free(&t);

    int body = rows - 2;
    const cJSON *next = st ? cJSON_GetObjectItemCaseSensitive(st, "next") : NULL;
    StrBuf h1 = {0}, h2 = {0}, a1 = {0}, a2 = {0}, ran = {0};
    ViewPara p[8];
    int np = 0;
    if (!title) {
        p[np++] = (ViewPara){st ? "The presenter is in the lesson menu." : "Waiting for the presenter…", STYLE_DIM, 0};
        views_narration(c, (Rect){0, 1, cols, body}, "notes", p, np, 0, false);
    } else {
        /* this step: notes, then the question and its answer */
        long long line = jnum(st, "line", 0);
        if (k == 0) sb_puts(&h1, "before the first step");
        else if (line > 0) sb_printf(&h1, "step %lld · line %lld · notes", k, line);
        else sb_printf(&h1, "step %lld · notes", k);
        const char *nt = jstr(st, "notes");
        p[np++] = (ViewPara){nt ? nt : k == 0 ? "(the lesson has not started)" : "(no notes for this step)",
                             nt ? STYLE_EMPH : STYLE_DIM, 0};
        if (jstr(st, "question")) {
            p[np++] = (ViewPara){NULL, 0, 0};
            np = question_paras(st, p, np, &a1);
        }
        int top = next ? body * 3 / 5 : body;
        views_narration(c, (Rect){0, 1, cols, top}, h1.s, p, np, 0, true);
        if (next) {
            np = 0;
            long long nk = jnum(next, "step", k + 1), nl = jnum(next, "line", 0);
            if (nl > 0) sb_printf(&h2, "next · step %lld · line %lld", nk, nl);
            else sb_printf(&h2, "next · step %lld", nk);
            const char *say = jstr(next, "say");
            if (!say || !*say) {
                sb_printf(&ran, "Line %lld runs.", nl);
                say = ran.s;
            }
            p[np++] = (ViewPara){say, STYLE_NORMAL, 0};
            if (jstr(next, "question")) {
                p[np++] = (ViewPara){NULL, 0, 0};
                np = question_paras(next, p, np, &a2);
            }
            views_narration(c, (Rect){0, 1 + top, cols, body - top}, h2.s, p, np, 0, false);
        }
    }
    sb_free(&h1);
    sb_free(&h2);
    sb_free(&a1);
    sb_free(&a2);
    sb_free(&ran);
    char status[160];
    snprintf(status, sizeof status, " elapsed %s · this step %s", el, here);
    canvas_fill(c, 0, rows - 1, cols, 1, ' ', STYLE_STATUS);
    canvas_put_utf8_fit(c, 0, rows - 1, status, cols - 10, STYLE_STATUS);
    canvas_put_utf8(c, cols - 8, rows - 1, "q quit", STYLE_KEY);
}

int notes_main(int argc, char **argv)
{
    int ascii = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--ascii")) ascii = 1;
        else {
            fprintf(stderr, "memtutor: notes: unknown argument %s (usage: memtutor notes [--ascii])\n", argv[i]);
            return 2;
        }
    }
    StrBuf path = {0}, err = {0};
    if (notes_socket_path(&path, 0, &err) < 0) {
        fprintf(stderr, "memtutor: notes: %s\n", err.s);
        sb_free(&path);
        sb_free(&err);
        return 2;
    }
    int fd = connect_to(path.s);
    if (fd < 0) {
        fprintf(stderr, "memtutor: notes: no presenter is running (looked for %s); "
                        "start one with: memtutor LESSON --presenter\n", path.s);
        sb_free(&path);
        return 2;
    }
    sb_free(&path);
    const char *why = NULL;
    ScreenOpts so = {.color = SCREEN_COLOR_AUTO, .honour_no_color = true, .ascii = ascii != 0};
    if (!screen_can_open(&why) || screen_open(&so, &why) < 0) {
        fprintf(stderr, "memtutor: %s\n", why ? why : "cannot use the terminal");
        close(fd);
        return 2;
    }
    NotesConn *nc = xcalloc(1, sizeof *nc);
    Canvas *c = canvas_new(1, 1);
    int status = 0, ended = 0;
    for (;;) {
        if (notes_read(fd, nc) < 0) {
            ended = 1;
            break;
        }
        int cols, rows;
        screen_size(&cols, &rows);
        notes_draw(c, cols, rows, nc->state, time(NULL));
        screen_blit(c);
        ScreenKey k;
        ScreenKeyCode code = screen_getkey(200, &k);   /* a new state shows within 0.2 s */
        if (code == SK_SIGNAL) {
            status = 128 + k.signal;
            break;
        }
        if (code == SK_CHAR && k.ch == 'q') break;
        if (code == SK_CTRL && k.ch == 'l') screen_redraw();
    }
    screen_close();
    canvas_free(c);
    cJSON_Delete(nc->state);
    free(nc);
    close(fd);
    sb_free(&err);
    if (ended) printf("memtutor notes: the presenter has quit\n");
    return status;
}
