/*
 * Runs one group (scenarios that differ only in strategy) on N threads.
 *
 * Each thread (worker.c) owns its address pool and its slots' watchpoints; threads=1 runs on
 * the calling thread. Rounds interleave the strategies (round r of A, round r of B, round r+1
 * of A ...), so drift in the machine hits both alike; the first --warmup rounds are dropped. Then each
 * strategy that has phases runs one more batch, timed phase by phase.
 */
#include "runner.h"

#include "worker.h"

#include "exit_status.h"
#include "round_ops.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int scenario_result_alloc(struct scenario_result *r, const struct scenario *s, const struct run_settings *rs)
{
	memset(r, 0, sizeof(*r));
	r->ns_per_op = calloc((size_t)rs->rounds, sizeof(double));
	r->aggregate_ns_per_op = calloc((size_t)rs->rounds, sizeof(double));
	r->thread_ns_per_op = calloc((size_t)rs->rounds * (size_t)s->threads, sizeof(double));
	if (r->ns_per_op == NULL || r->aggregate_ns_per_op == NULL || r->thread_ns_per_op == NULL) {
		scenario_result_free(r);
		return -1;
	}
	return 0;
}

void scenario_result_free(struct scenario_result *r)
{
	free(r->ns_per_op);
	free(r->aggregate_ns_per_op);
	free(r->thread_ns_per_op);
	r->ns_per_op = r->aggregate_ns_per_op = r->thread_ns_per_op = NULL;
}

static void collect(const struct worker *workers, int nthreads, int member, const struct run_settings *rs,
		    long ops, struct scenario_result *r)
{
	long total = rs->warmup + rs->rounds;
	double iterations = (double)ops;
	long round;
	int t, p;

	for (round = 0; round < rs->rounds; round++) {
		long at = member * total + rs->warmup + round;
		uint64_t first = UINT64_MAX, last = 0;
		double sum = 0;

		for (t = 0; t < nthreads; t++) {
			double ns = (double)(workers[t].end_ns[at] - workers[t].start_ns[at]) / iterations;

			r->thread_ns_per_op[t * rs->rounds + round] = ns;
			sum += ns;
			if (workers[t].start_ns[at] < first)
				first = workers[t].start_ns[at];
			if (workers[t].end_ns[at] > last)
				last = workers[t].end_ns[at];
		}
		r->ns_per_op[round] = sum / nthreads;
		r->aggregate_ns_per_op[round] = (double)(last - first) / (iterations * nthreads);
	}
	for (t = 0; t < nthreads; t++) {
		const struct member_tally *tally = &workers[t].tally[member];

		r->ops += tally->ops;
		r->traps_expected += tally->traps_expected;
		r->traps_observed += tally->traps_observed;
		r->signals += tally->signals;
		r->tag_mismatches += tally->tag_mismatches;
		r->counter_ops += tally->counter_ops;
		r->counter_expected += tally->counter_expected;
		r->counter_observed += tally->counter_observed;
		r->liveness_checks += tally->liveness_checks;
		r->phase_ops += tally->phase_ops;
		for (p = 0; p < NR_PHASES; p++) {
			r->phase_ns[p] += (double)tally->phases.ns[p];
			r->phase_ran[p] |= tally->phases.ran[p];
		}
	}
	r->ops_per_round = ops;
	r->has_phases = r->phase_ops > 0;
	for (p = 0; p < NR_PHASES && r->has_phases; p++) {
		r->phase_ns[p] /= (double)r->phase_ops;
		/* Each move phase's lap ends with one clock read (env.clockReadNs), which the move
		 * itself does not pay: take it out, so the phases add up to the op the rounds time.
		 * The trap phase runs on trapping ops only and keeps its read (said in settings). */
		if (p != PHASE_TRAP && r->phase_ran[p]) {
			r->phase_ns[p] -= workers[0].shared->env->clock_read_ns;
			if (r->phase_ns[p] < 0)
				r->phase_ns[p] = 0;
		}
	}
}

int run_error_report(const struct run_error *error, const char *at)
{
	if (error->kernel) {
		advice_print(stderr, &error->failure);
		fprintf(stderr, "perfbp-bench: stopped at %s: %s failed with %s (%s); nothing written\n", at,
			error->failure.call, errno_name(error->failure.err), error->where);
		return EXIT_KERNEL;
	}
	if (error->where[0] != '\0') {
		fprintf(stderr, "perfbp-bench: %s\n", error->message);
		fprintf(stderr, "perfbp-bench: stopped at %s: premise failed (%s; above); nothing written\n", at,
			error->where);
	} else {
		fprintf(stderr, "perfbp-bench: stopped at %s: %s; nothing written\n", at, error->message);
	}
	return EXIT_FAILED;
}

static void system_error(struct run_error *error, const char *what, int err)
{
	error->kernel = false;
	snprintf(error->message, sizeof(error->message), "%s: %s", what, strerror(err));
}

int run_group(const struct scenario *scenarios, const struct group *group, const struct run_settings *rs,
	      const struct env *env, struct scenario_result *results, struct run_error *error)
{
	const struct scenario *first = &scenarios[group->members[0]];
	int nthreads = first->threads;
	long total = rs->warmup + rs->rounds;
	struct group_shared shared = {
		.scenarios = scenarios, .group = group, .rs = rs, .env = env,
	};
	struct worker *workers = calloc((size_t)nthreads, sizeof(*workers));
	int started = 0, rc = -1, t, m, err;

	atomic_init(&shared.stop, false);
	for (m = 0; m < group->count; m++) {
		const struct scenario *s = &scenarios[group->members[m]];

		shared.ops[m] = rs->sizing == ROUNDS_FIXED ? rs->iterations
							   : round_ops_fit(rs->min_ops, s->slots, s->trap_every);
	}
	if (workers == NULL) {
		system_error(error, "allocating threads", ENOMEM);
		return -1;
	}
	err = pthread_barrier_init(&shared.barrier, NULL, (unsigned)nthreads);
	if (err != 0) {
		system_error(error, "pthread_barrier_init", err);
		free(workers);
		return -1;
	}
	for (t = 0; t < nthreads; t++) {
		struct worker *w = &workers[t];

		w->index = t;
		w->shared = &shared;
		w->start_ns = calloc((size_t)group->count * (size_t)total, sizeof(uint64_t));
		w->end_ns = calloc((size_t)group->count * (size_t)total, sizeof(uint64_t));
		if (w->start_ns == NULL || w->end_ns == NULL) {
			system_error(error, "allocating round times", ENOMEM);
			goto out;
		}
		if (pool_create(&w->pool, first->bp_type, first->bp_len, (size_t)env->page_size) != 0) {
			system_error(error, "building the address pool", errno);
			goto out;
		}
	}
	/*
	 * One thread runs on the calling thread, so the process stays single-threaded like the
	 * original tests: a second thread, even an idle one, made every modify measurably slower
	 * on the VM this was built on (an independent C loop showed it).
	 */
	if (nthreads == 1)
		worker_main(&workers[0]);
	for (t = 0; t < nthreads && nthreads > 1; t++) {
		err = pthread_create(&workers[t].thread, NULL, worker_main, &workers[t]);
		if (err != 0) {
			/* The started threads wait at a barrier sized for all: nothing can release them. */
			fprintf(stderr, "perfbp-bench: pthread_create: %s\n", strerror(err));
			exit(EXIT_FAILED);
		}
		started++;
	}
	for (t = 0; t < started; t++) {
		err = pthread_join(workers[t].thread, NULL);
		if (err != 0) {
			system_error(error, "pthread_join", err);
			goto out;
		}
	}
	for (t = 0; t < nthreads; t++)
		if (workers[t].failed) {
			*error = workers[t].error;
			goto out;
		}
	for (m = 0; m < group->count; m++)
		collect(workers, nthreads, m, rs, shared.ops[m], &results[group->members[m]]);
	rc = 0;
out:
	for (t = 0; t < nthreads; t++) {
		pool_destroy(&workers[t].pool);
		free(workers[t].start_ns);
		free(workers[t].end_ns);
	}
	err = pthread_barrier_destroy(&shared.barrier);
	if (err != 0 && rc == 0) {
		system_error(error, "pthread_barrier_destroy", err);
		rc = -1;
	}
	free(workers);
	return rc;
}
