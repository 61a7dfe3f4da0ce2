/*
 * The command line's shared helpers (args.c): every command lists its options as rows and
 * hands them to args_parse, which finds each --name[=value], takes its value and calls back;
 * the command alone knows what a row means. Bad input is one line naming the option, what is
 * wrong and what is valid.
 */
#ifndef PERFBP_ARGS_H
#define PERFBP_ARGS_H

#include <stdbool.h>
#include <stdio.h>

struct arg_row {
	const char *name;  /* without the leading -- */
	const char *arg;   /* the value's name in --help (LIST, N, FILE); NULL: a flag */
	int id;		   /* the command's own tag for the row */
	long min, max;	   /* a whole number's range (max 0: not a number) */
	const char *valid; /* what a missing value is told is valid (NULL: from min for numbers, else a file path) */
	const char *help;
};

/* The options every measuring command takes, with the same meaning: their rows' ids. */
enum args_common_id { ARG_ROUNDS = -1, ARG_WARMUP = -2, ARG_OUT = -3, ARG_DRY_RUN = -4, ARG_HELP = -5 };

struct args_common {
	long rounds;
	long warmup;
	const char *out; /* NULL = stdout */
	bool dry_run;
	bool help;
};

/* The most rounds (and warm-up rounds) any command runs. */
#define ARGS_MAX_ROUNDS 100000L

/* The rows of moves and profiler, which write native.json with rounds per scenario (round-size
 * words its own), and --dry-run and --help, the same in every command. */
extern const struct arg_row args_row_rounds;
extern const struct arg_row args_row_warmup;
extern const struct arg_row args_row_out;
extern const struct arg_row args_row_dry_run;
extern const struct arg_row args_row_help;

/* Applies a row whose id is an enum args_common_id to c: 0, -1 after one line, or 1 for any other row. */
int args_apply_common(const struct arg_row *row, const char *value, struct args_common *c);

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
