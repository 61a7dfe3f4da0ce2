/*
 * The command line: which command (moves, profiler, or the old spelling without one), its
 * options parsed and checked, the one-line refusals, and the old spelling's note (cli.c).
 */
#ifndef PERFBP_CLI_H
#define PERFBP_CLI_H

#include "core/scenario.h"
#include "profiler/options.h"

#include <stdbool.h>
#include <stdio.h>

enum command {
	COMMAND_OLD_SPELLING, /* perfbp-bench [--matrix LIST] ...: every option of both, one release more */
	COMMAND_MOVES,
	COMMAND_PROFILER,
	COMMAND_ROUND_SIZE, /* does a per-op figure move with the round size? (roundsize/) */
};

#define MAX_ROUND_SIZES 8 /* round-size --sizes A,B[,C...] */

struct options {
	enum command command;
	unsigned matrices;		 /* bit per matrix table entry chosen (--matrix a,b) */
	const char *matrix_text;	 /* --matrix as given, for native.json */
	struct value_list axis[NR_AXES]; /* explicit values; count 0 = take the matrix's */
	struct profiler_options profiler;
	long iterations;		 /* --iterations: fixed ops per round; 0 = rounds sized by time */
	long round_ms;			 /* time-sized rounds: about this long each */
	long min_ops;			 /* time-sized rounds: never fewer ops */
	bool round_ms_given;		 /* for the refusals of contradicting sizing options */
	bool min_ops_given;
	long sizes[MAX_ROUND_SIZES];	 /* round-size --sizes */
	int nsizes;
	const char *sizes_text;
	long rounds;
	long warmup;
	const char *out;		 /* NULL = stdout */
	bool dry_run;
	bool help;
	int argc;			 /* the whole command line, for native.json */
	char **argv;
};

/* Fills opts from argv (the command, if any, picked from argv[1]); one line and -1 on bad input. */
int options_parse(int argc, char **argv, struct options *opts);
/* Bad --out (no such directory, not writable): one line, -1. */
int options_check_out(const struct options *opts);
/* The same check for a path any command writes to (NULL: stdout); -1 after one line on stderr. */
int out_path_check(const char *out);
/* Options that belong to the other experiment than the one chosen: one line, -1. */
int options_check_experiments(const struct options *opts);
/* The old spelling's one stderr line naming the new one (nothing for a command). */
void options_note_old_spelling(const struct options *opts);

#endif
