/*
 * perfbp-bench moves' options: the matrices, the scenario keys that narrow them (core/
 * scenario_args.c), how a round is sized and how many run. Each is a row with its help; bad
 * input is one line naming the option and what is valid.
 */
#include "options.h"

#include "help.h"

#include "../core/args.h"
#include "../core/help_text.h"
#include "../core/matrix.h"
#include "../core/round_ops.h"
#include "../core/scenario_args.h"

#include <string.h>

#define DEFAULT_ROUNDS 10
#define DEFAULT_WARMUP 2
/*
 * Time-sized rounds by default, as JMH sizes its iterations by time: a fixed op count made a
 * 512-page reopen (~1 ms/op) cost 10 s a round and a modify (~2 us/op) 20 ms. 50 ms is ~25,000
 * modifies or ~2,500 one-page reopens: far above the clock's resolution (a read costs ~50 ns)
 * and long enough that a tick or an interrupt is a small part of any round, while a scenario
 * of 2 strategies x 12 rounds still takes ~1.2 s. The floor keeps the slowest ops (512-page
 * reopen: ~200 ms at 200 ops) averaging over enough ops to be one figure.
 */
#define DEFAULT_ROUND_MS 50
#define DEFAULT_MIN_OPS 200
#define MAX_ROUND_MS 60000L

enum moves_row { ROW_MATRIX = 100, ROW_ITERATIONS, ROW_ROUND_MS, ROW_MIN_OPS };

static const struct arg_row row_matrix = { "matrix", "LIST", ROW_MATRIX, 0, 0,
	"headline, pages, trap-rate, shape, threads, slots, notify, all",
	"named sets of scenarios to run, one or a comma-separated list run as their union (default "
	"headline); see MATRICES" };
static const struct arg_row row_iterations = { "iterations", "N", ROW_ITERATIONS, MIN_ROUND_OPS, MAX_ROUND_OPS, NULL,
	"fixed ops per round per thread, timed as one batch, the same for every scenario (the default "
	"sizes rounds by time instead: see --round-ms; not with --round-ms or --min-ops)" };
static const struct arg_row row_round_ms = { "round-ms", "MS", ROW_ROUND_MS, 1, MAX_ROUND_MS, NULL,
	"size each scenario's rounds by time: every round runs the ops that take about MS milliseconds, calibrated "
	"per strategy in the first warm-up round (needs --warmup >= 1), rounded up to a multiple of lcm(slots, "
	"trapEvery) and to at least 10 trapping ops; 1..60000, default 50 when --iterations is not given" };
static const struct arg_row row_min_ops = { "min-ops", "N", ROW_MIN_OPS, MIN_ROUND_OPS, MAX_ROUND_OPS, NULL,
	"time-sized rounds: the fewest ops a round runs (the calibration round runs this many, rounded up "
	"as --round-ms says: at trapEvery 100, 1000); default 200" };

static const struct arg_row *const rows[] = {
	&row_matrix, &scenario_arg_rows[AXIS_STRATEGY], &scenario_arg_rows[AXIS_TRAP_EVERY],
	&scenario_arg_rows[AXIS_NOTIFY], &scenario_arg_rows[AXIS_PAGES], &scenario_arg_rows[AXIS_BP_TYPE],
	&scenario_arg_rows[AXIS_BP_LEN], &scenario_arg_rows[AXIS_THREADS], &scenario_arg_rows[AXIS_SLOTS],
	&row_iterations, &row_round_ms, &row_min_ops, &args_row_rounds, &args_row_warmup, &args_row_out, &args_row_dry_run, &args_row_help,
	NULL,
};

/* The profiler is a command of its own: a --matrix naming it says where it went. */
static bool names_profiler(const char *list)
{
	const char *start = list;

	for (;;) {
		const char *comma = strchr(start, ',');
		size_t len = comma ? (size_t)(comma - start) : strlen(start);

		if (len == strlen("profiler") && strncmp(start, "profiler", len) == 0)
			return true;
		if (!comma)
			return false;
		start = comma + 1;
	}
}

static int apply(void *ctx, const struct arg_row *row, const char *value)
{
	struct moves_options *opts = ctx;
	int rc;

	if (row == &row_matrix && names_profiler(value)) {
		fprintf(stderr, "perfbp-bench: --%s %s: the profiler is a command of its own; valid: perfbp-bench "
			"profiler, or move matrices (%s)\n", row->name, value, matrix_names());
		return -1;
	}
	rc = scenario_args_apply(row, value, &row_matrix, &opts->scenarios, &opts->common);
	if (rc <= 0)
		return rc;
	switch (row->id) {
	case ROW_ITERATIONS:
		return args_count(row, value, &opts->iterations);
	case ROW_ROUND_MS:
		opts->round_ms_given = true;
		return args_count(row, value, &opts->round_ms);
	case ROW_MIN_OPS:
		opts->min_ops_given = true;
		return args_count(row, value, &opts->min_ops);
	}
	return -1;
}

/* A round is sized by ops (--iterations) or by time (--round-ms, the default), never both. */
static int check_round_sizing(const struct moves_options *opts)
{
	char given[32];

	if (opts->iterations > 0 && opts->round_ms_given) {
		fprintf(stderr, "perfbp-bench: --iterations %ld with --round-ms %ld: a round is sized by ops or by time, "
			"not both; valid: one of them (--iterations N: N ops every round; --round-ms MS: about MS ms)\n",
			opts->iterations, opts->round_ms);
		return -1;
	}
	if (opts->iterations > 0 && opts->min_ops_given) {
		fprintf(stderr, "perfbp-bench: --min-ops %ld with --iterations %ld: --min-ops is the floor of time-sized "
			"rounds; valid: --iterations N alone, or --round-ms MS with --min-ops N\n", opts->min_ops,
			opts->iterations);
		return -1;
	}
	if (opts->iterations > 0 || opts->common.warmup > 0)
		return 0;
	snprintf(given, sizeof(given), "--round-ms %ld", opts->round_ms);
	fprintf(stderr, "perfbp-bench: --warmup 0 with time-sized rounds (%s): they are calibrated in the "
		"first warm-up round; valid: --warmup 1 or more, or --iterations N for fixed rounds\n",
		opts->round_ms_given ? given : "the default without --iterations");
	return -1;
}

int moves_options_parse(int argc, char **argv, struct moves_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	scenario_choice_default(&opts->scenarios);
	opts->round_ms = DEFAULT_ROUND_MS;
	opts->min_ops = DEFAULT_MIN_OPS;
	opts->common.rounds = DEFAULT_ROUNDS;
	opts->common.warmup = DEFAULT_WARMUP;
	if (args_parse(argc, argv, 2, rows, apply, opts) != 0)
		return -1;
	if (opts->common.help)
		return 0;
	if (check_round_sizing(opts) != 0)
		return -1;
	return scenario_args_check_sigtrap_pages(opts->scenarios.axis);
}

void moves_help(FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench moves [--matrix LIST] [SCENARIO OPTIONS] [--round-ms MS [--min-ops N] |\n"
		"                          --iterations N] [--rounds N] [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"Moves hardware watchpoints by reopening them or with ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES),\n"
		"in C with nothing between the loop and the kernel, counts every trap (the run stops if a\n"
		"count is off), and writes native.json.\n"
		"\n"
		"Scenario options take one value or a comma-separated list (--pages 1,8,64); each replaces\n"
		"that key's values in the matrix, so explicit options narrow or override it.\n"
		"\n");
	args_help(out, rows);
	matrix_help(out, "--matrix");
	moves_help_measurement(out);
	moves_help_output(out);
	help_exit_status(out);
}
