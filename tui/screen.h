/* The one door to curses: open and restore the terminal, colours from the
 * canvas style table, blitting a canvas, reading keys and mouse clicks,
 * signals. Nothing else in memtutor includes curses. The terminal is a
 * single global resource, so this module keeps its state in statics. */
#ifndef MEMTUTOR_SCREEN_H
#define MEMTUTOR_SCREEN_H
#include <stdbool.h>
#include <stdint.h>

#include "canvas.h"

typedef enum { SCREEN_COLOR_AUTO, SCREEN_COLOR_ALWAYS, SCREEN_COLOR_NEVER } ScreenColorMode;

typedef struct {
    ScreenColorMode color;  /* never: the NO_COLOR scheme (bold/reverse/dim) */
    bool honour_no_color;   /* in auto mode, a non-empty $NO_COLOR means never */
    bool high_contrast;     /* SCHEME_CONTRAST instead of SCHEME_NORMAL */
    bool ascii;             /* ASCII drawing even in a UTF-8 locale */
    bool mouse;             /* report clicks and the wheel */
} ScreenOpts;

/* Can the TUI start here? false, with a one-line reason in *why (static
 * text), when stdin or stdout is not a terminal or TERM is unset or "dumb".
 * The caller prints the reason and exits 2; no escape code is written. */
bool screen_can_open(const char **why);

/* Take over the terminal. main must have called setlocale(LC_ALL, "")
 * before: the locale decides whether wide characters can be shown; when its
 * codeset is not UTF-8, drawing is ASCII whatever opts->ascii says.
 * Returns 0, or -1 with a reason in *why (terminal unusable) and the
 * terminal untouched. Opening twice is a no-op. Installs handlers:
 *   SIGINT, SIGTERM, SIGHUP: the first one only sets a flag, which
 *     screen_getkey reports as SK_SIGNAL; the caller then saves what it must,
 *     calls screen_close() and exits 128+signal. A second such signal before
 *     that (a caller that does not poll) restores the tty and exits 128+sig
 *     from the handler, using async-signal-safe calls only.
 *   SIGTSTP (Ctrl-Z): restore the terminal, stop; on SIGCONT the next
 *     screen_getkey re-enters curses, repaints, and returns SK_RESIZE so the
 *     caller re-lays out for a possibly new size.
 * screen_close is also registered with atexit. */
int screen_open(const ScreenOpts *opts, const char **why);
/* Give the terminal back (endwin, old signal handlers). Idempotent. */
void screen_close(void);
bool screen_is_open(void);

/* Terminal size in cells (0x0 when not open). */
void screen_size(int *w, int *h);
/* The scheme and drawing mode in effect (for the status line, for help). */
Scheme screen_scheme(void);
bool screen_ascii(void);

/* Presenter mode: switch between SCHEME_CONTRAST (on) and SCHEME_NORMAL
 * while open; no effect in the NO_COLOR scheme.  Repaints at the next blit. */
void screen_set_contrast(bool on);

/* Draw the canvas (clipped to the terminal; the rest erased) and update the
 * terminal with only what changed. */
void screen_blit(const Canvas *c);
/* Repaint the whole terminal at the next blit (Ctrl-L). */
void screen_redraw(void);

typedef enum {
    SK_NONE,        /* timeout */
    SK_CHAR,        /* a printable character: key.ch */
    SK_CTRL,        /* Ctrl + letter: key.ch is the lower-case letter */
    SK_UP, SK_DOWN, SK_LEFT, SK_RIGHT,
    SK_HOME, SK_END, SK_PGUP, SK_PGDN,
    SK_BACKSPACE, SK_DELETE, SK_ENTER, SK_TAB, SK_BTAB, SK_ESC, SK_F1,
    SK_RESIZE,      /* size changed (or resumed after Ctrl-Z): re-lay out */
    SK_MOUSE,       /* key.x, key.y cell; key.button 1 left, 3 right,
                       4 wheel up, 5 wheel down */
    SK_SIGNAL,      /* SIGINT/SIGTERM/SIGHUP: key.signal; close and exit */
} ScreenKeyCode;

typedef struct {
    ScreenKeyCode code;
    uint32_t ch;
    int x, y, button;
    int signal;
} ScreenKey;

/* Wait up to timeout_ms (< 0: forever) for a key; fills *key (may be NULL)
 * and returns its code. Keys curses knows but memtutor does not use are
 * skipped. */
ScreenKeyCode screen_getkey(int timeout_ms, ScreenKey *key);

/* While a long computation runs (called from the simulator's poll; from
 * 300 ms after the last key on, so that keys typed ahead of a short step
 * stay keys, it looks at the keyboard every 20 ms): 1 when a key was pressed (it is
 * swallowed), Ctrl-C came (it is taken) or SIGTERM/SIGHUP is pending (left
 * for screen_getkey, which then reports it); a resize is left queued. */
int screen_poll_interrupt(void);

#endif
