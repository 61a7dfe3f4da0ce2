/*
 * perfbp-bench: one experiment per command (moves, profiler, round-size, trap-anatomy; the old
 * spelling without a command runs what --matrix names). Parse and validate everything, probe the machine, refuse
 * what it cannot run, plan, run (progress on stderr), and only then write native.json. Any
 * failure before the end writes nothing.
 */
#include "cli.h"
#include "help.h"
#include "output.h"

#include "anatomy/anatomy.h"

#include "core/advice.h"
#include "core/clock.h"
#include "core/env.h"
#include "core/exit_status.h"
#include "core/resources.h"
#include "moves/moves.h"
#include "profiler/plan.h"
#include "profiler/runner.h"
#include "roundsize/round_size.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

/* -1 (bad input), -2 (the kernel refused), -3 (the system failed us) as an exit status. */
static int refusal_status(int refusal)
{
	return refusal == -1 ? EXIT_USAGE : refusal == -2 ? EXIT_KERNEL : EXIT_FAILED;
}

/* Every move's premise (liveness included) needs a trap: where none fires, nothing could be verified. */
static int refuse_without_traps(const struct env *env)
{
	fprintf(stderr, "perfbp-bench: %s; no move can be verified by a trap, so nothing is measured: run on bare "
		"metal or a VM that passes debug registers through (perfbp-bench trap-anatomy still measures the "
		"reference exceptions here)\n", env->traps.reason);
	return EXIT_KERNEL;
}

/* round-size writes only what it compared: with every scenario left out there is nothing to compare. */
static int refuse_nothing_runnable(const struct moves_plan *plan, const struct env *env)
{
	char why[384] = "";

	moves_report_not_runnable(plan, env);
	if (plan->count > 0)
		moves_not_runnable(env, &plan->scenarios[0], why, sizeof(why));
	fprintf(stderr, "perfbp-bench: round-size: none of the %d scenarios can run here (the first: %s); nothing "
		"measured, nothing written\n", plan->count, why);
	return EXIT_KERNEL;
}

/* perfbp-bench round-size: plan, dry run or refusal, run, and only then write round-size.json. */
static int round_size_main(const struct options *opts, const struct env *env)
{
	struct round_size_plan plan;
	int rc, status;

	rc = round_size_plan_make(opts, env, &plan);
	if (rc != 0) {
		status = refusal_status(rc);
	} else if (opts->dry_run) {
		round_size_plan_print(&plan, env, stdout);
		status = fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	} else if (plan.moves.runnable == 0) {
		status = refuse_nothing_runnable(&plan.moves, env);
	} else if (!env->traps.supported) {
		status = refuse_without_traps(env);
	} else if (moves_prepare(&plan.moves, env) != 0) {
		status = EXIT_FAILED;
	} else {
		status = round_size_run(&plan, env);
		if (status == 0 && round_size_write(&plan, env) != 0)
			status = EXIT_FAILED;
		if (status == 0)
			fprintf(stderr, "perfbp-bench: round-size: %d scenarios at %d sizes; wrote %s\n", plan.moves.runnable,
				plan.nsizes, plan.out);
	}
	round_size_plan_free(&plan);
	return status;
}

int main(int argc, char **argv)
{
	struct options opts;
	struct env env;
	struct run_settings settings;
	struct moves_plan moves = { 0 };
	struct run_record record;
	struct profiler_plan profiler_plan;
	struct profiler_results profiler_results = { 0 };
	double started, start_mono;
	int rc, status = EXIT_FAILED;
	int fds_before, maps_before, fds_after, maps_after;

	/*
	 * A harness started from a background shell job inherits SIGINT ignored. An explicit
	 * kill -INT must still stop a run, and the default action is right: the output is only
	 * renamed into place at the end, so a killed run writes nothing.
	 */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);

	/*
	 * Nothing at all once ran the old spelling's headline and printed its JSON, which is not what
	 * someone trying the tool wants: with no argument, say what to type instead and run nothing.
	 */
	if (argc == 1) {
		fprintf(stderr, "perfbp-bench: no command given; usage: perfbp-bench <command> [options], valid "
			"commands: moves, profiler, round-size, trap-anatomy (perfbp-bench --help says what each "
			"does)\n");
		return EXIT_USAGE;
	}

	/* trap-anatomy takes options of its own (parts, ops per loop) and parses them itself. */
	if (argc > 1 && strcmp(argv[1], "trap-anatomy") == 0)
		return anatomy_main(argc - 1, argv + 1, argc, argv);

	if (options_parse(argc, argv, &opts) != 0)
		return EXIT_USAGE;
	if (opts.help) {
		options_help(&opts, stdout);
		return fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	}
	if (options_check_out(&opts) != 0)
		return EXIT_USAGE;

	env_probe(&env);
	if (!env.breakpoint_pmu.supported) {
		struct perf_failure failure = { .call = "perf_event_open", .err = env.breakpoint_errno,
						.detail = "probing: a 1-byte W watchpoint on this thread" };

		advice_print(stderr, &failure);
		return EXIT_KERNEL;
	}
	if (opts.command == COMMAND_ROUND_SIZE)
		return round_size_main(&opts, &env);

	settings = (struct run_settings){
		.iterations = opts.iterations, .rounds = opts.rounds, .warmup = opts.warmup,
		.sizing = !matrix_has_moves(opts.matrices) ? ROUNDS_NONE
			  : opts.iterations > 0		   ? ROUNDS_FIXED
							   : ROUNDS_BY_TIME,
		.round_ms = opts.round_ms, .min_ops = opts.min_ops,
	};
	rc = moves_plan_make(opts.matrices, opts.matrix_text, opts.axis, &settings, &env, &moves);
	if (rc != 0) {
		status = refusal_status(rc);
		goto out;
	}
	if (options_check_experiments(&opts) != 0) {
		status = EXIT_USAGE;
		goto out;
	}
	memset(&profiler_plan, 0, sizeof(profiler_plan));
	if (matrix_has_profiler(opts.matrices)) {
		rc = profiler_plan_make(&opts.profiler, &opts.axis[AXIS_STRATEGY], opts.rounds, opts.warmup, &env,
					&profiler_plan);
		if (rc != 0) {
			status = refusal_status(rc);
			goto out;
		}
	}
	options_note_old_spelling(&opts);
	if (opts.dry_run) {
		moves_plan_print(&moves, &env, stdout);
		profiler_plan_print(&profiler_plan, stdout);
		status = fflush(stdout) == 0 ? 0 : EXIT_FAILED;
		goto out;
	}
	if (!env.traps.supported) {
		status = refuse_without_traps(&env);
		goto out;
	}
	if (moves_prepare(&moves, &env) != 0)
		goto out;

	if (process_resources(&fds_before, &maps_before) != 0) {
		perror("perfbp-bench: reading /proc/self");
		goto out;
	}
	started = wall_seconds();
	start_mono = (double)monotonic_ns() / 1e9;
	rc = moves_run(&moves, &env);
	if (rc != 0) {
		status = rc;
		goto out;
	}
	rc = profiler_run(&profiler_plan, &env, &profiler_results);
	if (rc != 0) {
		status = rc == -2 ? EXIT_KERNEL : EXIT_FAILED;
		fprintf(stderr, "perfbp-bench: stopped; nothing written\n");
		goto out;
	}
	if (process_resources(&fds_after, &maps_after) != 0) {
		perror("perfbp-bench: reading /proc/self");
		goto out;
	}

	record = (struct run_record){
		.opts = &opts, .env = &env, .settings = &settings, .scenarios = moves.scenarios, .results = moves.results,
		.count = moves.count, .matrix = opts.matrix_text, .started_at = started,
		.finished_at = wall_seconds(), .fds_before = fds_before, .fds_after = fds_after,
		.mappings_before = maps_before, .mappings_after = maps_after,
		.profiler = profiler_plan.enabled ? &profiler_results : NULL,
	};
	if (output_write(&record) != 0)
		goto out;
	{
		char took[16];

		format_duration((double)monotonic_ns() / 1e9 - start_mono, took, sizeof(took));
		fprintf(stderr, "perfbp-bench: %d scenarios%s in %s; wrote %s\n", moves.count,
			profiler_plan.enabled ? " and the profiler" : "", took, opts.out ? opts.out : "stdout");
	}
	status = 0;
out:
	moves_plan_free(&moves);
	profiler_results_free(&profiler_results);
	return status;
}
