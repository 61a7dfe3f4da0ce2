/*
 * The one options table: parsing, the one-line refusals of bad input, and --help are all
 * driven by it, so an option cannot exist without its help text and its valid values.
 */
#include "bench.h"
#include "profiler.h"

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
	OPT_PROFILER, /* --matrix profiler's own options, parsed by profiler.c */
};

enum count_target { COUNT_ITERATIONS, COUNT_ROUNDS, COUNT_WARMUP };

struct option_desc {
	const char *name;
	const char *arg;
	enum option_kind kind;
	int target;   /* enum axis, enum count_target, or which flag */
	long min;     /* OPT_COUNT: smallest valid value */
	long max;
	const char *help;
};

enum flag_target { FLAG_HELP, FLAG_DRY_RUN };

static const struct option_desc option_table[] = {
	{ "matrix", "LIST", OPT_MATRIX, 0, 0, 0,
	  "named sets of scenarios to run, one or a comma-separated list run as their union (default "
	  "headline); see MATRICES" },
	{ "strategy", "LIST", OPT_AXIS, AXIS_STRATEGY, 0, 0,
	  "how the watchpoint is moved: reopen (munmap, close, perf_event_open, fcntl x4 if signal, mmap), "
	  "modify (ioctl PERF_EVENT_IOC_MODIFY_ATTRIBUTES), reopen-nobuf (reopen with no ring: close, open, fcntl; "
	  "reported with pages 0), "
	  "disable-modify-enable (ioctl DISABLE, MODIFY_ATTRIBUTES, ENABLE)" },
	{ "trapEvery", "LIST", OPT_AXIS, AXIS_TRAP_EVERY, 0, 0,
	  "the workload: 0 = no op traps, 1 = every op stores to the watched address (one trap), "
	  "k = every k-th op does; whole numbers >= 0" },
	{ "notify", "LIST", OPT_AXIS, AXIS_NOTIFY, 0, 0,
	  "none, or signal = O_ASYNC + F_SETSIG SIGRTMIN+3 + F_SETOWN_EX to the arming thread (one signal per trap)" },
	{ "pages", "LIST", OPT_AXIS, AXIS_PAGES, 0, 0,
	  "data pages of the mmap'ed ring, a power of two 1..512 (mmap length is (1+pages) x page size)" },
	{ "bpType", "LIST", OPT_AXIS, AXIS_BP_TYPE, 0, 0,
	  "watchpoint type: W, RW, X, or R where the CPU allows it (x86 does not)" },
	{ "bpLen", "LIST", OPT_AXIS, AXIS_BP_LEN, 0, 0,
	  "watched bytes: 1, 2, 4 or 8 (X takes the arch's instruction length: 8 on x86)" },
	{ "threads", "LIST", OPT_AXIS, AXIS_THREADS, 0, 0,
	  "threads each moving their own watchpoints at once, released by a barrier: 1..nproc" },
	{ "slots", "LIST", OPT_AXIS, AXIS_SLOTS, 0, 0,
	  "watchpoints armed at once per thread, moved round-robin: 1..debug registers (x86: 4)" },
	{ "iterations", "N", OPT_COUNT, COUNT_ITERATIONS, 1, MAX_ITERATIONS,
	  "ops per round per thread, timed as one batch (default 10000)" },
	{ "rounds", "N", OPT_COUNT, COUNT_ROUNDS, 1, MAX_ROUNDS,
	  "measured rounds per scenario, strategies interleaved A B A B ... (default 10)" },
	{ "warmup", "N", OPT_COUNT, COUNT_WARMUP, 0, MAX_ROUNDS,
	  "rounds run first and dropped (default 2)" },
	{ "workload", "LIST", OPT_PROFILER, PROFILER_OPT_WORKLOAD, 0, 0,
	  "--matrix profiler: hash (updates to a 256 KiB hash table), stream (dst[i] = src[i] + pass over 2 x 8 MiB), "
	  "chase (a pointer chase through a random cycle of 64 MiB of nodes, DRAM-bound); default all three" },
	{ "rate", "LIST", OPT_PROFILER, PROFILER_OPT_RATE, 0, 0,
	  "--matrix profiler: the tool's samples per second of CPU time (task-clock sample period = 1e9/rate ns), "
	  "1..100000; default 1000,5000,20000" },
	{ "work", "MS", OPT_PROFILER, PROFILER_OPT_WORK, 0, 0,
	  "--matrix profiler: each workload's fixed amount of work per round, as the accesses that take about MS "
	  "milliseconds of CPU time without the tool here (calibrated once, then the same for every round); 1..60000, "
	  "default 75" },
	{ "out", "FILE", OPT_OUT, 0, 0, 0,
	  "write native.json here, atomically (temp file + rename); default stdout" },
	{ "dry-run", NULL, OPT_FLAG, FLAG_DRY_RUN, 0, 0,
	  "probe, validate and list the scenarios, run nothing" },
	{ "help", NULL, OPT_FLAG, FLAG_HELP, 0, 0, "this text" },
};

#define NR_OPTIONS ((int)(sizeof(option_table) / sizeof(option_table[0])))

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

/* Strict decimal: the whole string, no sign surprises, no overflow. */
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

static void list_option_names(FILE *out)
{
	int i;

	for (i = 0; i < NR_OPTIONS; i++)
		fprintf(out, "%s--%s", i ? ", " : "", option_table[i].name);
}

static const struct option_desc *find_option(const char *name, size_t len)
{
	int i;

	for (i = 0; i < NR_OPTIONS; i++)
		if (strlen(option_table[i].name) == len && strncmp(option_table[i].name, name, len) == 0)
			return &option_table[i];
	return NULL;
}

static int apply_option(const struct option_desc *opt, const char *value, struct options *opts)
{
	switch (opt->kind) {
	case OPT_AXIS:
		return parse_axis(opt, value, &opts->axis[opt->target]);
	case OPT_COUNT:
		return parse_count(opt, value, opts);
	case OPT_MATRIX:
		if (matrix_parse(value, &opts->matrices) != 0)
			return -1;
		opts->matrix_text = value;
		return 0;
	case OPT_OUT:
		if (value[0] == '\0')
			return usage_error(opt->name, "''", "empty file name", "a file path");
		opts->out = value;
		return 0;
	case OPT_PROFILER:
		return profiler_parse_option(opt->target, opt->name, value, &opts->profiler);
	case OPT_FLAG:
		if (opt->target == FLAG_HELP)
			opts->help = true;
		else
			opts->dry_run = true;
		return 0;
	}
	return -1;
}

int options_parse(int argc, char **argv, struct options *opts)
{
	int i;

	memset(opts, 0, sizeof(*opts));
	opts->matrices = 1u << matrix_find("headline");
	opts->matrix_text = "headline";
	opts->iterations = DEFAULT_ITERATIONS;
	opts->rounds = DEFAULT_ROUNDS;
	opts->warmup = DEFAULT_WARMUP;
	opts->argc = argc;
	opts->argv = argv;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq, *value;
		const struct option_desc *opt;

		if (strcmp(arg, "-h") == 0) {
			opts->help = true;
			continue;
		}
		if (strncmp(arg, "--", 2) != 0) {
			fprintf(stderr, "perfbp-bench: unexpected argument '%s'; options start with -- (valid: ", arg);
			list_option_names(stderr);
			fprintf(stderr, ")\n");
			return -1;
		}
		eq = strchr(arg + 2, '=');
		opt = find_option(arg + 2, eq ? (size_t)(eq - arg - 2) : strlen(arg + 2));
		if (opt == NULL) {
			fprintf(stderr, "perfbp-bench: unknown option '%s'; valid: ", arg);
			list_option_names(stderr);
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
			fprintf(stderr, "perfbp-bench: --%s needs a value %s; valid: %s\n", opt->name, opt->arg,
				opt->kind == OPT_AXIS ? axis_valid[opt->target]
				: opt->kind == OPT_MATRIX ? matrix_names()
				: opt->kind == OPT_PROFILER ? profiler_option_valid(opt->target)
				: opt->kind == OPT_COUNT ? (opt->min == 0 ? "a whole number >= 0" : "a whole number >= 1")
							 : "a file path");
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

static void print_wrapped(FILE *out, const char *text, int indent, int width)
{
	int column = indent;
	const char *p = text;

	while (*p) {
		const char *space = strchr(p, ' ');
		int word = space ? (int)(space - p) : (int)strlen(p);

		if (column > indent && column + 1 + word > width) {
			fprintf(out, "\n%*s", indent, "");
			column = indent;
		} else if (column > indent) {
			fputc(' ', out);
			column++;
		}
		fprintf(out, "%.*s", word, p);
		column += word;
		p += word;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

void options_help(FILE *out)
{
	int i;

	fprintf(out,
		"usage: perfbp-bench [--matrix LIST] [SCENARIO OPTIONS] [--iterations N] [--rounds N] [--warmup N]\n"
		"                    [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"The native reference harness of rearm: moves hardware watchpoints by reopening them or with\n"
		"ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES), in C with nothing between the loop and the kernel,\n"
		"counts every trap (the run stops if a count is off), and writes native.json.\n"
		"\n"
		"Scenario options take one value or a comma-separated list (--pages 1,8,64); each replaces\n"
		"that key's values in the matrix, so explicit options narrow or override it.\n"
		"\n"
		"OPTIONS\n");
	for (i = 0; i < NR_OPTIONS; i++) {
		char head[48];

		snprintf(head, sizeof(head), "  --%s%s%s", option_table[i].name, option_table[i].arg ? " " : "",
			 option_table[i].arg ? option_table[i].arg : "");
		fprintf(out, "%-22s", head);
		if (strlen(head) >= 22)
			fprintf(out, "\n%22s", "");
		print_wrapped(out, option_table[i].help, 22, 100);
	}
	fprintf(out, "\nMATRICES (what --matrix runs before explicit options narrow it)\n");
	for (i = 0; i < matrix_count(); i++) {
		fprintf(out, "  %-20s", matrix_info(i)->name);
		print_wrapped(out, matrix_info(i)->help, 22, 100);
	}
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
		"  and the SIGRTMIN+3 handler's count when notify=signal.\n"
		"\n");
	profiler_help(out);
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  native.json: {\"harness\":\"native\", \"env\":{...}, \"command\":..., \"settings\":{...},\n"
		"  \"results\":[{strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots, nsPerOp:[per\n"
		"  round], aggregateNsPerOp, threadNsPerOp, summary, traps:{expected, observed, observedBy,\n"
		"  signals, ops, counter:{ops, expected, observed}}, phasesNs:{munmap, close, open, fcntl,\n"
		"  mmap}, phasePassExtrasNs:{counterRead, trap}, phaseOps}]}. Progress goes to stderr.\n"
		"\n"
		"EXIT STATUS\n"
		"  0 results written; 1 a premise failed (a trap count was off) or the system failed (memory,\n"
		"  I/O), nothing written; 2 bad input (one line names the option and the valid values), nothing\n"
		"  run; 3 the kernel refused (the message says why and what to do), nothing written.\n");
}
