/*
 * The command line. perfbp-bench runs one experiment per command, the way perf bench and git
 * do: `moves` and `profiler`, each parsed by its own table of options (option_table.c), with
 * one line naming the input and what is valid for anything bad. The old spelling without a
 * command takes the rows of both for one more release: --matrix picks the experiment, as it did.
 */
#include "cli.h"

#include "option_table.h"

#include "moves/matrix.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

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
#define NO_MOVES_ITERATIONS 10000 /* the old default, shown by a run that has no moves */
#define DEFAULT_MIN_OPS 200
/* round-size: the -Pfull (2000) and default (10000) profiles' old fixed sizes, 6 rounds of each. */
#define ROUND_SIZE_DEFAULT_ROUNDS 6
#define ROUND_SIZE_DEFAULT_WARMUP 1
#define ROUND_SIZE_DEFAULT_OUT "round-size.json"
static const long round_size_default_sizes[] = { 2000, 10000 };

static const char *const axis_valid[NR_AXES] = {
	[AXIS_STRATEGY] = "reopen, modify, reopen-nobuf, disable-modify-enable",
	[AXIS_TRAP_EVERY] = "whole numbers >= 0 (0 = never traps, k = every k-th op traps)",
	[AXIS_NOTIFY] = "none, signal, sigtrap",
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
	case COUNT_ROUND_MS:
		opts->round_ms = number;
		opts->round_ms_given = true;
		break;
	case COUNT_MIN_OPS:
		opts->min_ops = number;
		opts->min_ops_given = true;
		break;
	}
	return 0;
}

/* round-size --sizes: at least two different round sizes, each within --iterations' range. */
static int parse_sizes(const struct option_desc *opt, const char *value, struct options *opts)
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
			return usage_error(opt->name, value, "empty or overlong item in the list", valid);
		memcpy(item, start, len);
		item[len] = '\0';
		if (parse_long(item, &number) != 0)
			return usage_error(opt->name, value, "not a list of whole numbers", valid);
		if (number < opt->min || number > opt->max)
			return usage_error(opt->name, value, "a size out of range", valid);
		for (i = 0; i < opts->nsizes; i++)
			if (opts->sizes[i] == number)
				return usage_error(opt->name, value, "a size given twice", valid);
		if (opts->nsizes == MAX_ROUND_SIZES)
			return usage_error(opt->name, value, "more than 8 sizes", valid);
		opts->sizes[opts->nsizes++] = number;
		if (!comma)
			break;
		start = comma + 1;
	}
	if (opts->nsizes < 2)
		return usage_error(opt->name, value, "one size compares nothing", valid);
	opts->sizes_text = value;
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
static int parse_matrix(const struct option_desc *opt, const char *value, struct options *opts)
{
	if (matrix_parse(opt->name, value, &opts->matrices) != 0)
		return -1;
	if (opts->command != COMMAND_OLD_SPELLING && matrix_has_profiler(opts->matrices)) {
		fprintf(stderr, "perfbp-bench: --%s %s: the profiler is a command of its own; valid: perfbp-bench "
			"profiler, or move matrices (headline, pages, trap-rate, shape, threads, slots, notify, all)\n",
			opt->name, value);
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
		return parse_matrix(opt, value, opts);
	case OPT_SIZES:
		return parse_sizes(opt, value, opts);
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
		: opt->kind == OPT_SIZES ? "at least two different whole numbers, e.g. 2000,10000"
					 : "a file path",
		opt->kind == OPT_PROFILER && command == COMMAND_OLD_SPELLING ? OLD_PROFILER_SUFFIX : "");
}

static enum command command_named(const char *word)
{
	if (word != NULL && strcmp(word, "moves") == 0)
		return COMMAND_MOVES;
	if (word != NULL && strcmp(word, "profiler") == 0)
		return COMMAND_PROFILER;
	if (word != NULL && strcmp(word, "round-size") == 0)
		return COMMAND_ROUND_SIZE;
	return COMMAND_OLD_SPELLING;
}

/* A sigtrap watchpoint maps no ring: --pages next to an explicit --notify sigtrap asks for what cannot be. */
static int check_sigtrap_pages(const struct value_list axis[NR_AXES])
{
	const struct value_list *notify = &axis[AXIS_NOTIFY];
	const struct value_list *pages = &axis[AXIS_PAGES];
	char given[MAX_VALUES * 4];
	size_t used = 0;
	int i;

	for (i = 0; i < notify->count && notify->values[i] != NOTIFY_SIGTRAP; i++)
		;
	if (i == notify->count || pages->count == 0)
		return 0;
	given[0] = '\0';
	for (i = 0; i < pages->count && used < sizeof(given); i++)
		used += snprintf(given + used, sizeof(given) - used, "%s%d", i ? "," : "", pages->values[i]);
	fprintf(stderr, "perfbp-bench: --pages %s with --notify sigtrap: a sigtrap watchpoint maps no ring (its SIGTRAP "
		"carries the tag a sample would), so pages does not apply; valid: no --pages with --notify sigtrap (it "
		"runs with pages 0), or --pages with --notify none,signal\n", given);
	return -1;
}

/* A round is sized by ops (--iterations) or by time (--round-ms, the default), never both. */
static int check_round_sizing(const struct options *opts)
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
	/* The profiler alone sizes its rounds by --work: a move round's size would be recorded and do nothing. */
	if (!matrix_has_moves(opts->matrices) && (opts->round_ms_given || opts->min_ops_given)) {
		snprintf(given, sizeof(given), opts->round_ms_given ? "--round-ms %ld" : "--min-ops %ld",
			 opts->round_ms_given ? opts->round_ms : opts->min_ops);
		fprintf(stderr, "perfbp-bench: %s with --matrix %s: it sizes the rounds of moves, and this run has none "
			"(the profiler sizes its rounds by --work); valid: %s with a move matrix (e.g. --matrix headline), "
			"or --work MS for the profiler\n", given, opts->matrix_text, opts->round_ms_given ? "--round-ms" : "--min-ops");
		return -1;
	}
	/* round-size takes its sizes from --sizes. */
	if (opts->iterations > 0 || opts->command == COMMAND_ROUND_SIZE || !matrix_has_moves(opts->matrices))
		return 0;
	if (opts->warmup == 0) {
		snprintf(given, sizeof(given), "--round-ms %ld", opts->round_ms);
		fprintf(stderr, "perfbp-bench: --warmup 0 with time-sized rounds (%s): they are calibrated in the "
			"first warm-up round; valid: --warmup 1 or more, or --iterations N for fixed rounds\n",
			opts->round_ms_given ? given : "the default without --iterations");
		return -1;
	}
	return 0;
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
	opts->round_ms = DEFAULT_ROUND_MS;
	opts->min_ops = DEFAULT_MIN_OPS;
	opts->rounds = DEFAULT_ROUNDS;
	opts->warmup = DEFAULT_WARMUP;
	if (opts->command == COMMAND_ROUND_SIZE) {
		opts->rounds = ROUND_SIZE_DEFAULT_ROUNDS;
		opts->warmup = ROUND_SIZE_DEFAULT_WARMUP;
		opts->out = ROUND_SIZE_DEFAULT_OUT;
		opts->nsizes = (int)(sizeof(round_size_default_sizes) / sizeof(round_size_default_sizes[0]));
		memcpy(opts->sizes, round_size_default_sizes, sizeof(round_size_default_sizes));
		opts->sizes_text = "2000,10000";
	}
	opts->argc = argc;
	opts->argv = argv;
	table = option_table(opts->command);

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
	if (opts->help || check_round_sizing(opts) != 0)
		return opts->help ? 0 : -1;
	/* A run without moves (the profiler) sizes nothing by ops or time (roundSizing "none"); its
	 * settings block keeps the count it always showed, so its native.json keeps its keys. */
	if (opts->iterations == 0 && !matrix_has_moves(opts->matrices))
		opts->iterations = NO_MOVES_ITERATIONS;
	return check_sigtrap_pages(opts->axis);
}

int out_path_check(const char *out)
{
	char dir[4096];
	const char *slash;
	struct stat st;

	if (out == NULL)
		return 0;
	slash = strrchr(out, '/');
	if (slash == NULL) {
		snprintf(dir, sizeof(dir), ".");
	} else if (slash == out) {
		snprintf(dir, sizeof(dir), "/");
	} else {
		if ((size_t)(slash - out) >= sizeof(dir)) {
			fprintf(stderr, "perfbp-bench: --out %s: path too long; valid: a file in an existing, writable directory\n",
				out);
			return -1;
		}
		memcpy(dir, out, (size_t)(slash - out));
		dir[slash - out] = '\0';
	}
	if (slash != NULL && slash[1] == '\0') {
		fprintf(stderr, "perfbp-bench: --out %s: names a directory; valid: a file in an existing, writable directory\n",
			out);
		return -1;
	}
	if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "perfbp-bench: --out %s: names a directory; valid: a file in an existing, writable directory\n",
			out);
		return -1;
	}
	/* Checked now so a long run cannot end with nowhere to put its results. */
	if (access(dir, W_OK | X_OK) != 0) {
		fprintf(stderr, "perfbp-bench: --out %s: directory %s is %s; valid: a file in an existing, writable directory\n",
			out, dir, errno == ENOENT ? "missing" : "not writable");
		return -1;
	}
	return 0;
}

int options_check_out(const struct options *opts)
{
	return out_path_check(opts->out);
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

