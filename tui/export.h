/* `memtutor export`: a lesson as one self-contained web page (HTML/CSS and a
 * little script, no network, no other files) or as one animated SVG, both
 * made of the frames the TUI and `render` draw (app_frames), coloured from
 * the canvas style table.  Outputs are written through a temporary file
 * beside the target and renamed into place (export_write_file). */
#ifndef MEMTUTOR_EXPORT_H
#define MEMTUTOR_EXPORT_H
#include <stddef.h>

#include "util.h"

/* The export command: argv after "export".  Returns the exit status (0; 2
 * bad usage, a bad target or a failed write, one line on stderr; 1 a script
 * that does not parse). */
int export_main(int argc, char **argv);

/* Write len bytes to path without losing anything the user had:
 *   "-"              standard output;
 *   a device, FIFO   the bytes go straight to it (nothing is created,
 *   or socket        truncated or removed, a failure is only reported);
 *   anything else    a new temporary file beside the target, synced, then
 *                    renamed over it (a symlink: over the file it points
 *                    to, so the link stays); the new file gets the mode of
 *                    the one it replaces, else 0666 less the umask.
 * Refused: a directory, and the input (same file as `input` when that is
 * not NULL and exists, also through a link).  On failure one line (no
 * "memtutor: " prefix) goes to err, the temporary file is removed and path is
 * as it was.  Returns 0 or -1. */
int export_write_file(const char *path, const char *input, const char *data, size_t len, StrBuf *err);

/* Append s (len bytes) escaped for HTML and XML text and attribute values:
 * & < > " ' as entities; invalid UTF-8, control characters (but \n and
 * \t), noncharacters and bidirectional overrides as U+FFFD. */
void export_escape(StrBuf *out, const char *s, size_t len);

#endif
