/*
 * perfbp-bench round-size's options: the matrices whose scenarios to size (--scenarios), the
 * scenario keys that narrow them (core/scenario_args.c), the sizes compared and how many
 * rounds; its defaults; and its --help.
 */
#include "options.h"

#include "../core/args.h"
#include "../core/help_text.h"
#include "../core/matrix.h"
#include "../core/round_ops.h"
#include "../core/scenario_args.h"

#include <string.h>

/* The -Pfull (2000) and default (10000) profiles' fixed sizes, 6 rounds of each. */
#define DEFAULT_ROUNDS 6
#define DEFAULT_WARMUP 1
#define DEFAULT_OUT "round-size.json"
static const long default_sizes[] = { 2000, 10000 };

enum round_size_row { ROW_SCENARIOS = 100, ROW_SIZES };

static const struct arg_row row_scenarios = { "scenarios", "LIST", ROW_SCENARIOS, 0, 0,
	"headline, pages, trap-rate, shape, threads, slots, notify, all",
	"the matrices whose scenarios to size (as moves' --matrix; default headline, at trapEvery 0 unless "
	"--trapEvery says otherwise); the scenario options below narrow them as in moves" };
static const struct arg_row row_sizes = { "sizes", "A,B[,C]", ROW_SIZES, MIN_ROUND_OPS, MAX_ROUND_OPS,
	"at least two different whole numbers, e.g. 2000,10000",
	"the round sizes compared, in ops per round per thread: at least two different sizes, each 1..1000000000 "
	"(--iterations' range) and a multiple of lcm(slots, trapEvery) with at least 10 trapping ops; default 2000,10000 (the -Pfull and default "
	"profiles' old sizes)" };
static const struct arg_row row_rounds = { "rounds", "N", ARG_ROUNDS, 1, ARGS_MAX_ROUNDS, NULL,
	"measured rounds per size (default 6); round r runs one batch of every size and strategy" };
static const struct arg_row row_warmup = { "warmup", "N", ARG_WARMUP, 0, ARGS_MAX_ROUNDS, NULL,
	"batches run and dropped before each measured one, per size and strategy (default 1)" };
static const struct arg_row row_out = { "out", "FILE", ARG_OUT, 0, 0, NULL,
	"write round-size.json here, atomically (temp file + rename); default round-size.json" };

static const struct arg_row *const rows[] = {
	&row_scenarios, &scenario_arg_rows[AXIS_STRATEGY], &scenario_arg_rows[AXIS_TRAP_EVERY],
	&scenario_arg_rows[AXIS_NOTIFY], &scenario_arg_rows[AXIS_PAGES], &scenario_arg_rows[AXIS_BP_TYPE],
	&scenario_arg_rows[AXIS_BP_LEN], &scenario_arg_rows[AXIS_THREADS], &scenario_arg_rows[AXIS_SLOTS],
	&row_sizes, &row_rounds, &row_warmup, &row_out, &args_row_dry_run, &args_row_help, NULL,
};

/* round-size --sizes: at least two different round sizes, each within --iterations' range. */
static int parse_sizes(const struct arg_row *opt, const char *value, struct round_size_options *opts)
{
	char valid[160], item[32];
	const char *start = value;
	int i;

	snprintf(valid, sizeof(valid), "at least two different sizes, each a whole number from %ld to %ld "
		 "(--iterations' range), e.g. 2000,10000", opt->min, opt->max);
	opts->nsizes = 0;
	for (;;) {
		const char *comma = strchr(start, ',');
		size_t len = comma ? (size_t)(comma - start) : strlen(start);
		long number;

		if (len == 0 || len >= sizeof(item))
			return args_usage_error(opt->name, value, "empty or overlong item in the list", valid);
		memcpy(item, start, len);
		item[len] = '\0';
		if (args_parse_long(item, &number) != 0)
			return args_usage_error(opt->name, value, "not a list of whole numbers", valid);
		if (number < opt->min || number > opt->max)
			return args_usage_error(opt->name, value, "a size out of range", valid);
		for (i = 0; i < opts->nsizes; i++)
			if (opts->sizes[i] == number)
				return args_usage_error(opt->name, value, "a size given twice", valid);
		if (opts->nsizes == MAX_ROUND_SIZES)
			return args_usage_error(opt->name, value, "more than 8 sizes", valid);
		opts->sizes[opts->nsizes++] = number;
		if (!comma)
			break;
		start = comma + 1;
	}
	if (opts->nsizes < 2)
		return args_usage_error(opt->name, value, "one size compares nothing", valid);
	opts->sizes_text = value;
	return 0;
}

static int apply(void *ctx, const struct arg_row *row, const char *value)
{
	struct round_size_options *opts = ctx;
	int rc = scenario_args_apply(row, value, &row_scenarios, &opts->scenarios, &opts->common);

	if (rc <= 0)
		return rc;
	if (row == &row_sizes)
		return parse_sizes(row, value, opts);
	return -1;
}

int round_size_options_parse(int argc, char **argv, struct round_size_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	scenario_choice_default(&opts->scenarios);
	opts->common.rounds = DEFAULT_ROUNDS;
	opts->common.warmup = DEFAULT_WARMUP;
	opts->common.out = DEFAULT_OUT;
	opts->nsizes = (int)(sizeof(default_sizes) / sizeof(default_sizes[0]));
	memcpy(opts->sizes, default_sizes, sizeof(default_sizes));
	opts->sizes_text = "2000,10000";
	if (args_parse(argc, argv, 2, rows, apply, opts) != 0)
		return -1;
	if (opts->common.help)
		return 0;
	return scenario_args_check_sigtrap_pages(opts->scenarios.axis);
}

void round_size_help(FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench round-size [--scenarios LIST] [SCENARIO OPTIONS] [--sizes A,B[,C]]\n"
		"                               [--rounds N] [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"Does a per-op figure move with the round size? Runs the scenarios of moves (default: the\n"
		"headline's reopen and modify at trapEvery 0) at every size of --sizes, interleaved: round r\n"
		"runs, for each size in turn, one batch of every strategy, each after --warmup dropped\n"
		"batches of its own. Every batch is armed, counted and proven live by moves' own runner, so\n"
		"a miscounted trap stops the run as in moves. Writes round-size.json.\n"
		"\n");
	args_help(out, rows);
	matrix_help(out, "--scenarios");
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  round-size.json: {\"schema\":\"rearm.round-size/1\", \"env\":{...}, \"settings\":{sizes, rounds,\n"
		"  warmup, order}, \"results\":[{strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots,\n"
		"  bySize:[{opsPerRound, nsPerOp:[per round]}], liveness:{checks}}]}. Progress goes to stderr.\n");
	help_exit_status(out);
}
