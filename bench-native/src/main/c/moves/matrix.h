/* Named matrices of move scenarios, their expansion on this machine, and groups (matrix.c). */
#ifndef PERFBP_MATRIX_H
#define PERFBP_MATRIX_H

#include "../core/env.h"
#include "../core/scenario.h"

#include <stdbool.h>

struct matrix_info {
	const char *name;
	const char *help;
};

int matrix_count(void);
const struct matrix_info *matrix_info(int index);
int matrix_find(const char *name); /* -1 when unknown */
const char *matrix_names(void);	   /* "headline, pages, ..." for messages */

/* Parses "headline" or "headline,pages" into a set of matrices; -1 after one line naming
 * --option on error (moves' --matrix, round-size's --scenarios). */
int matrix_parse(const char *option, const char *text, unsigned *set);
/* Whether the set holds the profiler matrix (the old spelling of perfbp-bench profiler). */
bool matrix_has_profiler(unsigned set);
/* The set that names only the profiler. */
unsigned matrix_profiler_set(void);
/* Whether it holds any matrix of watchpoint moves. */
bool matrix_has_moves(unsigned set);
/* Whether index names the profiler (left out of the moves' own --help). */
bool matrix_is_profiler(int index);

/*
 * Expands the chosen matrices (their union, each scenario once), with the explicit values in
 * axis (count 0: the matrix's) overriding theirs, into scenarios this machine can run.
 * Returns the count, or -1 after printing one line (EXIT_USAGE) or -2 after printing the
 * kernel's refusal (EXIT_KERNEL).
 */
int matrix_expand(unsigned set, const struct value_list axis[NR_AXES], const struct env *env, struct scenario *out,
		  int max);

/* Scenarios that differ only in strategy: their rounds interleave (A B A B ...). */
struct group {
	int first;	/* index of the first member in the scenario list */
	int count;
	int members[NR_STRATEGIES];
};

int group_scenarios(const struct scenario *scenarios, int n, struct group *groups);

#endif
