/*
 * The gate in front of every measuring command: a machine whose breakpoint PMU refuses a
 * watchpoint runs nothing, and one whose watchpoints never fire measures nothing (every move's
 * premise, liveness included, needs a trap), whatever the command. Before it, the steps every
 * such command takes alike between parsing and planning (gate_start).
 */
#include "gate.h"

#include "advice.h"
#include "exit_status.h"
#include "publish.h"

#include <stdio.h>

int gate_probe(struct env *env)
{
	env_probe(env);
	if (!env->breakpoint_pmu.supported) {
		struct perf_failure failure = { .call = "perf_event_open", .err = env->breakpoint_errno,
						.detail = "probing: a 1-byte W watchpoint on this thread" };

		advice_print(stderr, &failure);
		return EXIT_KERNEL;
	}
	return 0;
}

int gate_start(const struct args_common *common, void (*help)(FILE *out), struct env *env)
{
	int rc;

	if (common->help) {
		help(stdout);
		return fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	}
	if (out_path_check(common->out) != 0)
		return EXIT_USAGE;
	rc = gate_probe(env);
	return rc != 0 ? rc : GATE_GO_ON;
}

int gate_refuse_without_traps(const struct env *env)
{
	fprintf(stderr, "perfbp-bench: %s; no move can be verified by a trap, so nothing is measured: run on bare "
		"metal or a VM that passes debug registers through (perfbp-bench trap-anatomy still measures the "
		"reference exceptions here)\n", env->traps.reason);
	return EXIT_KERNEL;
}

int gate_status(int refusal)
{
	return refusal == -1 ? EXIT_USAGE : refusal == -2 ? EXIT_KERNEL : EXIT_FAILED;
}
