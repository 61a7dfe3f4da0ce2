/* perfbp-bench profiler's options, their defaults, and its --help (options.c, help.c). */
#ifndef PERFBP_PROFILER_OPTIONS_H
#define PERFBP_PROFILER_OPTIONS_H

#include "../core/args.h"
#include "../core/scenario.h"

#include <stdbool.h>
#include <stdio.h>

#define PROFILER_MAX_RATE 100000 /* the kernel's hrtimer for task-clock fires at most every 10 us */

/* The rows of the profiler's own values (the others are the command line's usual ones). */
enum profiler_option { PROFILER_OPT_WORKLOAD, PROFILER_OPT_RATE, PROFILER_OPT_WORK };

/* What the options set; count 0 / 0 = the defaults. */
struct profiler_options {
	struct value_list strategies; /* --strategy: reopen, modify (count 0: both) */
	struct value_list workloads;
	struct value_list rates;
	long work_ms;
	struct args_common common;    /* --rounds, --warmup, --out, --dry-run, --help */
};

/* Fills po from argv[2..] (argv[1] is "profiler"); 0, or -1 after one line on bad input. */
int profiler_options_parse(int argc, char **argv, struct profiler_options *po);
/* The OPTIONS section of its --help. */
void profiler_help_options(FILE *out);
/* perfbp-bench profiler --help. */
void profiler_help(FILE *out);

#endif
