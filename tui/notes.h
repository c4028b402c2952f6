/* The presenter's second screen.  `memtutor LESSON --presenter` listens on a
 * local (AF_UNIX) socket and tells every `memtutor notes` connected to it
 * where the lesson is; the notes screen shows the instructor notes, the
 * question's answer ahead of time, the next step's narration and the time
 * elapsed.  One JSON object per line goes from the presenter to the notes
 * screens, nothing the other way.
 *
 * The socket: $XDG_RUNTIME_DIR/memtutor-presenter.sock when XDG_RUNTIME_DIR
 * is an absolute path to a directory of yours; otherwise
 * ${TMPDIR:-/tmp}/memtutor-UID/presenter.sock, in a directory made for it
 * with mode 0700 (refused when it is not a directory of yours that only you
 * can use).  The socket itself is made with mode 0600. */
#ifndef MEMTUTOR_NOTES_H
#define MEMTUTOR_NOTES_H
#include "lesson.h"
#include "session.h"
#include "util.h"

/* The socket's path by the rule above, into path (0), or one line in err
 * (-1).  create: make the fallback directory when it is missing. */
int notes_socket_path(StrBuf *path, int create, StrBuf *err);

typedef struct Presenter Presenter;

/* Listen for notes screens.  NULL with one line in err when another
 * presenter is running or the socket cannot be made.  A socket left by a
 * presenter that died is replaced. */
Presenter *presenter_open(StrBuf *err);
/* Call often (each turn of the TUI's loop): takes in new notes screens and
 * tells them all where the lesson is when that changed (s and l NULL: no
 * lesson open, the menu).  Never blocks; a notes screen that cannot keep up
 * or has gone is dropped. */
void presenter_update(Presenter *p, Session *s, const Lesson *l);
/* Stop: the notes screens see the end and say so; the socket is removed
 * (only if it is still the one made here).  NULL is fine. */
void presenter_close(Presenter *p);

/* `memtutor notes` (argv after "notes"): the exit status; 2 when no
 * presenter is running or the terminal cannot be used. */
int notes_main(int argc, char **argv);

#endif
