/* perfbp-bench moves: its options, their defaults and checks, and its --help (options.c, help.c). */
#ifndef PERFBP_MOVES_OPTIONS_H
#define PERFBP_MOVES_OPTIONS_H

#include "../core/args.h"
#include "../core/scenario_args.h"

#include <stdbool.h>
#include <stdio.h>

struct moves_options {
	struct scenario_choice scenarios; /* --matrix, the scenario keys */
	long iterations;		  /* --iterations: fixed ops per round; 0 = rounds sized by time */
	long round_ms;			  /* time-sized rounds: about this long each */
	long min_ops;			  /* time-sized rounds: never fewer ops */
	bool round_ms_given;		  /* for the refusals of contradicting sizing options */
	bool min_ops_given;
	struct args_common common;	  /* --rounds, --warmup, --out, --dry-run, --help */
};

/* Fills opts from argv[2..] (argv[1] is "moves"); 0, or -1 after one line on bad input. */
int moves_options_parse(int argc, char **argv, struct moves_options *opts);
/* perfbp-bench moves --help. */
void moves_help(FILE *out);

#endif
