/* The round runner of one group of move scenarios, and its premise checks (runner.c). */
#ifndef PERFBP_RUNNER_H
#define PERFBP_RUNNER_H

#include "matrix.h"

#include "advice.h"
#include "env.h"
#include "phase_clock.h"
#include "scenario.h"

#include <stdbool.h>
#include <stdint.h>

/* How many ops a round runs: a fixed count, or as many as take about round_ms (round_ops.c). */
enum round_sizing { ROUNDS_FIXED, ROUNDS_BY_TIME };

struct run_settings {
	long iterations;	 /* ROUNDS_FIXED: ops per round per thread */
	long rounds;
	long warmup;
	enum round_sizing sizing;
	long round_ms;		 /* ROUNDS_BY_TIME: calibrated in each strategy's first warm-up round */
	long min_ops;		 /* ROUNDS_BY_TIME: the floor, and the calibration round's size */
	bool no_phase_pass;	 /* round-size: rounds only, no phase-by-phase batch */
};

/* What one scenario (one strategy of a group) measured. */
struct scenario_result {
	double *ns_per_op;	   /* [rounds]: mean over threads of each thread's ns/op */
	double *aggregate_ns_per_op; /* [rounds]: round wall time / (threads x iterations) */
	double *thread_ns_per_op;  /* [threads][rounds] */
	long ops_per_round;	   /* what every measured round ran, per thread (fixed, or calibrated) */
	uint64_t ops;
	uint64_t traps_expected;
	uint64_t traps_observed;   /* ring samples (strategies with a ring), else the counters */
	uint64_t signals;	   /* notify=signal: SIGRTMIN+3s; notify=sigtrap: perf SIGTRAPs */
	uint64_t tag_mismatches;   /* notify=sigtrap: SIGTRAPs whose tag was not the trapping address's */
	uint64_t counter_ops;	   /* ops whose traps read() of every fd's counter covered */
	uint64_t counter_expected;
	uint64_t counter_observed;
	uint64_t liveness_checks;   /* slots touched after their batches, each trapping once where it was
				     * moved and never where it had been (a run stops otherwise) */
	bool has_phases;
	uint64_t phase_ops;
	double phase_ns[NR_PHASES]; /* mean ns per op in each phase, over the phase pass */
	bool phase_ran[NR_PHASES];
	char not_run[384];	   /* non-empty: the scenario was not run, and why */
};

/* Why a group stopped: the kernel refused, or a premise failed. */
struct run_error {
	bool kernel;		     /* true: failure holds the refusal (EXIT_KERNEL) */
	struct perf_failure failure;
	char message[512];	     /* otherwise: what went wrong (EXIT_FAILED) */
	char where[256];	     /* the strategy, scenario, thread and round that failed ("": none) */
};

int scenario_result_alloc(struct scenario_result *r, const struct scenario *s, const struct run_settings *rs);
void scenario_result_free(struct scenario_result *r);

/* Runs one group's rounds (strategies interleaved) and phase passes; fills results[member]. */
int run_group(const struct scenario *scenarios, const struct group *group, const struct run_settings *rs,
	      const struct env *env, struct scenario_result *results, struct run_error *error);

/*
 * Why a run stopped, on stderr: the kernel's advice or the failure's message, then one last
 * line the pipeline shows as the run's reason, naming what failed and where:
 *   perfbp-bench: stopped at <at>: <call> failed with <ERRNO> (<where>); nothing written
 *   perfbp-bench: stopped at <at>: premise failed (<where>; above); nothing written
 *   perfbp-bench: stopped at <at>: <message>; nothing written        (the harness's own failures)
 * at: the place in the whole run (moves: "scenario 3-4/12"). Returns EXIT_KERNEL or EXIT_FAILED.
 */
int run_error_report(const struct run_error *error, const char *at);

#endif
