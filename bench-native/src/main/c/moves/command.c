/*
 * perfbp-bench moves. Parse and validate everything, probe the machine, refuse what it cannot
 * run, plan, run (progress on stderr), and only then write native.json: any failure before the
 * end writes nothing.
 */
#include "moves.h"

#include "options.h"
#include "output.h"

#include "../core/clock.h"
#include "../core/exit_status.h"
#include "../core/gate.h"
#include "../core/move_plan.h"
#include "../core/resources.h"

#include <stdio.h>

static int run_and_write(struct moves_plan *plan, const struct moves_options *opts, const struct env *env, int argc,
			 char **argv)
{
	struct moves_record record = { .argc = argc, .argv = argv, .out = opts->common.out, .env = env, .plan = plan };
	struct process_resources *res = &record.resources;
	double start_mono;
	char took[16];
	int rc;

	if (moves_prepare(plan, env) != 0)
		return EXIT_FAILED;
	if (process_resources(&res->fds_before, &res->mappings_before) != 0) {
		perror("perfbp-bench: reading /proc/self");
		return EXIT_FAILED;
	}
	record.started_at = wall_seconds();
	start_mono = (double)monotonic_ns() / 1e9;
	rc = moves_run(plan, env);
	if (rc != 0)
		return rc;
	if (process_resources(&res->fds_after, &res->mappings_after) != 0) {
		perror("perfbp-bench: reading /proc/self");
		return EXIT_FAILED;
	}
	record.finished_at = wall_seconds();
	if (moves_write(&record) != 0)
		return EXIT_FAILED;
	format_duration((double)monotonic_ns() / 1e9 - start_mono, took, sizeof(took));
	fprintf(stderr, "perfbp-bench: %d scenarios in %s; wrote %s\n", plan->count, took,
		opts->common.out ? opts->common.out : "stdout");
	return 0;
}

int cmd_moves(int argc, char **argv)
{
	struct moves_options opts;
	struct env env;
	struct run_settings settings;
	struct moves_plan plan = { 0 };
	int rc, status;

	if (moves_options_parse(argc, argv, &opts) != 0)
		return EXIT_USAGE;
	status = gate_start(&opts.common, moves_help, &env);
	if (status != GATE_GO_ON)
		return status;
	settings = (struct run_settings){
		.iterations = opts.iterations, .rounds = opts.common.rounds, .warmup = opts.common.warmup,
		.sizing = opts.iterations > 0 ? ROUNDS_FIXED : ROUNDS_BY_TIME,
		.round_ms = opts.round_ms, .min_ops = opts.min_ops,
	};
	rc = moves_plan_make(opts.scenarios.matrices, opts.scenarios.matrix_text, opts.scenarios.axis, &settings, &env,
			     &plan);
	if (rc != 0) {
		status = gate_status(rc);
	} else if (opts.common.dry_run) {
		moves_plan_print(&plan, &env, stdout);
		status = fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	} else if (!env.traps.supported) {
		status = gate_refuse_without_traps(&env);
	} else {
		status = run_and_write(&plan, &opts, &env, argc, argv);
	}
	moves_plan_free(&plan);
	return status;
}
