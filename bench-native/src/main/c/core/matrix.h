/* Named matrices of move scenarios, their expansion on this machine, and groups (matrix.c). */
#ifndef PERFBP_MATRIX_H
#define PERFBP_MATRIX_H

#include "env.h"
#include "scenario.h"

#include <stdbool.h>
#include <stdio.h>

struct matrix_info {
	const char *name;
	const char *help;
};

int matrix_find(const char *name); /* -1 when unknown */
const char *matrix_names(void);	   /* "headline, pages, ..." for messages */

/* Parses "headline" or "headline,pages" into a set of matrices; -1 after one line naming
 * --option on error (moves' --matrix, round-size's --scenarios). */
int matrix_parse(const char *option, const char *text, unsigned *set);
/* The MATRICES section of a command's --help; option names how the command picks them. */
void matrix_help(FILE *out, const char *option);

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
