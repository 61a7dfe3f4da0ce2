/* Putting a finished native.json on stdout or, atomically, at --out (publish.c). */
#ifndef PERFBP_PUBLISH_H
#define PERFBP_PUBLISH_H

#include <stddef.h>

/* out NULL: stdout. Otherwise temp file + fsync + rename. -1 after one line on stderr. */
int publish_document(const char *out, const char *document, size_t len);

/* Whether --out can be published to (NULL: stdout), checked before a run so a long run cannot end
 * with nowhere to put its results: -1 after one line on stderr. */
int out_path_check(const char *out);

#endif
