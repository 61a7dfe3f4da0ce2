/*
 * The command line. perfbp-bench runs one experiment per command, the way perf bench and git
 * do: `moves` and `profiler`, each with its own table of options (parsing, the one-line
 * refusals of bad input and --help are all driven by it, so an option cannot exist without its
 * help text and its valid values). The old spelling without a command takes the rows of both
 * tables for one more release: --matrix picks the experiment, as it did.
 */
#include "cli.h"

#include "core/help_text.h"
#include "moves/matrix.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_ITERATIONS 10000
#define DEFAULT_ROUNDS 10
#define DEFAULT_WARMUP 2
#define MAX_ITERATIONS 1000000000L
#define MAX_ROUNDS 100000L

enum option_kind {
	OPT_AXIS,     /* a scenario key: a comma-separated list that overrides the matrix's */
	OPT_COUNT,    /* a whole number with a minimum */
	OPT_MATRIX,
	OPT_OUT,
	OPT_FLAG,
	OPT_PROFILER, /* the profiler's own options, parsed by profiler/options.c */
};

enum count_target { COUNT_ITERATIONS, COUNT_ROUNDS, COUNT_WARMUP };

struct option_desc {
	const char *name;
	const char *arg;
	enum option_kind kind;
	int target;   /* enum axis, enum count_target, enum profiler_option or which flag */
	long min;     /* OPT_COUNT: smallest valid value */
	long max;
	const char *help;
};

enum flag_target { FLAG_HELP, FLAG_DRY_RUN };

/* Every row once; the tables below pick theirs. */
static const struct option_desc opt_matrix = { "matrix", "LIST", OPT_MATRIX, 0, 0, 0,
	"named sets of scenarios to run, one or a comma-separated list run as their union (default "
	"headline); see MATRICES" };
static const struct option_desc opt_strategy = { "strategy", "LIST", OPT_AXIS, AXIS_STRATEGY, 0, 0,
	"how the watchpoint is moved: reopen (munmap, close, perf_event_open, fcntl x4 if signal, mmap), "
	"modify (ioctl PERF_EVENT_IOC_MODIFY_ATTRIBUTES), reopen-nobuf (reopen with no ring: close, open, fcntl; "
	"reported with pages 0), disable-modify-enable (ioctl DISABLE, MODIFY_ATTRIBUTES, ENABLE)" };
static const struct option_desc opt_tool_strategy = { "strategy", "LIST", OPT_AXIS, AXIS_STRATEGY, 0, 0,
	"how the tool arms its watchpoints: reopen (perf_event_open + fcntl x4 + mmap; disarm: munmap + close), "
	"modify (MODIFY_ATTRIBUTES; disarm: IOC_DISABLE); default both. The workload alone and under the sampler "
	"alone always run" };
static const struct option_desc opt_trap_every = { "trapEvery", "LIST", OPT_AXIS, AXIS_TRAP_EVERY, 0, 0,
	"the workload: 0 = no op traps, 1 = every op stores to the watched address (one trap), "
	"k = every k-th op does; whole numbers >= 0" };
static const struct option_desc opt_notify = { "notify", "LIST", OPT_AXIS, AXIS_NOTIFY, 0, 0,
	"none, or signal = O_ASYNC + F_SETSIG SIGRTMIN+3 + F_SETOWN_EX to the arming thread (one signal per trap)" };
static const struct option_desc opt_pages = { "pages", "LIST", OPT_AXIS, AXIS_PAGES, 0, 0,
	"data pages of the mmap'ed ring, a power of two 1..512 (mmap length is (1+pages) x page size)" };
static const struct option_desc opt_bp_type = { "bpType", "LIST", OPT_AXIS, AXIS_BP_TYPE, 0, 0,
	"watchpoint type: W, RW, X, or R where the CPU allows it (x86 does not)" };
static const struct option_desc opt_bp_len = { "bpLen", "LIST", OPT_AXIS, AXIS_BP_LEN, 0, 0,
	"watched bytes: 1, 2, 4 or 8 (X takes the arch's instruction length: 8 on x86)" };
static const struct option_desc opt_threads = { "threads", "LIST", OPT_AXIS, AXIS_THREADS, 0, 0,
	"threads each moving their own watchpoints at once, released by a barrier: 1..nproc" };
static const struct option_desc opt_slots = { "slots", "LIST", OPT_AXIS, AXIS_SLOTS, 0, 0,
	"watchpoints armed at once per thread, moved round-robin: 1..debug registers (x86: 4)" };
static const struct option_desc opt_iterations = { "iterations", "N", OPT_COUNT, COUNT_ITERATIONS, 1,
	MAX_ITERATIONS, "ops per round per thread, timed as one batch (default 10000)" };
static const struct option_desc opt_rounds = { "rounds", "N", OPT_COUNT, COUNT_ROUNDS, 1, MAX_ROUNDS,
	"measured rounds per scenario, strategies interleaved A B A B ... (default 10)" };
static const struct option_desc opt_warmup = { "warmup", "N", OPT_COUNT, COUNT_WARMUP, 0, MAX_ROUNDS,
	"rounds run first and dropped (default 2)" };
static const struct option_desc opt_workload = { "workload", "LIST", OPT_PROFILER, PROFILER_OPT_WORKLOAD, 0, 0,
	"hash (updates to a 256 KiB hash table), stream (dst[i] = src[i] + pass over 2 x 8 MiB), "
	"chase (a pointer chase through a random cycle of 64 MiB of nodes, DRAM-bound); default all three" };
static const struct option_desc opt_rate = { "rate", "LIST", OPT_PROFILER, PROFILER_OPT_RATE, 0, 0,
	"the tool's samples per second of CPU time (task-clock sample period = 1e9/rate ns), "
	"1..100000; default 1000,5000,20000" };
static const struct option_desc opt_work = { "work", "MS", OPT_PROFILER, PROFILER_OPT_WORK, 0, 0,
	"each workload's fixed amount of work per round, as the accesses that take about MS "
	"milliseconds of CPU time without the tool here (calibrated once, then the same for every round); 1..60000, "
	"default 75" };
static const struct option_desc opt_out = { "out", "FILE", OPT_OUT, 0, 0, 0,
	"write native.json here, atomically (temp file + rename); default stdout" };
static const struct option_desc opt_dry_run = { "dry-run", NULL, OPT_FLAG, FLAG_DRY_RUN, 0, 0,
	"probe, validate and list the scenarios, run nothing" };
static const struct option_desc opt_help = { "help", NULL, OPT_FLAG, FLAG_HELP, 0, 0, "this text" };

static const struct option_desc *const moves_table[] = {
	&opt_matrix, &opt_strategy, &opt_trap_every, &opt_notify, &opt_pages, &opt_bp_type, &opt_bp_len,
	&opt_threads, &opt_slots, &opt_iterations, &opt_rounds, &opt_warmup, &opt_out, &opt_dry_run, &opt_help,
	NULL,
};

static const struct option_desc *const profiler_table[] = {
	&opt_tool_strategy, &opt_workload, &opt_rate, &opt_work, &opt_rounds, &opt_warmup, &opt_out, &opt_dry_run,
	&opt_help, NULL,
};

/* The table before the commands, in its order (messages list it): both experiments' rows. */
static const struct option_desc *const old_spelling_table[] = {
	&opt_matrix, &opt_strategy, &opt_trap_every, &opt_notify, &opt_pages, &opt_bp_type, &opt_bp_len,
	&opt_threads, &opt_slots, &opt_iterations, &opt_rounds, &opt_warmup, &opt_workload, &opt_rate, &opt_work,
	&opt_out, &opt_dry_run, &opt_help, NULL,
};

/* How the old spelling marks the profiler's rows, in --help and in their refusals. */
#define OLD_PROFILER_PREFIX "--matrix profiler: "
#define OLD_PROFILER_SUFFIX " (with --matrix profiler)"

static const struct option_desc *const *table_of(enum command command)
{
	switch (command) {
	case COMMAND_MOVES:
		return moves_table;
	case COMMAND_PROFILER:
		return profiler_table;
	default:
		return old_spelling_table;
	}
}

static const char *const axis_valid[NR_AXES] = {
	[AXIS_STRATEGY] = "reopen, modify, reopen-nobuf, disable-modify-enable",
	[AXIS_TRAP_EVERY] = "whole numbers >= 0 (0 = never traps, k = every k-th op traps)",
	[AXIS_NOTIFY] = "none, signal",
	[AXIS_PAGES] = "1, 2, 4, 8, 16, 32, 64, 128, 256, 512",
	[AXIS_BP_TYPE] = "W, RW, X, R (where the CPU allows it)",
	[AXIS_BP_LEN] = "1, 2, 4, 8",
	[AXIS_THREADS] = "whole numbers 1..nproc",
	[AXIS_SLOTS] = "whole numbers 1..debug registers",
};

static int usage_error(const char *option, const char *value, const char *why, const char *valid)
{
	fprintf(stderr, "perfbp-bench: --%s %s: %s; valid: %s\n", option, value, why, valid);
	return -1;
}

static int parse_long(const char *text, long *out)
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

static int parse_axis_value(enum axis axis, const char *text, int *out, const char **why)
{
	long number;
	int i;

	*why = "not a valid value";
	switch (axis) {
	case AXIS_STRATEGY:
		for (i = 0; i < NR_STRATEGIES; i++)
			if (strcmp(text, strategy_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown strategy";
		return -1;
	case AXIS_NOTIFY:
		for (i = 0; i < NR_NOTIFY; i++)
			if (strcmp(text, notify_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown notify mode";
		return -1;
	case AXIS_BP_TYPE:
		for (i = 0; i < NR_BP_KINDS; i++)
			if (strcasecmp(text, bp_kind_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown watchpoint type";
		return -1;
	default:
		break;
	}
	if (parse_long(text, &number) != 0) {
		*why = "not a whole number";
		return -1;
	}
	switch (axis) {
	case AXIS_TRAP_EVERY:
		if (number < 0 || number > INT_MAX) {
			*why = "must be >= 0";
			return -1;
		}
		break;
	case AXIS_PAGES:
		if (number < 1 || number > MAX_PAGES || (number & (number - 1)) != 0) {
			*why = "not a power of two from 1 to 512";
			return -1;
		}
		break;
	case AXIS_BP_LEN:
		if (number < 1 || number > 8 || bp_length_index((int)number) < 0) {
			*why = "not a watchable length";
			return -1;
		}
		break;
	case AXIS_THREADS:
	case AXIS_SLOTS:
		if (number < 1) {
			*why = "must be >= 1";
			return -1;
		}
		if (number > MAX_VALUES * 16) {
			*why = "more than any machine here has";
			return -1;
		}
		break;
	default:
		break;
	}
	*out = (int)number;
	return 0;
}

static int parse_axis(const struct option_desc *opt, const char *value, struct value_list *list)
{
	char item[64];
	const char *start = value;
	const char *why;
	int parsed, i;

	list->count = 0;
	for (;;) {
		const char *comma = strchr(start, ',');
		size_t len = comma ? (size_t)(comma - start) : strlen(start);

		if (len == 0 || len >= sizeof(item))
			return usage_error(opt->name, value, "empty or overlong item in the list",
					   axis_valid[opt->target]);
		memcpy(item, start, len);
		item[len] = '\0';
		if (parse_axis_value(opt->target, item, &parsed, &why) != 0) {
			char shown[96];

			snprintf(shown, sizeof(shown), "%s", item);
			return usage_error(opt->name, shown, why, axis_valid[opt->target]);
		}
		for (i = 0; i < list->count && list->values[i] != parsed; i++)
			;
		if (i == list->count) {
			if (list->count == MAX_VALUES)
				return usage_error(opt->name, value, "too many values", axis_valid[opt->target]);
			list->values[list->count++] = parsed;
		}
		if (!comma)
			return 0;
		start = comma + 1;
	}
}

static int parse_count(const struct option_desc *opt, const char *value, struct options *opts)
{
	char valid[64];
	long number;

	snprintf(valid, sizeof(valid), "a whole number from %ld to %ld", opt->min, opt->max);
	if (parse_long(value, &number) != 0)
		return usage_error(opt->name, value, "not a whole number", valid);
	if (number < opt->min || number > opt->max)
		return usage_error(opt->name, value, "out of range", valid);
	switch (opt->target) {
	case COUNT_ITERATIONS:
		opts->iterations = number;
		break;
	case COUNT_ROUNDS:
		opts->rounds = number;
		break;
	case COUNT_WARMUP:
		opts->warmup = number;
		break;
	}
	return 0;
}

static void list_option_names(const struct option_desc *const *table, FILE *out)
{
	int i;

	for (i = 0; table[i] != NULL; i++)
		fprintf(out, "%s--%s", i ? ", " : "", table[i]->name);
}

static const struct option_desc *find_option(const struct option_desc *const *table, const char *name, size_t len)
{
	int i;

	for (i = 0; table[i] != NULL; i++)
		if (strlen(table[i]->name) == len && strncmp(table[i]->name, name, len) == 0)
			return table[i];
	return NULL;
}

/* moves --matrix names move matrices only: the profiler is a command of its own now. */
static int parse_matrix(const char *value, struct options *opts)
{
	if (matrix_parse(value, &opts->matrices) != 0)
		return -1;
	if (opts->command == COMMAND_MOVES && matrix_has_profiler(opts->matrices)) {
		fprintf(stderr, "perfbp-bench: --matrix %s: the profiler is a command of its own; valid: perfbp-bench "
			"profiler, or move matrices (headline, pages, trap-rate, shape, threads, slots, notify, all)\n",
			value);
		return -1;
	}
	opts->matrix_text = value;
	return 0;
}

static int apply_option(const struct option_desc *opt, const char *value, struct options *opts)
{
	switch (opt->kind) {
	case OPT_AXIS:
		return parse_axis(opt, value, &opts->axis[opt->target]);
	case OPT_COUNT:
		return parse_count(opt, value, opts);
	case OPT_MATRIX:
		return parse_matrix(value, opts);
	case OPT_OUT:
		if (value[0] == '\0')
			return usage_error(opt->name, "''", "empty file name", "a file path");
		opts->out = value;
		return 0;
	case OPT_PROFILER:
		return profiler_parse_option(opt->target, opt->name, value,
					     opts->command == COMMAND_OLD_SPELLING ? OLD_PROFILER_SUFFIX : "",
					     &opts->profiler);
	case OPT_FLAG:
		if (opt->target == FLAG_HELP)
			opts->help = true;
		else
			opts->dry_run = true;
		return 0;
	}
	return -1;
}

static void missing_value(const struct option_desc *opt, enum command command)
{
	fprintf(stderr, "perfbp-bench: --%s needs a value %s; valid: %s%s\n", opt->name, opt->arg,
		opt->kind == OPT_AXIS ? axis_valid[opt->target]
		: opt->kind == OPT_MATRIX ? matrix_names()
		: opt->kind == OPT_PROFILER ? profiler_option_valid(opt->target)
		: opt->kind == OPT_COUNT ? (opt->min == 0 ? "a whole number >= 0" : "a whole number >= 1")
					 : "a file path",
		opt->kind == OPT_PROFILER && command == COMMAND_OLD_SPELLING ? OLD_PROFILER_SUFFIX : "");
}

static enum command command_named(const char *word)
{
	if (word != NULL && strcmp(word, "moves") == 0)
		return COMMAND_MOVES;
	if (word != NULL && strcmp(word, "profiler") == 0)
		return COMMAND_PROFILER;
	return COMMAND_OLD_SPELLING;
}

int options_parse(int argc, char **argv, struct options *opts)
{
	const struct option_desc *const *table;
	int i;

	memset(opts, 0, sizeof(*opts));
	opts->command = command_named(argc > 1 ? argv[1] : NULL);
	if (opts->command == COMMAND_PROFILER) {
		opts->matrices = matrix_profiler_set();
		opts->matrix_text = "profiler";
	} else {
		opts->matrices = 1u << matrix_find("headline");
		opts->matrix_text = "headline";
	}
	opts->iterations = DEFAULT_ITERATIONS;
	opts->rounds = DEFAULT_ROUNDS;
	opts->warmup = DEFAULT_WARMUP;
	opts->argc = argc;
	opts->argv = argv;
	table = table_of(opts->command);

	for (i = opts->command == COMMAND_OLD_SPELLING ? 1 : 2; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq, *value;
		const struct option_desc *opt;

		if (strcmp(arg, "-h") == 0) {
			opts->help = true;
			continue;
		}
		if (strncmp(arg, "--", 2) != 0) {
			fprintf(stderr, "perfbp-bench: unexpected argument '%s'; options start with -- (valid: ", arg);
			list_option_names(table, stderr);
			fprintf(stderr, ")%s\n", opts->command == COMMAND_OLD_SPELLING && i == 1
							   ? "; or a command first: moves, profiler" : "");
			return -1;
		}
		eq = strchr(arg + 2, '=');
		opt = find_option(table, arg + 2, eq ? (size_t)(eq - arg - 2) : strlen(arg + 2));
		if (opt == NULL) {
			fprintf(stderr, "perfbp-bench: unknown option '%s'; valid: ", arg);
			list_option_names(table, stderr);
			fprintf(stderr, "\n");
			return -1;
		}
		if (opt->arg == NULL) {
			if (eq) {
				fprintf(stderr, "perfbp-bench: --%s=%s: --%s takes no value; valid: --%s alone\n", opt->name, eq + 1,
					opt->name, opt->name);
				return -1;
			}
			value = NULL;
		} else if (eq) {
			value = eq + 1;
		} else if (i + 1 < argc) {
			value = argv[++i];
		} else {
			missing_value(opt, opts->command);
			return -1;
		}
		if (apply_option(opt, value, opts) != 0)
			return -1;
	}
	return 0;
}

int options_check_out(const struct options *opts)
{
	char dir[4096];
	const char *slash;
	struct stat st;

	if (opts->out == NULL)
		return 0;
	slash = strrchr(opts->out, '/');
	if (slash == NULL) {
		snprintf(dir, sizeof(dir), ".");
	} else if (slash == opts->out) {
		snprintf(dir, sizeof(dir), "/");
	} else {
		if ((size_t)(slash - opts->out) >= sizeof(dir)) {
			fprintf(stderr, "perfbp-bench: --out %s: path too long; valid: a file in an existing, writable directory\n",
				opts->out);
			return -1;
		}
		memcpy(dir, opts->out, (size_t)(slash - opts->out));
		dir[slash - opts->out] = '\0';
	}
	if (slash != NULL && slash[1] == '\0') {
		fprintf(stderr, "perfbp-bench: --out %s: names a directory; valid: a file in an existing, writable directory\n",
			opts->out);
		return -1;
	}
	if (stat(opts->out, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "perfbp-bench: --out %s: names a directory; valid: a file in an existing, writable directory\n",
			opts->out);
		return -1;
	}
	/* Checked now so a long run cannot end with nowhere to put its results. */
	if (access(dir, W_OK | X_OK) != 0) {
		fprintf(stderr, "perfbp-bench: --out %s: directory %s is %s; valid: a file in an existing, writable directory\n",
			opts->out, dir, errno == ENOENT ? "missing" : "not writable");
		return -1;
	}
	return 0;
}

static const char *const move_only_axes[NR_AXES] = {
	[AXIS_TRAP_EVERY] = "trapEvery", [AXIS_NOTIFY] = "notify", [AXIS_PAGES] = "pages", [AXIS_BP_TYPE] = "bpType",
	[AXIS_BP_LEN] = "bpLen",	 [AXIS_THREADS] = "threads", [AXIS_SLOTS] = "slots",
};

int options_check_experiments(const struct options *opts)
{
	const struct profiler_options *po = &opts->profiler;
	const char *spelling = opts->command == COMMAND_PROFILER ? "perfbp-bench profiler" : "--matrix profiler";
	int a, i;

	if (!matrix_has_profiler(opts->matrices)) {
		const char *given = po->workloads.count ? "workload" : po->rates.count ? "rate" : po->work_ms ? "work" : NULL;

		if (given != NULL) {
			fprintf(stderr, "perfbp-bench: --%s: only the profiler matrix takes it (--matrix %s has none); "
				"valid: add profiler to --matrix, e.g. --matrix profiler\n", given, opts->matrix_text);
			return -1;
		}
		return 0;
	}
	if (!matrix_has_moves(opts->matrices)) {
		for (a = 0; a < NR_AXES; a++)
			if (a != AXIS_STRATEGY && opts->axis[a].count > 0) {
				fprintf(stderr, "perfbp-bench: --%s: applies to the watchpoint-move matrices, not to --matrix "
					"profiler; valid there: --strategy, --workload, --rate, --work\n", move_only_axes[a]);
				return -1;
			}
	}
	for (i = 0; i < opts->axis[AXIS_STRATEGY].count; i++) {
		int s = opts->axis[AXIS_STRATEGY].values[i];

		if (s != STRATEGY_REOPEN && s != STRATEGY_MODIFY && !matrix_has_moves(opts->matrices)) {
			fprintf(stderr, "perfbp-bench: --strategy %s: the profiler's tool arms by reopen or modify; "
				"valid with %s: reopen, modify\n", strategy_name(s), spelling);
			return -1;
		}
	}
	return 0;
}


void options_note_old_spelling(const struct options *opts)
{
	if (opts->command != COMMAND_OLD_SPELLING)
		return;
	if (!matrix_has_moves(opts->matrices))
		fprintf(stderr, "perfbp-bench: note: `--matrix profiler` is now `perfbp-bench profiler`; the old spelling "
			"goes in the next release\n");
	else if (!matrix_has_profiler(opts->matrices))
		fprintf(stderr, "perfbp-bench: note: `perfbp-bench --matrix ...` is now `perfbp-bench moves --matrix ...`; "
			"the old spelling goes in the next release\n");
	else
		fprintf(stderr, "perfbp-bench: note: one run of moves and profiler is now two, `perfbp-bench moves` and "
			"`perfbp-bench profiler`; the old spelling goes in the next release\n");
}

static void print_options(const struct options *opts, FILE *out)
{
	const struct option_desc *const *table = table_of(opts->command);
	int i;

	fprintf(out, "OPTIONS\n");
	for (i = 0; table[i] != NULL; i++) {
		const struct option_desc *opt = table[i];
		char head[48];

		snprintf(head, sizeof(head), "  --%s%s%s", opt->name, opt->arg ? " " : "", opt->arg ? opt->arg : "");
		fprintf(out, "%-22s", head);
		if (strlen(head) >= 22)
			fprintf(out, "\n%22s", "");
		if (opt->kind == OPT_PROFILER && opts->command == COMMAND_OLD_SPELLING) {
			char text[512];

			snprintf(text, sizeof(text), "%s%s", OLD_PROFILER_PREFIX, opt->help);
			help_wrap(out, text, 22, 100);
		} else {
			help_wrap(out, opt->help, 22, 100);
		}
	}
}

static void print_matrices(bool with_profiler, FILE *out)
{
	int i;

	fprintf(out, "\nMATRICES (what --matrix runs before explicit options narrow it)\n");
	for (i = 0; i < matrix_count(); i++) {
		if (matrix_is_profiler(i) && !with_profiler)
			continue;
		fprintf(out, "  %-20s", matrix_info(i)->name);
		help_wrap(out, matrix_info(i)->help, 22, 100);
	}
}

static void print_measurement(FILE *out)
{
	fprintf(out,
		"\n"
		"MEASUREMENT\n"
		"  One op moves a watchpoint to the next of 64 addresses (8 bytes apart, aligned for bpLen);\n"
		"  a trapping op then stores to it (X: calls it; R: loads it) and drains the ring (reads the\n"
		"  new records, data_tail = data_head; in every strategy: an undrained ring fills after 170\n"
		"  samples per page and the kernel drops the rest). Each round times one batch of --iterations\n"
		"  ops with one CLOCK_MONOTONIC pair per thread; nsPerOp keeps every measured round. A\n"
		"  separate pass times each phase of the strategies that have phases (phasesNs), so the\n"
		"  breakdown never slows the rounds. After every batch, every count the kernel gave must\n"
		"  equal the ops that trapped, or the run stops: the samples in the rings, the counters read()\n"
		"  where every fd was read (modify; reopen without a ring; reopen in the phase pass, before\n"
		"  each close: read() costs ~4%% of a reopen, so reopen's rounds count by ring and signal),\n"
		"  and the SIGRTMIN+3 handler's count when notify=signal.\n");
}

static void print_moves_output(FILE *out)
{
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  native.json: {\"harness\":\"native\", \"env\":{...}, \"command\":..., \"settings\":{...},\n"
		"  \"results\":[{strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots, nsPerOp:[per\n"
		"  round], aggregateNsPerOp, threadNsPerOp, summary, traps:{expected, observed, observedBy,\n"
		"  signals, ops, counter:{ops, expected, observed}}, phasesNs:{munmap, close, open, fcntl,\n"
		"  mmap}, phasePassExtrasNs:{counterRead, trap}, phaseOps}]}. Progress goes to stderr.\n");
}

static void print_exit_status(FILE *out)
{
	fprintf(out,
		"\n"
		"EXIT STATUS\n"
		"  0 results written; 1 a premise failed (a trap count was off) or the system failed (memory,\n"
		"  I/O), nothing written; 2 bad input (one line names the option and the valid values), nothing\n"
		"  run; 3 the kernel refused (the message says why and what to do), nothing written.\n");
}

static void help_moves(const struct options *opts, FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench moves [--matrix LIST] [SCENARIO OPTIONS] [--iterations N] [--rounds N]\n"
		"                          [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"Moves hardware watchpoints by reopening them or with ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES),\n"
		"in C with nothing between the loop and the kernel, counts every trap (the run stops if a\n"
		"count is off), and writes native.json.\n"
		"\n"
		"Scenario options take one value or a comma-separated list (--pages 1,8,64); each replaces\n"
		"that key's values in the matrix, so explicit options narrow or override it.\n"
		"\n");
	print_options(opts, out);
	print_matrices(false, out);
	print_measurement(out);
	print_moves_output(out);
	print_exit_status(out);
}

static void help_profiler(const struct options *opts, FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench profiler [--strategy LIST] [--workload LIST] [--rate LIST] [--work MS]\n"
		"                             [--rounds N] [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"A watchpoint tool's overhead on workloads: each workload alone, under the tool's sampler\n"
		"alone, and under the tool arming watchpoints by reopen or by modify, at each rate; writes\n"
		"native.json.\n"
		"\n");
	print_options(opts, out);
	fputc('\n', out);
	profiler_help(out, "HOW IT MEASURES");
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  native.json: {\"harness\":\"native\", \"env\":{...}, \"command\":..., \"settings\":{...},\n"
		"  \"profiler\":{...}, \"results\":[one entry per workload and run, as above]}. Progress goes to\n"
		"  stderr.\n");
	print_exit_status(out);
}

/* Without a command: the commands, then the old spelling's whole text while it lasts. */
static void help_commands(const struct options *opts, FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench <command> [options]\n"
		"       perfbp-bench <command> --help     a command's own options\n"
		"\n"
		"The native reference harness of rearm: moves hardware watchpoints by reopening them or with\n"
		"ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES), in C with nothing between the loop and the kernel,\n"
		"counts every trap (the run stops if a count is off), and writes native.json.\n"
		"\n"
		"COMMANDS\n"
		"  moves               moving a watchpoint: reopen against modify over named matrices of\n"
		"                      scenarios (ring pages, trap rate, shapes, threads, slots, notify)\n"
		"  profiler            a watchpoint tool's overhead on workloads, arming by reopen or modify\n"
		"\n"
		"OLD SPELLING (until the next release)\n"
		"  perfbp-bench [--matrix LIST] [options] runs as `perfbp-bench moves`, and --matrix profiler\n"
		"  as `perfbp-bench profiler` (one stderr line names the new spelling); it takes every option\n"
		"  below.\n"
		"\n");
	print_options(opts, out);
	print_matrices(true, out);
	print_measurement(out);
	fputc('\n', out);
	profiler_help(out, "PROFILER (--matrix profiler)");
	fprintf(out, "\n  --iterations does not apply to --matrix profiler.\n");
	print_moves_output(out);
	print_exit_status(out);
}

void options_help(const struct options *opts, FILE *out)
{
	switch (opts->command) {
	case COMMAND_MOVES:
		help_moves(opts, out);
		break;
	case COMMAND_PROFILER:
		help_profiler(opts, out);
		break;
	default:
		help_commands(opts, out);
		break;
	}
}
