/*
 * perfbp-bench round-size: parse, probe, plan, dry run or refusal, run, and only then write
 * round-size.json; any failure before the end writes nothing.
 */
#include "round_size_command.h"

#include "options.h"
#include "round_size.h"

#include "../core/exit_status.h"
#include "../core/gate.h"
#include "../core/move_plan.h"

#include <stdio.h>

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

int cmd_round_size(int argc, char **argv)
{
	struct round_size_options opts;
	struct round_size_plan plan;
	struct env probed;
	const struct env *env = &probed;
	int rc, status;

	if (round_size_options_parse(argc, argv, &opts) != 0)
		return EXIT_USAGE;
	status = gate_start(&opts.common, round_size_help, &probed);
	if (status != GATE_GO_ON)
		return status;
	rc = round_size_plan_make(&opts, env, &plan);
	if (rc != 0) {
		status = gate_status(rc);
	} else if (opts.common.dry_run) {
		round_size_plan_print(&plan, env, stdout);
		status = fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	} else if (plan.moves.runnable == 0) {
		status = refuse_nothing_runnable(&plan.moves, env);
	} else if (!env->traps.supported) {
		status = gate_refuse_without_traps(env);
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

