/* perfbp-bench moves' native.json: its settings block, one results entry per scenario (output.c). */
#ifndef PERFBP_MOVES_OUTPUT_H
#define PERFBP_MOVES_OUTPUT_H

#include "../core/document.h"
#include "../core/env.h"
#include "../core/move_plan.h"

struct moves_record {
	int argc;			/* the whole command line, for native.json */
	char **argv;
	const char *out;		/* NULL = stdout */
	const struct env *env;
	const struct moves_plan *plan;	/* with its results */
	double started_at;		/* seconds since the epoch */
	double finished_at;
	struct process_resources resources;
};

/* Writes native.json to record->out atomically (temp file + rename), or to stdout. -1 on failure. */
int moves_write(const struct moves_record *record);

#endif
