/* The profiler's rounds and their premise checks (runner.c). */
#ifndef PERFBP_PROFILER_RUNNER_H
#define PERFBP_PROFILER_RUNNER_H

#include "plan.h"
#include "tool.h"

#include "../core/env.h"

#include <stdint.h>

struct profiler_result {
	enum profiler_workload workload;
	struct profiler_member member;
	uint64_t accesses;
	double *ns_per_op;	/* [rounds] wall ns per access */
	double *wall_ns;	/* [rounds] */
	double *cpu_ns;		/* [rounds] thread CPU time */
	double *after_cpu_ns;	/* [rounds] CPU time of the no-tool probe right after this run's round */
	struct tool_counts *round_counts; /* [rounds] */
	struct tool_counts totals;	  /* over measured rounds */
	struct tool_counts warmup_totals; /* over warm-up rounds (checked too, not reported per round) */
};

struct profiler_results {
	const struct profiler_plan *plan;
	struct profiler_result *results; /* [nworkloads * nmembers] */
	int count;
	uint64_t seed;
	uint64_t probe_accesses[NR_WORKLOADS]; /* per workload: the probe's accesses (1/PROBE_SHARE of a round's) */
	double *signal_ns; /* [rounds] the signal reference: CPU ns per tgkill-to-self delivered to a handler */
};

/* The probe after every round is this share of the round's work: long enough to refill what a
 * tool round left cold, short enough to add little to the run. */
#define PROBE_SHARE 16

/* Runs every workload's rounds; 0, or -1 after printing why (EXIT_FAILED), -2 (EXIT_KERNEL). */
int profiler_run(const struct profiler_plan *plan, const struct env *env, struct profiler_results *out);
void profiler_results_free(struct profiler_results *r);

#endif
