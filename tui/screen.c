/* screen: curses in one place (htop's CRT.c is the model). Open/close, the
 * semantic style table turned into colour pairs, canvas blits through the
 * wide-character API, keys and mouse, and the signals that must never leave
 * a terminal in raw mode. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include "screen.h"

#include <curses.h>
#include <term.h>

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

/* ---- state -------------------------------------------------------------- */

static struct {
    bool open;
    SCREEN *scr;
    Scheme scheme;
    bool ascii;
    bool bright;                 /* the terminal has 16 colours or more */
    struct termios shell_tty;    /* the tty as we found it */
    char restore[256];           /* bytes that leave curses mode, for handlers */
    size_t restore_len;
    struct sigaction old[5];
    struct sigaction old_crash[5];
    struct sigaction old_fatal[NSIG];   /* by signal number */
    void *altstack;              /* the main thread's alternate signal stack */
} S;

static const int handled_signals[5] = {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT};

static volatile sig_atomic_t pending_signal;   /* SIGINT/TERM/HUP seen */
static volatile sig_atomic_t resumed;          /* SIGCONT seen */

/* ---- signals ------------------------------------------------------------ */

/* Leave curses mode using async-signal-safe calls only. */
static void raw_restore(void)
{
    ssize_t n = write(STDOUT_FILENO, S.restore, S.restore_len);
    (void)n;
    tcsetattr(STDIN_FILENO, TCSADRAIN, &S.shell_tty);
}

static void on_quit(int sig)
{
    if (pending_signal == 0) {
        pending_signal = sig;
        return;
    }
    raw_restore();
    _exit(128 + sig);
}

static void on_tstp(int sig)
{
    int saved = errno;
    sigset_t set;
    raw_restore();
    signal(sig, SIG_DFL);
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), sig);                     /* stops here until SIGCONT */
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tstp;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    resumed = 1;
    errno = saved;
}

static void on_cont(int sig)
{
    (void)sig;
    resumed = 1;
}

/* A crash (release builds: the sanitizers keep their own reports) gives the
 * terminal back, then dies of the same signal with its default action. */
static const int crash_signals[5] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};
#if defined(__SANITIZE_ADDRESS__)
#define CATCH_CRASHES 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CATCH_CRASHES 0
#endif
#endif
#ifndef CATCH_CRASHES
#define CATCH_CRASHES 1
#endif

static void on_crash(int sig)
{
    raw_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Every other signal whose default action ends the process (Ctrl-\\,
 * kill -USR1, a broken pipe, a CPU limit, the real-time signals, ...): the
 * terminal is given back, then the default action happens (exit 128+sig,
 * a core where it makes one). */
static const int fatal_signals[] = {
    SIGQUIT, SIGTRAP, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGIO
    SIGIO,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGEMT
    SIGEMT,
#endif
#ifdef SIGLOST
    SIGLOST,
#endif
};

static void for_each_fatal(void (*fn)(int sig))
{
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) fn(fatal_signals[i]);
#ifdef SIGRTMIN
    for (int sig = SIGRTMIN; sig <= SIGRTMAX && sig < NSIG; sig++) fn(sig);
#endif
}

static void install_fatal(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_NODEFER | SA_RESETHAND | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, NULL, &S.old_fatal[sig]);
    if (S.old_fatal[sig].sa_handler == SIG_IGN) return;   /* ignored (nohup): left so */
    sigaction(sig, &sa, NULL);
}

static void remove_fatal(int sig) { sigaction(sig, &S.old_fatal[sig], NULL); }

static void install_handlers(void)
{
    for_each_fatal(install_fatal);
    for (size_t i = 0; CATCH_CRASHES && i < sizeof crash_signals / sizeof crash_signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_crash;
        /* on the thread's alternate stack: a stack overflow still restores */
        sa.sa_flags = SA_NODEFER | SA_RESETHAND | SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        sigaction(crash_signals[i], &sa, &S.old_crash[i]);
    }
    for (size_t i = 0; i < sizeof handled_signals / sizeof handled_signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        int sig = handled_signals[i];
        sa.sa_handler = sig == SIGTSTP ? on_tstp : sig == SIGCONT ? on_cont : on_quit;
        sigemptyset(&sa.sa_mask);
        sigaction(sig, &sa, &S.old[i]);
    }
}

static void remove_handlers(void)
{
    for_each_fatal(remove_fatal);
    for (size_t i = 0; CATCH_CRASHES && i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        sigaction(crash_signals[i], &S.old_crash[i], NULL);
    for (size_t i = 0; i < sizeof handled_signals / sizeof handled_signals[0]; i++)
        sigaction(handled_signals[i], &S.old[i], NULL);
}

/* Append a terminfo string capability to the restore bytes, if it has one. */
static void add_restore_cap(const char *cap)
{
    char *s = tigetstr(cap);
    if (!s || s == (char *)-1)
        return;
    size_t n = strlen(s);
    if (S.restore_len + n < sizeof S.restore) {
        memcpy(S.restore + S.restore_len, s, n);
        S.restore_len += n;
    }
}

/* ---- open and close ----------------------------------------------------- */

bool screen_can_open(const char **why)
{
    const char *term = getenv("TERM");
    const char *reason = NULL;
    if (!isatty(STDIN_FILENO))
        reason = "standard input is not a terminal";
    else if (!isatty(STDOUT_FILENO))
        reason = "standard output is not a terminal";
    else if (!term || !*term)
        reason = "TERM is not set";
    else if (strcmp(term, "dumb") == 0)
        reason = "TERM is \"dumb\": the interactive view needs a full terminal";
    if (why)
        *why = reason;
    return reason == NULL;
}

static bool locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static void setup_colours(const ScreenOpts *o)
{
    const char *nc = getenv("NO_COLOR");
    bool colour = o->color == SCREEN_COLOR_ALWAYS ||
                  (o->color == SCREEN_COLOR_AUTO && !(o->honour_no_color && nc && *nc));
    S.scheme = o->high_contrast ? SCHEME_CONTRAST : SCHEME_NORMAL;
    if (!colour || !has_colors() || start_color() == ERR || COLOR_PAIRS < 9) {
        S.scheme = SCHEME_MONO;
        return;
    }
    use_default_colors();
    /* One pair per foreground colour on the default background: pair 1+c. */
    S.bright = COLORS >= 16 && COLOR_PAIRS >= 17;
    for (int c = 0; c < (S.bright ? 16 : 8); c++)
        init_pair((short)(1 + c), (short)c, -1);
}

int screen_open(const ScreenOpts *opts, const char **why)
{
    static bool atexit_done;
    ScreenOpts o = {SCREEN_COLOR_AUTO, true, false, false, true};
    if (S.open)
        return 0;
    if (opts)
        o = *opts;
    if (!screen_can_open(why))
        return -1;
    if (tcgetattr(STDIN_FILENO, &S.shell_tty) != 0) {
        if (why)
            *why = "cannot read the terminal settings";
        return -1;
    }
    pending_signal = 0;
    resumed = 0;
    /* Our handlers go in first: ncurses installs its own only where it
     * finds SIG_DFL. */
    install_handlers();
    S.altstack = altstack_on();
    S.scr = newterm(NULL, stdout, stdin);
    if (!S.scr) {
        remove_handlers();
        altstack_off(S.altstack);
        S.altstack = NULL;
        if (why)
            *why = "cannot use this terminal (is TERM right?)";
        return -1;
    }
    set_term(S.scr);
    S.open = true;
    S.ascii = o.ascii || !locale_is_utf8();
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    /* Home and End as tmux, screen and the Linux console send them, and as
     * xterm does in either cursor mode, whatever TERM's entry says (inside
     * tmux, TERM=xterm-256color lacks \e[1~ and \e[4~) */
    static const struct { const char *seq; int key; } home_end[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
        {"\033[H", KEY_HOME}, {"\033[F", KEY_END}, {"\033OH", KEY_HOME}, {"\033OF", KEY_END},
    };
    for (size_t i = 0; i < sizeof home_end / sizeof home_end[0]; i++)
        if (key_defined(home_end[i].seq) == 0) define_key(home_end[i].seq, home_end[i].key);
    leaveok(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    setup_colours(&o);
    if (o.mouse) {
        mousemask(BUTTON1_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                      | BUTTON5_PRESSED
#endif
                  , NULL);
        mouseinterval(0);
    }
    S.restore_len = 0;
    add_restore_cap("sgr0");
    add_restore_cap("cnorm");
    add_restore_cap("rmkx");
    add_restore_cap("rmcup");
    if (o.mouse && has_mouse()) {
        static const char mouse_off[] = "\x1b[?1000l\x1b[?1006l";
        memcpy(S.restore + S.restore_len, mouse_off, sizeof mouse_off - 1);
        S.restore_len += sizeof mouse_off - 1;
    }
    if (!atexit_done) {
        atexit(screen_close);
        atexit_done = true;
    }
    return 0;
}

void screen_close(void)
{
    if (!S.open)
        return;
    S.open = false;
    endwin();
    delscreen(S.scr);
    S.scr = NULL;
    remove_handlers();
    altstack_off(S.altstack);
    S.altstack = NULL;
}

bool screen_is_open(void)
{
    return S.open;
}

void screen_size(int *w, int *h)
{
    int rows = 0, cols = 0;
    if (S.open) {
        /* a resize that came while curses was starting can be missed: ask
         * the terminal itself and catch up */
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
            (ws.ws_row != LINES || ws.ws_col != COLS))
            resizeterm(ws.ws_row, ws.ws_col);
        getmaxyx(stdscr, rows, cols);
    }
    *w = cols;
    *h = rows;
}

Scheme screen_scheme(void)
{
    return S.scheme;
}

void screen_set_contrast(bool on)
{
    if (!S.open || S.scheme == SCHEME_MONO)
        return;
    S.scheme = on ? SCHEME_CONTRAST : SCHEME_NORMAL;
    clearok(curscr, TRUE);
}

bool screen_ascii(void)
{
    return S.ascii;
}

/* ---- drawing ------------------------------------------------------------ */

/* Curses attributes and pair for a style. Pairs are per foreground colour
 * on the default background (the scheme tables never set a background);
 * bright colours on an 8-colour terminal become the base colour in bold. */
static void cell_look(Style style, attr_t *attr, short *pair)
{
    StyleSpec s = canvas_style_resolve(S.scheme, style);
    attr_t a = A_NORMAL;
    if (s.attrs & CF_BOLD)
        a |= A_BOLD;
    if (s.attrs & CF_REVERSE)
        a |= A_REVERSE;
    if (s.attrs & CF_DIM)
        a |= A_DIM;
    if (s.attrs & CF_UNDERLINE)
        a |= A_UNDERLINE;
    int fg = s.fg;
    if (S.scheme == SCHEME_MONO)
        fg = -1;
    if (fg >= 8 && !S.bright) {
        fg -= 8;
        a |= A_BOLD;
    }
    *attr = a;
    *pair = (short)(fg < 0 ? 0 : 1 + fg);
}

void screen_blit(const Canvas *c)
{
    if (!S.open)
        return;
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    werase(stdscr);
    int h = c->h < rows ? c->h : rows;
    int w = c->w < cols ? c->w : cols;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            const Cell *p = canvas_cell(c, x, y);
            wchar_t wc[2] = {0, 0};
            if (S.ascii) {
                wc[0] = (wchar_t)(unsigned char)canvas_ascii(p->cp == CANVAS_CONT ? 0x4e00
                                                                                 : p->cp);
            } else if (p->cp == CANVAS_CONT) {
                continue;                    /* covered by its wide lead */
            } else if (x + 1 >= w && canvas_cp_width(p->cp) == 2) {
                wc[0] = L' ';                /* half a wide char: a blank */
            } else {
                wc[0] = (wchar_t)p->cp;
            }
            attr_t a;
            short pair;
            cchar_t cc;
            cell_look(p->style, &a, &pair);
            setcchar(&cc, wc, a, pair, NULL);
            mvwadd_wch(stdscr, y, x, &cc);
        }
    }
    wnoutrefresh(stdscr);
    doupdate();
}

void screen_redraw(void)
{
    if (S.open)
        clearok(curscr, TRUE);
}

/* ---- keys --------------------------------------------------------------- */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A function key from curses, or SK_NONE for one memtutor ignores. */
static ScreenKeyCode map_function_key(wint_t k, ScreenKey *key)
{
    switch (k) {
    case KEY_UP: return SK_UP;
    case KEY_DOWN: return SK_DOWN;
    case KEY_LEFT: return SK_LEFT;
    case KEY_RIGHT: return SK_RIGHT;
    case KEY_HOME: return SK_HOME;
    case KEY_END: return SK_END;
    /* Home and End as some terminfo entries name them */
    case KEY_FIND: return SK_HOME;
    case KEY_SELECT: return SK_END;
    case KEY_PPAGE: return SK_PGUP;
    case KEY_NPAGE: return SK_PGDN;
    case KEY_BACKSPACE: return SK_BACKSPACE;
    case KEY_DC: return SK_DELETE;
    case KEY_ENTER: return SK_ENTER;
    case KEY_BTAB: return SK_BTAB;
    case KEY_F(1): return SK_F1;
    case KEY_RESIZE: return SK_RESIZE;
    case KEY_MOUSE: {
        MEVENT ev;
        if (getmouse(&ev) != OK)
            return SK_NONE;
        key->x = ev.x;
        key->y = ev.y;
        if (ev.bstate & BUTTON1_PRESSED)
            key->button = 1;
        else if (ev.bstate & BUTTON3_PRESSED)
            key->button = 3;
        else if (ev.bstate & BUTTON4_PRESSED)
            key->button = 4;
#ifdef BUTTON5_PRESSED
        else if (ev.bstate & BUTTON5_PRESSED)
            key->button = 5;
#endif
        else
            return SK_NONE;
        return SK_MOUSE;
    }
    default: return SK_NONE;
    }
}

static ScreenKeyCode map_char(wint_t ch, ScreenKey *key)
{
    switch (ch) {
    case 27: return SK_ESC;
    case '\r': case '\n': return SK_ENTER;
    case '\t': return SK_TAB;
    case 127: case 8: return SK_BACKSPACE;
    default: break;
    }
    if (ch < 32) {
        key->ch = (uint32_t)ch + 'a' - 1;
        return SK_CTRL;
    }
    key->ch = (uint32_t)ch;
    return SK_CHAR;
}

/* The terminal went away (its window closed, its tmux server killed) while
 * no SIGHUP reached us (blocked, or sent only to a parent shell): a read
 * then fails at once, so without this check the key loop would spin at
 * full speed forever.  Treated as the SIGHUP it stands for. */
static int terminal_hung_up(void)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&p, 1, 0) < 0)
        return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* When screen_getkey last returned: a computation started then. */
static long long last_key_ms;
#define INTERRUPT_AFTER_MS 300

int screen_poll_interrupt(void)
{
    if (!S.open) return 0;
    if (pending_signal) {
        /* Ctrl-C only interrupts; SIGTERM/SIGHUP stay pending: the caller quits */
        if (pending_signal == SIGINT) pending_signal = 0;
        return 1;
    }
    static long long last;
    long long now = now_ms();
    /* keys typed ahead during a short computation are keys, not an
     * interrupt: only one that runs for a while can be stopped */
    if (now - last_key_ms < INTERRUPT_AFTER_MS || now - last < 20) return 0;
    last = now;
    wtimeout(stdscr, 0);
    wint_t ch;
    int r = wget_wch(stdscr, &ch);
    if (r == ERR) return 0;
    if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
        /* not a key: leave the resize for the main loop */
        ungetch(KEY_RESIZE);
        return 0;
    }
    return 1;                /* any key: swallowed, it was the interrupt */
}

ScreenKeyCode screen_getkey(int timeout_ms, ScreenKey *key)
{
    ScreenKey dummy;
    if (!key)
        key = &dummy;
    memset(key, 0, sizeof *key);
    if (!S.open)
        return last_key_ms = now_ms(), key->code = SK_NONE;
    long long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    for (;;) {
        if (pending_signal) {
            key->signal = pending_signal;
            return last_key_ms = now_ms(), key->code = SK_SIGNAL;
        }
        if (resumed) {
            /* Back from Ctrl-Z: ncurses re-enters its mode and repaints
             * everything at the first update after endwin. */
            resumed = 0;
            endwin();
            wnoutrefresh(stdscr);
            doupdate();
            return last_key_ms = now_ms(), key->code = SK_RESIZE;
        }
        /* Wait in slices so that signal flags are seen even if curses
         * restarts its wait after an interrupted read. */
        long long slice = 200;
        if (deadline >= 0) {
            long long left = deadline - now_ms();
            if (left <= 0)
                return last_key_ms = now_ms(), key->code = SK_NONE;
            if (left < slice)
                slice = left;
        }
        wtimeout(stdscr, (int)slice);
        wint_t ch;
        int r = wget_wch(stdscr, &ch);
        ScreenKeyCode code = SK_NONE;
        if (r == KEY_CODE_YES)
            code = map_function_key(ch, key);
        else if (r == OK)
            code = map_char(ch, key);
        if (code != SK_NONE)
            return last_key_ms = now_ms(), key->code = code;
        if (r == ERR && terminal_hung_up()) {
            pending_signal = SIGHUP;
            key->signal = SIGHUP;
            return last_key_ms = now_ms(), key->code = SK_SIGNAL;
        }
    }
}
