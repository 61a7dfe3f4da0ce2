/*
 * perfbp-bench trap-anatomy: runs every part (anatomy/watchpoint_parts.c, anatomy/references.c)
 * in rounds, the trapping and the plain loop of a part interleaved and their order alternated
 * round by round, checks each loop's premise (every trapping op trapped once, every plain op
 * never), and writes per-round figures; the analysis takes the differences and their CIs.
 * A part that cannot run here is "not run" with the reason; a premise that fails stops the run
 * with nothing written (exit 1), as in every other experiment.
 */
#include "anatomy.h"
#include "anatomy_output.h"

#include "../core/clock.h"
#include "../core/env.h"
#include "../core/exit_status.h"
#include "../core/publish.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ROUNDS 10
#define DEFAULT_WARMUP 2
#define DEFAULT_OPS 2000
#define MAX_ROUNDS 1000

static void usage(FILE *f)
{
	fprintf(f,
		"usage: perfbp-bench trap-anatomy [options]\n"
		"\n"
		"What one trap costs on this host, piece by piece. Each part is the per-op difference\n"
		"between a loop that traps and the same loop that does not, in interleaved rounds:\n"
		"  count        a counting watchpoint (sample_period 0): the debug exception and a counter\n"
		"  ring         + a sample (IP, ADDR) into a 1-page ring, wakeup_events 0\n"
		"  ring-wakeup  + a wakeup per sample (wakeup_events 1: irq_work)\n"
		"  ring-signal  + an O_ASYNC signal per trap (F_SETSIG, F_SETOWN_EX to the thread)\n"
		"  sigtrap      attr.sigtrap (Linux 5.13+): a synchronous SIGTRAP with sig_data, no ring\n"
		"  int3         reference: a breakpoint exception (#BP; brk on aarch64) -> SIGTRAP handler\n"
		"  single-step  reference: a debug exception (#DB, a watchpoint's vector) -> SIGTRAP handler\n"
		"               (x86 only: aarch64 has no user-space single-step)\n"
		"  tgkill       reference: a signal to this thread -> handler, no exception\n"
		"  getppid      reference: a trivial system call\n"
		"\n"
		"options:\n"
		"  --part LIST     parts to run, comma-separated (default: all of the above)\n"
		"  --rounds N      measured rounds per part (default %d, 1..%d)\n"
		"  --warmup N      rounds run first and dropped (default %d)\n"
		"  --ops N         ops per loop and round (default %d)\n"
		"  --out FILE      write native.json there (atomically); without it, print to stdout\n"
		"  --help          this text\n"
		"\n"
		"native.json gets a top-level \"anatomy\" block: per part its status (\"ok\" or \"not run\" with\n"
		"a reason), trapNsPerOp and plainNsPerOp per round, and the traps expected and observed.\n"
		"Exit codes: 0 written; 1 a premise failed (nothing written); 2 bad input.\n",
		DEFAULT_ROUNDS, MAX_ROUNDS, DEFAULT_WARMUP, DEFAULT_OPS);
}

static const struct anatomy_part *find_part(const char *name)
{
	int i;

	for (i = 0; i < nr_watchpoint_parts; i++)
		if (strcmp(watchpoint_parts[i].name, name) == 0)
			return &watchpoint_parts[i];
	for (i = 0; i < nr_reference_parts; i++)
		if (strcmp(reference_parts[i].name, name) == 0)
			return &reference_parts[i];
	return NULL;
}

static int bad_input(const char *option, const char *value, const char *valid)
{
	fprintf(stderr, "perfbp-bench trap-anatomy: %s '%s' is not valid: %s\n", option, value, valid);
	return EXIT_USAGE;
}

static int parse_count(const char *option, const char *value, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || v < min || v > max) {
		char valid[80];

		snprintf(valid, sizeof(valid), "a whole number from %ld to %ld", min, max);
		return bad_input(option, value, valid);
	}
	*out = v;
	return 0;
}

static int parse_parts(const char *value, struct anatomy_plan *plan)
{
	char *copy = strdup(value), *save = NULL, *name;

	if (copy == NULL)
		return EXIT_FAILED;
	plan->nr_parts = 0;
	for (name = strtok_r(copy, ",", &save); name != NULL; name = strtok_r(NULL, ",", &save)) {
		const struct anatomy_part *part = find_part(name);

		if (part == NULL || plan->nr_parts >= MAX_PARTS) {
			free(copy);
			return bad_input("--part", value, "a comma-separated list of count, ring, ring-wakeup, "
				"ring-signal, sigtrap, int3, single-step, tgkill, getppid");
		}
		plan->parts[plan->nr_parts++] = part;
	}
	free(copy);
	if (plan->nr_parts == 0)
		return bad_input("--part", value, "at least one part");
	return 0;
}

static int parse_options(int argc, char **argv, struct anatomy_plan *plan)
{
	static const struct option options[] = {
		{ "part", required_argument, NULL, 'p' }, { "rounds", required_argument, NULL, 'r' },
		{ "warmup", required_argument, NULL, 'w' }, { "ops", required_argument, NULL, 'n' },
		{ "out", required_argument, NULL, 'o' },   { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, i, rc;

	plan->rounds = DEFAULT_ROUNDS;
	plan->warmup = DEFAULT_WARMUP;
	plan->ops = DEFAULT_OPS;
	plan->out = NULL;
	plan->nr_parts = 0;
	for (i = 0; i < nr_watchpoint_parts; i++)
		plan->parts[plan->nr_parts++] = &watchpoint_parts[i];
	for (i = 0; i < nr_reference_parts; i++)
		plan->parts[plan->nr_parts++] = &reference_parts[i];
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'p':
			rc = parse_parts(optarg, plan);
			break;
		case 'r':
			rc = parse_count("--rounds", optarg, 1, MAX_ROUNDS, &plan->rounds);
			break;
		case 'w':
			rc = parse_count("--warmup", optarg, 0, MAX_ROUNDS, &plan->warmup);
			break;
		case 'n':
			rc = parse_count("--ops", optarg, 1, 100000000, &plan->ops);
			break;
		case 'o':
			plan->out = optarg;
			break;
		case 'h':
			usage(stdout);
			return -1;
		default:
			fprintf(stderr, "perfbp-bench trap-anatomy: unknown option '%s': see perfbp-bench trap-anatomy --help\n",
				argv[optind - 1]);
			return EXIT_USAGE;
		}
		if (rc != 0)
			return rc;
	}
	if (optind < argc) {
		fprintf(stderr, "perfbp-bench trap-anatomy: unexpected argument '%s': see perfbp-bench trap-anatomy --help\n",
			argv[optind]);
		return EXIT_USAGE;
	}
	return 0;
}

static int check_premise(const struct anatomy_part *part, bool trapping, long round, const struct anatomy_plan *plan,
			 const struct loop_run *run)
{
	if (run->observed == run->expected && run->tag_mismatches == 0)
		return 0;
	/* round counts from -warmup: a negative one is a warm-up round */
	fprintf(stderr, "perfbp-bench trap-anatomy: premise failed: part %s, %s loop, %s %ld: %ld ops should have "
		"trapped %lld times, but %lld were seen%s; no result is reported for a run that cannot prove its traps\n",
		part->name, trapping ? "trapping" : "plain", round < 0 ? "warm-up round" : "round",
		round < 0 ? round + plan->warmup + 1 : round + 1, plan->ops, run->expected, run->observed,
		run->tag_mismatches ? " and some SIGTRAPs carried another address's sig_data" : "");
	return EXIT_FAILED;
}

static int measure(const struct anatomy_plan *plan, int index, bool watchpoints_ok, const char *no_fire,
		   struct part_result *result)
{
	const struct anatomy_part *part = plan->parts[index];
	char why[256] = "";
	void *state;
	long r;

	result->part = part;
	if (strcmp(part->kind, "watchpoint") == 0 && !watchpoints_ok) {
		snprintf(result->reason, sizeof(result->reason), "%s", no_fire);
		return 0;
	}
	state = part->prepare(part, why, sizeof(why));
	if (state == NULL) {
		snprintf(result->reason, sizeof(result->reason), "%s", why);
		return 0;
	}
	for (r = -plan->warmup; r < plan->rounds; r++) {
		/* Alternate which loop goes first, so neither always runs on a cache the other warmed. */
		for (int k = 0; k < 2; k++) {
			bool trapping = (k == 0) == (r % 2 == 0);
			struct loop_run run = { 0 };

			if (part->run(state, trapping, plan->ops, &run, why, sizeof(why)) != 0) {
				fprintf(stderr, "perfbp-bench trap-anatomy: part %s: %s\n", part->name, why);
				part->finish(state);
				return EXIT_FAILED;
			}
			if (check_premise(part, trapping, r, plan, &run) != 0) {
				part->finish(state);
				return EXIT_FAILED;
			}
			if (r >= 0) {
				(trapping ? result->trap_ns : result->plain_ns)[r] = run.ns / (double)plan->ops;
				if (trapping) {
					result->traps_expected += run.expected;
					result->traps_observed += run.observed;
				}
			}
		}
	}
	part->finish(state);
	result->measured = true;
	return 0;
}

int cmd_trap_anatomy(int whole_argc, char **whole_argv)
{
	/* getopt_long takes the command's own words: argv[0] is "trap-anatomy". */
	int argc = whole_argc - 1;
	char **argv = whole_argv + 1;
	struct anatomy_plan plan;
	struct part_result *results;
	struct env env;
	char why[256];
	int rc, i;

	rc = parse_options(argc, argv, &plan);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	/* Refuse a --out that cannot be written before measuring, not after. */
	if (out_path_check(plan.out) != 0)
		return EXIT_USAGE;
	if (trap_handlers_install(why, sizeof(why)) != 0) {
		fprintf(stderr, "perfbp-bench trap-anatomy: %s\n", why);
		return EXIT_KERNEL;
	}
	/* Some hypervisors accept a watchpoint and never raise its exception: no watchpoint part could then
	 * prove its premise (the env probe stores under one and reads its count). */
	env_probe(&env);
	if (!env.traps.supported)
		fprintf(stderr, "perfbp-bench trap-anatomy: watchpoint parts not run: %s\n", env.traps.reason);
	results = calloc((size_t)plan.nr_parts, sizeof(*results));
	if (results == NULL)
		return EXIT_FAILED;
	for (i = 0; i < plan.nr_parts; i++) {
		results[i].trap_ns = calloc((size_t)plan.rounds, sizeof(double));
		results[i].plain_ns = calloc((size_t)plan.rounds, sizeof(double));
		if (results[i].trap_ns == NULL || results[i].plain_ns == NULL)
			return EXIT_FAILED;
	}
	plan.started_at = wall_seconds();
	for (i = 0; i < plan.nr_parts && rc == 0; i++) {
		fprintf(stderr, "perfbp-bench trap-anatomy: part %d/%d %s\n", i + 1, plan.nr_parts, plan.parts[i]->name);
		rc = measure(&plan, i, env.traps.supported, env.traps.reason, &results[i]);
		if (rc == 0)
			anatomy_progress(&plan, &results[i]);
	}
	plan.finished_at = wall_seconds();
	if (rc == 0) {
		rc = anatomy_write(whole_argc, whole_argv, &env, &plan, results);
		if (rc == 0)
			fprintf(stderr, "perfbp-bench trap-anatomy: %d parts in %.1fs; wrote %s\n", plan.nr_parts,
				plan.finished_at - plan.started_at, plan.out ? plan.out : "stdout");
	} else
		fprintf(stderr, "perfbp-bench trap-anatomy: stopped; nothing written\n");
	for (i = 0; i < plan.nr_parts; i++) {
		free(results[i].trap_ns);
		free(results[i].plain_ns);
	}
	free(results);
	return rc;
}
