/*
 * The parsing every command shares: --name VALUE and --name=VALUE, -h for --help, and the
 * one-line refusals of an unknown option, a stray word, a missing value and a value given to a
 * flag. What an option means is the command's (its apply callback); this file knows no command.
 */
#include "args.h"

#include "help_text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int args_usage_error(const char *option, const char *value, const char *why, const char *valid)
{
	fprintf(stderr, "perfbp-bench: --%s %s: %s; valid: %s\n", option, value, why, valid);
	return -1;
}

int args_parse_long(const char *text, long *out)
{
	char *end;
	long value;

	if (text[0] == '\0' || text[0] == '+' || text[0] == ' ')
		return -1;
	errno = 0;
	value = strtol(text, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = value;
	return 0;
}

int args_count(const struct arg_row *row, const char *value, long *out)
{
	char valid[64];
	long number;

	snprintf(valid, sizeof(valid), "a whole number from %ld to %ld", row->min, row->max);
	if (args_parse_long(value, &number) != 0)
		return args_usage_error(row->name, value, "not a whole number", valid);
	if (number < row->min || number > row->max)
		return args_usage_error(row->name, value, "out of range", valid);
	*out = number;
	return 0;
}

static void list_names(const struct arg_row *const *rows, FILE *out)
{
	int i;

	for (i = 0; rows[i] != NULL; i++)
		fprintf(out, "%s--%s", i ? ", " : "", rows[i]->name);
}

static const struct arg_row *find_row(const struct arg_row *const *rows, const char *name, size_t len)
{
	int i;

	for (i = 0; rows[i] != NULL; i++)
		if (strlen(rows[i]->name) == len && strncmp(rows[i]->name, name, len) == 0)
			return rows[i];
	return NULL;
}

static void missing_value(const struct arg_row *row)
{
	const char *valid = row->valid ? row->valid
			  : row->max > 0 ? (row->min == 0 ? "a whole number >= 0" : "a whole number >= 1")
					 : "a file path";

	fprintf(stderr, "perfbp-bench: --%s needs a value %s; valid: %s\n", row->name, row->arg, valid);
}

int args_parse(int argc, char **argv, int first, const struct arg_row *const *rows,
	       int (*apply)(void *ctx, const struct arg_row *row, const char *value), void *ctx)
{
	int i;

	for (i = first; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq, *value;
		const struct arg_row *row;

		if (strcmp(arg, "-h") == 0)
			arg = "--help";
		if (strncmp(arg, "--", 2) != 0) {
			fprintf(stderr, "perfbp-bench: unexpected argument '%s'; options start with -- (valid: ", arg);
			list_names(rows, stderr);
			fprintf(stderr, ")\n");
			return -1;
		}
		eq = strchr(arg + 2, '=');
		row = find_row(rows, arg + 2, eq ? (size_t)(eq - arg - 2) : strlen(arg + 2));
		if (row == NULL) {
			fprintf(stderr, "perfbp-bench: unknown option '%s'; valid: ", arg);
			list_names(rows, stderr);
			fprintf(stderr, "\n");
			return -1;
		}
		if (row->arg == NULL) {
			if (eq) {
				fprintf(stderr, "perfbp-bench: --%s=%s: --%s takes no value; valid: --%s alone\n", row->name,
					eq + 1, row->name, row->name);
				return -1;
			}
			value = NULL;
		} else if (eq) {
			value = eq + 1;
		} else if (i + 1 < argc) {
			value = argv[++i];
		} else {
			missing_value(row);
			return -1;
		}
		if (apply(ctx, row, value) != 0)
			return -1;
	}
	return 0;
}

void args_help(FILE *out, const struct arg_row *const *rows)
{
	int i;

	fprintf(out, "OPTIONS\n");
	for (i = 0; rows[i] != NULL; i++) {
		const struct arg_row *row = rows[i];
		char head[48];

		snprintf(head, sizeof(head), "  --%s%s%s", row->name, row->arg ? " " : "", row->arg ? row->arg : "");
		fprintf(out, "%-22s", head);
		if (strlen(head) >= 22)
			fprintf(out, "\n%22s", "");
		help_wrap(out, row->help, 22, 100);
	}
}

const struct arg_row args_row_rounds = { "rounds", "N", ARG_ROUNDS, 1, ARGS_MAX_ROUNDS, NULL,
	"measured rounds per scenario, strategies interleaved A B A B ... (default 10)" };
const struct arg_row args_row_warmup = { "warmup", "N", ARG_WARMUP, 0, ARGS_MAX_ROUNDS, NULL,
	"rounds run first and dropped (default 2)" };
const struct arg_row args_row_out = { "out", "FILE", ARG_OUT, 0, 0, NULL,
	"write native.json here, atomically (temp file + rename); default stdout" };
const struct arg_row args_row_dry_run = { "dry-run", NULL, ARG_DRY_RUN, 0, 0, NULL,
	"probe, validate and list the scenarios, run nothing" };
const struct arg_row args_row_help = { "help", NULL, ARG_HELP, 0, 0, NULL, "this text" };

int args_apply_common(const struct arg_row *row, const char *value, struct args_common *c)
{
	switch (row->id) {
	case ARG_ROUNDS:
		return args_count(row, value, &c->rounds);
	case ARG_WARMUP:
		return args_count(row, value, &c->warmup);
	case ARG_OUT:
		if (value[0] == '\0')
			return args_usage_error(row->name, "''", "empty file name", "a file path");
		c->out = value;
		return 0;
	case ARG_DRY_RUN:
		c->dry_run = true;
		return 0;
	case ARG_HELP:
		c->help = true;
		return 0;
	default:
		return 1;
	}
}
