/* native.json as one document, built from each experiment's blocks and published (output.c). */
#ifndef PERFBP_OUTPUT_H
#define PERFBP_OUTPUT_H

#include "cli.h"
#include "core/env.h"
#include "moves/runner.h"
#include "profiler/runner.h"

struct run_record {
	const struct options *opts;
	const struct env *env;
	const struct run_settings *settings;
	const struct scenario *scenarios;
	const struct scenario_result *results;
	int count;
	const char *matrix;
	const struct profiler_results *profiler; /* NULL when the profiler did not run */
	double started_at;   /* seconds since the epoch */
	double finished_at;
	int fds_before, fds_after;	   /* the whole process's, around the measured groups */
	int mappings_before, mappings_after;
};

/* Writes native.json to opts->out atomically (temp file + rename), or to stdout. -1 on failure. */
int output_write(const struct run_record *record);

#endif
