/* perfbp-bench round-size: its options, their defaults, and its --help (options.c). */
#ifndef PERFBP_ROUND_SIZE_OPTIONS_H
#define PERFBP_ROUND_SIZE_OPTIONS_H

#include "../core/args.h"
#include "../core/scenario_args.h"

#include <stdbool.h>
#include <stdio.h>

#define MAX_ROUND_SIZES 8 /* --sizes A,B[,C...] */

struct round_size_options {
	struct scenario_choice scenarios; /* --scenarios, the scenario keys */
	long sizes[MAX_ROUND_SIZES];
	int nsizes;
	const char *sizes_text;
	struct args_common common;	  /* --rounds, --warmup, --out, --dry-run, --help */
};

/* Fills opts from argv[2..] (argv[1] is "round-size"); 0, or -1 after one line on bad input. */
int round_size_options_parse(int argc, char **argv, struct round_size_options *opts);
/* perfbp-bench round-size --help. */
void round_size_help(FILE *out);

#endif
