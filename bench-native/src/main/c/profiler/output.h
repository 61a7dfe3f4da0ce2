/* perfbp-bench profiler's native.json: its settings, its block and its entries (output.c). */
#ifndef PERFBP_PROFILER_OUTPUT_H
#define PERFBP_PROFILER_OUTPUT_H

#include "runner.h"

#include "../core/document.h"
#include "../core/env.h"

struct profiler_record {
	int argc;			/* the whole command line, for native.json */
	char **argv;
	const char *out;		/* NULL = stdout */
	const struct env *env;
	const struct profiler_results *results;
	double started_at;		/* seconds since the epoch */
	double finished_at;
	struct process_resources resources;
};

/* Writes native.json to record->out atomically (temp file + rename), or to stdout. -1 on failure. */
int profiler_write(const struct profiler_record *record);

#endif
