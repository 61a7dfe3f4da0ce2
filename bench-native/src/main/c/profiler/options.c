/*
 * perfbp-bench profiler's options: how the tool arms (--strategy), the workloads, the sampling
 * rates, the work per round, and how many rounds; each a row with its help and the one-line
 * refusal that names its valid values.
 */
#include "options.h"

#include "tool.h"
#include "workloads.h"

#include "../core/args.h"
#include "../core/scenario_args.h"
#include "../core/strategy.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORK_MS 60000
#define DEFAULT_ROUNDS 10
#define DEFAULT_WARMUP 2


static const char *option_valid(int target)
{
	switch (target) {
	case PROFILER_OPT_WORKLOAD:
		return "hash, stream, chase";
	case PROFILER_OPT_RATE:
		return "whole numbers 1..100000, samples per second of CPU time";
	default:
		return "a whole number of milliseconds 1..60000";
	}
}

static int parse_whole(const char *text, long *out)
{
	char *end;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	*out = strtol(text, &end, 10);
	return errno == 0 && *end == '\0' ? 0 : -1;
}

static int parse_item(int target, const char *item, int *out, const char **why)
{
	long number;
	int i;

	if (target == PROFILER_OPT_WORKLOAD) {
		for (i = 0; i < NR_WORKLOADS; i++)
			if (strcmp(item, workload_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown workload";
		return -1;
	}
	if (parse_whole(item, &number) != 0) {
		*why = "not a whole number";
		return -1;
	}
	if (number < 1 || number > PROFILER_MAX_RATE) {
		*why = "out of range (the kernel's task-clock timer fires at most every 10 us)";
		return -1;
	}
	*out = (int)number;
	return 0;
}

static int parse_option(int target, const char *name, const char *value, struct profiler_options *po)
{
	struct value_list *list = target == PROFILER_OPT_WORKLOAD ? &po->workloads : &po->rates;
	const char *start = value;
	const char *why;

	if (target == PROFILER_OPT_WORK) {
		long ms;

		if (parse_whole(value, &ms) != 0)
			return args_usage_error(name, value, "not a whole number", option_valid(target));
		if (ms < 1 || ms > MAX_WORK_MS)
			return args_usage_error(name, value, "out of range", option_valid(target));
		po->work_ms = ms;
		return 0;
	}
	list->count = 0;
	for (;;) {
		const char *comma = strchr(start, ',');
		size_t len = comma ? (size_t)(comma - start) : strlen(start);
		char item[32];
		int parsed, i;

		if (len == 0 || len >= sizeof(item))
			return args_usage_error(name, value, "empty or overlong item in the list", option_valid(target));
		memcpy(item, start, len);
		item[len] = '\0';
		if (parse_item(target, item, &parsed, &why) != 0)
			return args_usage_error(name, item, why, option_valid(target));
		for (i = 0; i < list->count && list->values[i] != parsed; i++)
			;
		if (i == list->count) {
			if (list->count == MAX_VALUES)
				return args_usage_error(name, value, "too many values", option_valid(target));
			list->values[list->count++] = parsed;
		}
		if (!comma)
			return 0;
		start = comma + 1;
	}
}

static const struct arg_row row_strategy = { "strategy", "LIST", AXIS_STRATEGY, 0, 0,
	"reopen, modify, reopen-nobuf, disable-modify-enable",
	"how the tool arms its watchpoints: reopen (perf_event_open + fcntl x4 + mmap; disarm: munmap + close), "
	"modify (MODIFY_ATTRIBUTES; disarm: IOC_DISABLE); default both. The workload alone and under the sampler "
	"alone always run" };
static const struct arg_row row_workload = { "workload", "LIST", PROFILER_OPT_WORKLOAD, 0, 0, "hash, stream, chase",
	"hash (updates to a 256 KiB hash table), stream (dst[i] = src[i] + pass over 2 x 8 MiB), "
	"chase (a pointer chase through a random cycle of 64 MiB of nodes, DRAM-bound); default all three" };
static const struct arg_row row_rate = { "rate", "LIST", PROFILER_OPT_RATE, 0, 0,
	"whole numbers 1..100000, samples per second of CPU time",
	"the tool's samples per second of CPU time (task-clock sample period = 1e9/rate ns), "
	"1..100000; default 1000,5000,20000" };
static const struct arg_row row_work = { "work", "MS", PROFILER_OPT_WORK, 0, 0,
	"a whole number of milliseconds 1..60000",
	"each workload's fixed amount of work per round, as the accesses that take about MS "
	"milliseconds of CPU time without the tool here (calibrated once, then the same for every round); 1..60000, "
	"default 75" };

static const struct arg_row *const rows[] = {
	&row_strategy, &row_workload, &row_rate, &row_work, &args_row_rounds, &args_row_warmup, &args_row_out,
	&args_row_dry_run, &args_row_help, NULL,
};

/* The tool arms by reopen or by modify: the moves' other strategies have no tool to run. */
static int check_strategies(const struct value_list *strategies)
{
	int i;

	for (i = 0; i < strategies->count; i++) {
		int s = strategies->values[i];

		if (s != STRATEGY_REOPEN && s != STRATEGY_MODIFY) {
			fprintf(stderr, "perfbp-bench: --strategy %s: the profiler's tool arms by reopen or modify; "
				"valid with perfbp-bench profiler: reopen, modify\n", strategy_name(s));
			return -1;
		}
	}
	return 0;
}

static int apply(void *ctx, const struct arg_row *row, const char *value)
{
	struct profiler_options *po = ctx;
	int rc = args_apply_common(row, value, &po->common);

	if (rc <= 0)
		return rc;
	if (row == &row_strategy)
		return scenario_arg_parse(row, value, &po->strategies) != 0 ? -1 : check_strategies(&po->strategies);
	return parse_option(row->id, row->name, value, po);
}

int profiler_options_parse(int argc, char **argv, struct profiler_options *po)
{
	memset(po, 0, sizeof(*po));
	po->common.rounds = DEFAULT_ROUNDS;
	po->common.warmup = DEFAULT_WARMUP;
	return args_parse(argc, argv, 2, rows, apply, po);
}

void profiler_help_options(FILE *out)
{
	args_help(out, rows);
}
