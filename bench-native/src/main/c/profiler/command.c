/*
 * perfbp-bench profiler. Parse and validate everything, probe the machine, plan the workloads
 * and runs, refuse what it cannot run, run (progress on stderr), and only then write
 * native.json: any failure before the end writes nothing.
 */
#include "profiler.h"

#include "options.h"
#include "output.h"
#include "plan.h"
#include "runner.h"

#include "../core/clock.h"
#include "../core/exit_status.h"
#include "../core/gate.h"
#include "../core/resources.h"

#include <stdio.h>

static void dry_run(const struct profiler_plan *plan, const struct env *env, FILE *out)
{
	fprintf(out, "perfbp-bench dry run: profiler, %d workloads x %d runs, %ld+%ld rounds\n", plan->nworkloads,
		plan->nmembers, plan->warmup, plan->rounds);
	env_print(env, out);
	profiler_plan_print(plan, out);
}

static int run_and_write(const struct profiler_plan *plan, const struct profiler_options *po, const struct env *env,
			 int argc, char **argv)
{
	struct profiler_results results = { 0 };
	struct profiler_record record = { .argc = argc, .argv = argv, .out = po->common.out, .env = env, .results = &results };
	struct process_resources *res = &record.resources;
	double start_mono;
	char took[16];
	int rc, status = EXIT_FAILED;

	if (process_resources(&res->fds_before, &res->mappings_before) != 0) {
		perror("perfbp-bench: reading /proc/self");
		return EXIT_FAILED;
	}
	record.started_at = wall_seconds();
	start_mono = (double)monotonic_ns() / 1e9;
	rc = profiler_run(plan, env, &results);
	if (rc != 0) {
		status = rc == -2 ? EXIT_KERNEL : EXIT_FAILED;
		fprintf(stderr, "perfbp-bench: stopped; nothing written\n");
		goto out;
	}
	if (process_resources(&res->fds_after, &res->mappings_after) != 0) {
		perror("perfbp-bench: reading /proc/self");
		goto out;
	}
	record.finished_at = wall_seconds();
	if (profiler_write(&record) != 0)
		goto out;
	format_duration((double)monotonic_ns() / 1e9 - start_mono, took, sizeof(took));
	fprintf(stderr, "perfbp-bench: the profiler's %d runs in %s; wrote %s\n", results.count, took,
		po->common.out ? po->common.out : "stdout");
	status = 0;
out:
	profiler_results_free(&results);
	return status;
}

int cmd_profiler(int argc, char **argv)
{
	struct profiler_options po;
	struct profiler_plan plan;
	struct env env;
	int rc;

	if (profiler_options_parse(argc, argv, &po) != 0)
		return EXIT_USAGE;
	rc = gate_start(&po.common, profiler_help, &env);
	if (rc != GATE_GO_ON)
		return rc;
	rc = profiler_plan_make(&po, &env, &plan);
	if (rc != 0)
		return gate_status(rc);
	if (po.common.dry_run) {
		dry_run(&plan, &env, stdout);
		return fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	}
	if (!env.traps.supported)
		return gate_refuse_without_traps(&env);
	return run_and_write(&plan, &po, &env, argc, argv);
}
