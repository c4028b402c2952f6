/* An asciicast v2 writer (https://docs.asciinema.org/manual/asciicast/v2/):
 * a header line, then one event per line. Frames come as canvases; after the
 * first, only what changed is written. Output is a pure function of the calls
 * made: the same calls give byte-identical files. */
#ifndef MEMTUTOR_RECORD_H
#define MEMTUTOR_RECORD_H
#include <stdio.h>

#include "canvas.h"

typedef struct Recorder Recorder;

/* Start a recording on out (the caller keeps ownership of out and closes it).
 * Writes the header:
 *   {"version": 2, "width": W, "height": H, "timestamp": T,
 *    "idle_time_limit": L, "title": "..."}
 * "timestamp" only when timestamp != 0 (leave it 0 for deterministic files),
 * "idle_time_limit" only when idle_time_limit > 0, "title" only when title is
 * not NULL. Never returns NULL; write errors show in record_close. */
Recorder *record_open(FILE *out, int width, int height, const char *title,
                      double idle_time_limit, long long timestamp);

/* A frame at time t seconds: `[t, "o", data]`. The first frame is a full
 * screen (cursor hidden, reset, home, clear); each later one only the diff
 * from the frame before, and no event at all when nothing changed.
 * Times are written with 6 decimals and clamped so they never decrease
 * (a NaN or negative t counts as the previous time). */
void record_frame(Recorder *rec, double t, const Canvas *c, bool ascii, Scheme scheme);
/* A marker `[t, "m", label]` (e.g. "step 3"). */
void record_marker(Recorder *rec, double t, const char *label);
/* Raw output `[t, "o", data]` (data: UTF-8; invalid bytes become U+FFFD). */
void record_output(Recorder *rec, double t, const char *data);

/* Hold what is on screen for `seconds` more: the next event (record_close's)
 * comes that long after the last one written. */
void record_hold(Recorder *rec, double seconds);

/* Finish: an event that shows the cursor again and resets attributes (so
 * `cat file.cast`-style playback leaves a sane terminal), at the last time
 * written; then flush and free rec. Returns 0, or -1 if any write failed.
 * record_close(NULL) returns 0. */
int record_close(Recorder *rec);

/* Append s as a JSON string (quotes included) to out: ", \ and controls
 * escaped (\n \r \t \b \f, the rest \u00XX, DEL as \u007f), valid UTF-8
 * passed through, invalid bytes replaced by U+FFFD. */
void record_json_string(StrBuf *out, const char *s, size_t len);

#endif
