/* Per-step state and events as JSON (memtutor trace), and the checker that
 * verifies a lesson's expectations against the simulator (memtutor check). */
#ifndef MEMTUTOR_TRACE_H
#define MEMTUTOR_TRACE_H
#include <stdio.h>

#include "session.h"

/* One JSON object (one line, no newline) describing the session's current step. */
void trace_step_json(Session *s, StrBuf *out);

/* Verify every expectation of a lesson.  Returns 0 if all hold, 1 if some
 * expectation fails (each failure described in report, one line each), 2 if
 * the lesson is broken (a line never reached, an answer that does not
 * evaluate, a script error): then report ends with the error (util.h's
 * error_text forms): a source that does not parse is the whole report, as
 * CPython's text or memtutor's line; otherwise one line with no newline,
 * after the lines of any failures found before it. */
int check_lesson(Lesson *l, StrBuf *report);

#endif
