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

/* Append s (len bytes) escaped for HTML and XML text and attribute values:
 * & < > " ' as entities; invalid UTF-8, control characters (but \n and
 * \t), noncharacters and bidirectional overrides as U+FFFD. */
void export_escape(StrBuf *out, const char *s, size_t len);

#endif
