/*
 * perfbp-bench moves: moving a watchpoint by reopen against modify (and the other strategies)
 * over named matrices of scenarios. Its plan, its dry-run listing and its run (moves.c).
 */
#ifndef PERFBP_MOVE_PLAN_H
#define PERFBP_MOVE_PLAN_H

#include "matrix.h"
#include "runner.h"

#include "env.h"
#include "scenario.h"

struct moves_plan {
	const char *matrix_text;	  /* --matrix as given */
	struct run_settings settings;
	struct scenario *scenarios;	  /* [count]: the runnable first, then those whose rings cannot fit */
	int count;
	int runnable;
	struct group *groups;		  /* [ngroups], over the runnable scenarios */
	int ngroups;
	struct scenario_result *results;  /* [count], after moves_prepare */
};

/*
 * Expands the matrices (axis: explicit values, count 0 for the matrix's) on this machine and
 * groups them; time-sized rounds (settings) must fit every scenario under the largest round.
 * 0; -1 after one line (EXIT_USAGE); -2 after the kernel's refusal (EXIT_KERNEL);
 * -3 out of memory (EXIT_FAILED).
 */
int moves_plan_make(unsigned matrices, const char *matrix_text, const struct value_list axis[NR_AXES],
		    const struct run_settings *settings, const struct env *env, struct moves_plan *plan);
/* Why s is left out of a run on this machine (its ring does not fit the locked-memory limit, or
 * the kernel refuses its sigtrap), in why; false: it runs. */
bool moves_not_runnable(const struct env *env, const struct scenario *s, char *why, size_t size);
/* One "perfbp-bench: not run: <strategy> <scenario>: <why>" line per scenario that cannot run here. */
void moves_report_not_runnable(const struct moves_plan *plan, const struct env *env);
/* --dry-run: the machine and the scenarios, each marked if it cannot run. */
void moves_plan_print(const struct moves_plan *plan, const struct env *env, FILE *out);
/* The trap signal's handler if any scenario needs it, the results, and the not-run reports; -1 after one line. */
int moves_prepare(struct moves_plan *plan, const struct env *env);
/* Every group's rounds, with progress on stderr and the leak check after each: 0 or an exit status. */
int moves_run(struct moves_plan *plan, const struct env *env);
void moves_plan_free(struct moves_plan *plan);

#endif
