/*
 * The scenario keys as options (scenario_args.c): the rows --strategy, --trapEvery ... --slots
 * that moves and round-size both take, each a comma-separated list replacing that key's values
 * in the matrices, the list of matrices they narrow, and the refusal of a combination no
 * watchpoint can be.
 */
#ifndef PERFBP_SCENARIO_ARGS_H
#define PERFBP_SCENARIO_ARGS_H

#include "args.h"
#include "scenario.h"

/* The scenarios a command runs: named matrices, narrowed by the keys given. */
struct scenario_choice {
	unsigned matrices;		 /* bit per matrix chosen */
	const char *matrix_text;	 /* the list as given, for the output */
	struct value_list axis[NR_AXES]; /* explicit values; count 0 = take the matrix's */
};

/* The row of each scenario key, indexed by enum axis; --strategy's help is the moves' own. */
extern const struct arg_row scenario_arg_rows[NR_AXES];

/* The axis row names, or -1 for a row that is not a scenario key. */
int scenario_arg_axis(const struct arg_row *row);
/* Parses one key's list into list (each value once); -1 after one line. */
int scenario_arg_parse(const struct arg_row *row, const char *value, struct value_list *list);
/* The headline matrix, no key narrowed: what a command runs with none of these options. */
void scenario_choice_default(struct scenario_choice *choice);
/*
 * Applies a row every scenario-running command shares: a common one (args_apply_common) to
 * common, a scenario key to choice's axis, or matrices_row (the command's list of matrices) to
 * choice's matrices. 0, -1 after one line, or 1 for a row of the command's own.
 */
int scenario_args_apply(const struct arg_row *row, const char *value, const struct arg_row *matrices_row,
			struct scenario_choice *choice, struct args_common *common);
/* --pages next to --notify sigtrap (which maps no ring): one line, -1. */
int scenario_args_check_sigtrap_pages(const struct value_list axis[NR_AXES]);

#endif
