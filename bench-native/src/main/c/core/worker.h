/*
 * One thread of a group's run (worker.c), as the runner (runner.c) starts and reads it: the
 * state the threads share, each thread's own, and its entry point.
 */
#ifndef PERFBP_WORKER_H
#define PERFBP_WORKER_H

#include "runner.h"

#include "address_pool.h"
#include "phase_clock.h"
#include "strategy.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct group_shared {
	pthread_barrier_t barrier;
	atomic_bool stop;
	const struct scenario *scenarios;
	const struct group *group;
	const struct run_settings *rs;
	const struct env *env;
	/* Each member's ops per round, per thread: --iterations, or with time-sized rounds the floor
	 * until thread 0 calibrates it in the first warm-up round (read by all after a barrier). */
	long ops[NR_STRATEGIES];
};

struct member_tally {
	uint64_t ops;
	uint64_t traps_expected;
	uint64_t traps_observed;
	uint64_t signals;
	uint64_t tag_mismatches;
	uint64_t counter_ops; /* ops whose traps every counter read covered */
	uint64_t counter_expected;
	uint64_t counter_observed;
	uint64_t liveness_checks;
	uint64_t phase_ops;
	struct phase_clock phases;
};

struct worker {
	pthread_t thread;
	int index;
	pid_t tid;
	struct group_shared *shared;
	struct address_pool pool;
	struct watchpoint wps[MAX_SLOTS];
	uint64_t *start_ns; /* [member][warmup + rounds] */
	uint64_t *end_ns;
	struct member_tally tally[NR_STRATEGIES];
	bool failed;
	struct run_error error;
};

/* Runs every batch of the group on this thread (the calling one when threads=1). */
void *worker_main(void *arg);

#endif
