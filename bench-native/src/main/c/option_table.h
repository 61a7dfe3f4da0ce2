/*
 * The rows of every command's option table and which rows each command takes (option_table.c):
 * parsing (cli.c) and --help (help.c) are both driven by them, so an option cannot exist
 * without its help text and its valid values.
 */
#ifndef PERFBP_OPTION_TABLE_H
#define PERFBP_OPTION_TABLE_H

#include "cli.h"

enum option_kind {
	OPT_AXIS,     /* a scenario key: a comma-separated list that overrides the matrix's */
	OPT_COUNT,    /* a whole number with a minimum */
	OPT_MATRIX,
	OPT_OUT,
	OPT_FLAG,
	OPT_PROFILER, /* the profiler's own options, parsed by profiler/options.c */
	OPT_SIZES,    /* round-size's round sizes: a comma-separated list of whole numbers */
};

enum count_target { COUNT_ITERATIONS, COUNT_ROUNDS, COUNT_WARMUP, COUNT_ROUND_MS, COUNT_MIN_OPS };

struct option_desc {
	const char *name;
	const char *arg;
	enum option_kind kind;
	int target;   /* enum axis, enum count_target, enum profiler_option or which flag */
	long min;     /* OPT_COUNT: smallest valid value */
	long max;
	const char *help;
};

enum flag_target { FLAG_HELP, FLAG_DRY_RUN };

/* --iterations' range, which round-size's --sizes and --min-ops share. */
#define MIN_ROUND_OPS 1L
#define MAX_ROUND_OPS 1000000000L

/* How the old spelling marks the profiler's rows, in --help and in their refusals. */
#define OLD_PROFILER_PREFIX "--matrix profiler: "
#define OLD_PROFILER_SUFFIX " (with --matrix profiler)"

/* The rows command takes, in the order --help and the refusals list them; NULL-terminated. */
const struct option_desc *const *option_table(enum command command);

#endif
