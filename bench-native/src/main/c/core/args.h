/*
 * The command line's shared helpers (args.c): every command lists its options as rows and
 * hands them to args_parse, which finds each --name[=value], takes its value and calls back;
 * the command alone knows what a row means. Bad input is one line naming the option, what is
 * wrong and what is valid.
 */
#ifndef PERFBP_ARGS_H
#define PERFBP_ARGS_H

#include <stdio.h>

struct arg_row {
	const char *name;  /* without the leading -- */
	const char *arg;   /* the value's name in --help (LIST, N, FILE); NULL: a flag */
	int id;		   /* the command's own tag for the row */
	long min, max;	   /* a whole number's range (max 0: not a number) */
	const char *valid; /* what a missing value is told is valid (NULL: from min for numbers, else a file path) */
	const char *help;
};

/*
 * Parses argv[first..] against rows (NULL-terminated; "-h" is the row named "help"), calling
 * apply(ctx, row, value) for each option (value NULL for a flag). 0, or -1 after one line (or
 * apply's -1).
 */
int args_parse(int argc, char **argv, int first, const struct arg_row *const *rows,
	       int (*apply)(void *ctx, const struct arg_row *row, const char *value), void *ctx);
/* "perfbp-bench: --option value: why; valid: valid" on stderr; -1. */
int args_usage_error(const char *option, const char *value, const char *why, const char *valid);
/* A plain decimal whole number (no sign, no blanks); -1 otherwise. */
int args_parse_long(const char *text, long *out);
/* A whole number in row's range, or -1 after one line naming it. */
int args_count(const struct arg_row *row, const char *value, long *out);
/* The OPTIONS section of a command's --help, from its rows. */
void args_help(FILE *out, const struct arg_row *const *rows);

#endif
