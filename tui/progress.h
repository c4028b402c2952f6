/* Self-study progress: $XDG_STATE_HOME/memtutor/progress.json (default
 * ~/.local/state/memtutor/progress.json).  Per lesson id: the furthest step
 * reached, whether the lesson was finished (its last step reached), the step
 * last shown, and the answers given to its questions.  Written atomically
 * (a temporary file in the same directory, then rename; a symlink is
 * followed, the file it names replaced).  A file that does not parse, cannot
 * be read or is over 4 MiB is moved aside (progress.json.corrupt, or
 * .corrupt.1, .2, ...: an earlier copy is never overwritten) with a one-line
 * warning, and progress starts empty: it never stops the menu.  One that
 * cannot even be moved aside is never written over.  Instances that share
 * the file save under a lock (flock on progress.json.lock) and merge: each
 * re-reads the file and puts in only the lessons it changed.
 *
 *   {"version": 1, "last": "del-unbinds-names",
 *    "lessons": {"del-unbinds-names": {"furthest": 3, "nsteps": 7, "at": 3,
 *       "finished": false, "answers": {"2": {"given": "3", "correct": true}}}}}
 */
#ifndef MEMTUTOR_PROGRESS_H
#define MEMTUTOR_PROGRESS_H
#include "util.h"

typedef struct Progress Progress;

/* The file's path (malloc'd), or NULL when neither XDG_STATE_HOME nor HOME
 * is set. */
char *progress_path(void);

/* Load the progress file (missing: empty progress).  Never NULL.  A corrupt
 * unreadable or oversized file is moved aside (PATH.corrupt, PATH.corrupt.N)
 * and one line saying so goes to warning. */
Progress *progress_load(StrBuf *warning);
void progress_free(Progress *p);

/* Merge into the file as it is now and write it atomically (creating its
 * directory); p then holds the merged progress.  Returns 0, or -1 with a
 * line in err. */
int progress_save(Progress *p, StrBuf *err);

/* Delete the progress file.  Returns 0 (also when there was none), or -1 with
 * a line in err. */
int progress_reset(StrBuf *err);

/* Step `step` of `nsteps` of lesson `id` was shown: updates the furthest
 * step, the last position and finished (step == nsteps). */
void progress_reached(Progress *p, const char *id, int step, int nsteps);
/* An answer given to the question at step `step`. */
void progress_answer(Progress *p, const char *id, int step, const char *given, int correct);

int progress_finished(const Progress *p, const char *id);
int progress_furthest(const Progress *p, const char *id);   /* 0 if none */
int progress_at(const Progress *p, const char *id);         /* last step shown, 0 if none */
/* The lesson opened last (NULL if none). */
const char *progress_last(const Progress *p);

#endif
