/* The profiler's own options: parsing one, its valid values, and the PROFILER help (options.c). */
#ifndef PERFBP_PROFILER_OPTIONS_H
#define PERFBP_PROFILER_OPTIONS_H

#include "../core/scenario.h"

#include <stdio.h>

#define PROFILER_MAX_RATE 100000 /* the kernel's hrtimer for task-clock fires at most every 10 us */

/* The profiler rows of the option tables (cli.c). */
enum profiler_option { PROFILER_OPT_WORKLOAD, PROFILER_OPT_RATE, PROFILER_OPT_WORK };

/* What the profiler options set; count 0 / 0 = the defaults. */
struct profiler_options {
	struct value_list workloads;
	struct value_list rates;
	long work_ms;
};

/*
 * Sets what one profiler option says; -1 after one line naming it and its valid values, then
 * suffix (the old spelling adds " (with --matrix profiler)").
 */
int profiler_parse_option(int target, const char *name, const char *value, const char *suffix,
			  struct profiler_options *po);
const char *profiler_option_valid(int target);
/* The PROFILER section of --help; heading names how it is spelled (--matrix profiler, perfbp-bench profiler). */
void profiler_help(FILE *out, const char *heading);

#endif
