/* Writing an output file without harming what the user owns.  A regular
 * file (or a new one) is written to a temporary file beside it and renamed
 * into place only when everything was written; a symlink is followed (the
 * file it names is replaced, the link stays).  A device, FIFO or socket is
 * written straight to.  Nothing is ever removed but the temporary file this
 * module made, and the input is never written over.
 *
 *   OutFile o;
 *   if (outfile_open(&o, "x.cast", "lesson.json", &err) < 0) ...;
 *   fputs(..., o.f);
 *   if (outfile_commit(&o, &err) < 0) ...;   or outfile_abort(&o) on failure
 */
#ifndef MEMTUTOR_OUTFILE_H
#define MEMTUTOR_OUTFILE_H
#include <stdio.h>

#include "util.h"

typedef struct {
    FILE *f;          /* write here */
    char *path;       /* the destination (a symlink resolved) */
    char *tmp;        /* the temporary file, NULL when written straight */
    int is_stdout;    /* "-" */
} OutFile;

/* Open path for writing ("-": stdout).  `input` (may be NULL) is a file the
 * command reads: writing over it is refused.  Returns 0, or -1 with one line
 * in err ("PATH: why"), nothing created. */
int outfile_open(OutFile *o, const char *path, const char *input, StrBuf *err);
/* Flush and close; rename the temporary file into place.  Returns 0, or -1
 * with one line in err (the temporary file removed, the destination as it
 * was). */
int outfile_commit(OutFile *o, StrBuf *err);
/* Close without keeping anything: only the temporary file is removed. */
void outfile_abort(OutFile *o);

#endif
