/* native.json as one document, built from each experiment's blocks and published (output.c). */
#ifndef PERFBP_OUTPUT_H
#define PERFBP_OUTPUT_H

#include "cli.h"
#include "core/env.h"
#include "core/json.h"
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

/* The parts every experiment's native.json opens with, for a command that builds its own
 * document (trap-anatomy): harness, command, argv, startedAt, finishedAt, elapsedSeconds. */
int output_write_header(struct json *j, int argc, char **argv, double started_at, double finished_at);
/* The "env" block: the machine as core/env.c probed it. */
void output_write_env(struct json *j, const struct env *env);
/* Builds a document in memory with write (0, or -1 on failure) and publishes it to out (NULL:
 * stdout) atomically; -1 after one line on failure. */
int output_build(int (*write)(FILE *f, const void *arg), const void *arg, const char *out);
/* Publishes a document built in memory (built: 0 when building it succeeded); frees it. */
int output_publish(char *document, size_t len, int built, const char *out);
void iso_time(double seconds, char *buf, size_t size);

#endif
