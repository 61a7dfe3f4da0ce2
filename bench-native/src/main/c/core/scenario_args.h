/*
 * The scenario keys as options (scenario_args.c): the rows --strategy, --trapEvery ... --slots
 * that moves and round-size both take, each a comma-separated list replacing that key's values
 * in the matrices, and the refusal of a combination no watchpoint can be.
 */
#ifndef PERFBP_SCENARIO_ARGS_H
#define PERFBP_SCENARIO_ARGS_H

#include "args.h"
#include "scenario.h"

/* The row of each scenario key, indexed by enum axis; --strategy's help is the moves' own. */
extern const struct arg_row scenario_arg_rows[NR_AXES];

/* The axis row names, or -1 for a row that is not a scenario key. */
int scenario_arg_axis(const struct arg_row *row);
/* Parses one key's list into list (each value once); -1 after one line. */
int scenario_arg_parse(const struct arg_row *row, const char *value, struct value_list *list);
/* --pages next to --notify sigtrap (which maps no ring): one line, -1. */
int scenario_args_check_sigtrap_pages(const struct value_list axis[NR_AXES]);

#endif
