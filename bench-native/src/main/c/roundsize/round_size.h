/*
 * perfbp-bench round-size: does a per-op figure move with the round size? The same scenarios
 * as moves, each run at every size of --sizes, interleaved round by round (round_size.c), and
 * written to round-size.json (round_size_output.c); command.c parses, plans and runs it, options.c
 * holds its options and --help.
 */
#ifndef PERFBP_ROUND_SIZE_H
#define PERFBP_ROUND_SIZE_H

#include "options.h"

#include "../core/env.h"
#include "../core/move_plan.h"

#include <stdio.h>

struct round_size_plan {
	struct moves_plan moves;   /* the scenarios, expanded and grouped as moves does; settings.rounds = 1 */
	const long *sizes;	   /* [nsizes], ops per round per thread */
	int nsizes;
	long rounds;		   /* measured rounds per size */
	long warmup;		   /* dropped batches before each measured one */
	const char *out;
	double *ns_per_op;	   /* [scenario][size][round], after round_size_run */
};

/* The scenarios (--scenarios, at trapEvery 0 unless --trapEvery is given) on this machine, and
 * the sizes checked against them. 0; -1 after one line (EXIT_USAGE); -2 after the kernel's
 * refusal (EXIT_KERNEL); -3 out of memory (EXIT_FAILED). */
int round_size_plan_make(const struct round_size_options *opts, const struct env *env, struct round_size_plan *plan);
/* --dry-run: the sizes, the order and the scenarios, each that cannot run here with why. */
void round_size_plan_print(const struct round_size_plan *plan, const struct env *env, FILE *out);
/* Every round of every size, through moves' run_group (its premise and liveness checks): 0 or an exit status. */
int round_size_run(struct round_size_plan *plan, const struct env *env);
/* Writes round-size.json to plan->out atomically; -1 after one line. */
int round_size_write(const struct round_size_plan *plan, const struct env *env);
void round_size_plan_free(struct round_size_plan *plan);

#endif
