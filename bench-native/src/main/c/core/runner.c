/*
 * Runs one group (scenarios that differ only in strategy) on N threads.
 *
 * Each thread owns its address pool and its slots' watchpoints (signals go to it alone);
 * threads=1 runs on the calling thread.
 * A batch is: arm (untimed) | barrier | the timed loop | barrier | count, disarm, check.
 * Rounds interleave the strategies (round r of A, round r of B, round r+1 of A ...), so
 * drift in the machine hits both alike; the first --warmup rounds are dropped. Then each
 * strategy that has phases runs one more batch, timed phase by phase.
 *
 * The premise is checked after every batch: every count the kernel gave (samples in the
 * rings, the counters where every fd was read, and with notify=signal or sigtrap the thread's
 * signals) must equal the ops that trapped, and with sigtrap every SIGTRAP must carry the tag
 * of the address armed at its op. Any difference stops every thread at the next barrier and
 * fails the run.
 */
#include "runner.h"

#include "batch.h"
#include "round_ops.h"

#include "address_pool.h"
#include "advice.h"
#include "clock.h"
#include "exit_status.h"
#include "strategy.h"
#include "sigtrap.h"

#include "../libperfbp/trap_signal.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* A signal is sent by irq_work right after the trap returns; this only bounds a lost one. */
#define SIGNAL_WAIT_NS 200000000ull

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

static void barrier_wait(struct group_shared *shared)
{
	int rc = pthread_barrier_wait(&shared->barrier);

	if (rc != 0 && rc != PTHREAD_BARRIER_SERIAL_THREAD) {
		fprintf(stderr, "perfbp-bench: pthread_barrier_wait: %s\n", strerror(rc));
		abort();
	}
}

static void wait_for_signals(uint64_t before, uint64_t expected)
{
	uint64_t deadline = monotonic_ns() + SIGNAL_WAIT_NS;
	struct timespec pause = { 0, 50000 };

	while ((uint64_t)perfbp_signal_thread_count() - before < expected && monotonic_ns() < deadline)
		(void)nanosleep(&pause, NULL); /* EINTR is what we wait for */
}

/* How many signals of its notification the calling thread has taken so far. */
struct signal_mark {
	uint64_t signals;    /* SIGRTMIN+3s (signal) or perf SIGTRAPs (sigtrap); 0 for none */
	uint64_t mismatches; /* sigtrap: those whose tag was not the one expected */
};

static struct signal_mark signals_now(enum notify_mode notify)
{
	struct signal_mark mark = { 0 };
	struct sigtrap_tally tally;

	if (notify == NOTIFY_SIGNAL) {
		mark.signals = (uint64_t)perfbp_signal_thread_count();
	} else if (notify == NOTIFY_SIGTRAP) {
		sigtrap_thread_tally(&tally);
		mark.signals = tally.traps;
		mark.mismatches = tally.mismatches;
	}
	return mark;
}

/*
 * The signals since before, once every one expected has arrived. O_ASYNC's signal comes from
 * irq_work after the trap returns: wait for it (bounded). A sigtrap SIGTRAP is synchronous,
 * delivered before the trapping access's next instruction: all are in, no wait.
 */
static struct signal_mark signals_since(enum notify_mode notify, struct signal_mark before, uint64_t expected)
{
	struct signal_mark now;

	if (notify == NOTIFY_SIGNAL)
		wait_for_signals(before.signals, expected);
	now = signals_now(notify);
	now.signals -= before.signals;
	now.mismatches -= before.mismatches;
	return now;
}

static void signal_text(enum notify_mode notify, const char *lead, struct signal_mark got, char *buf, size_t size)
{
	if (notify == NOTIFY_SIGNAL)
		snprintf(buf, size, "%ssignals %llu;", lead, (unsigned long long)got.signals);
	else if (notify == NOTIFY_SIGTRAP)
		snprintf(buf, size, "%sSIGTRAPs %llu, %llu of them with another address's tag;", lead,
			 (unsigned long long)got.signals, (unsigned long long)got.mismatches);
	else
		buf[0] = '\0';
}

static void round_label(const struct run_settings *rs, long round, char *buf, size_t size)
{
	if (round < 0)
		snprintf(buf, size, "phase pass");
	else if (round < rs->warmup)
		snprintf(buf, size, "warm-up round %ld", round + 1);
	else
		snprintf(buf, size, "round %ld", round - rs->warmup + 1);
}

/* Marks the worker failed at this scenario and round, naming them in error.where (the last line of stderr). */
static void failed_at(struct worker *w, const struct scenario *s, long round, bool kernel)
{
	char what[160], when[48];

	scenario_describe(s, what, sizeof(what));
	round_label(w->shared->rs, round, when, sizeof(when));
	w->failed = true;
	w->error.kernel = kernel;
	snprintf(w->error.where, sizeof(w->error.where), "%s %s, thread %d, %s", strategy_name(s->strategy), what,
		 w->index, when);
}

static void premise_failed(struct worker *w, const struct scenario *s, long round, uint64_t ops, uint64_t expected,
			   const struct trap_counts *counts, struct signal_mark signals)
{
	char ring_text[64] = "", counter_text[64] = "", signals_text[96];

	if (s->pages > 0)
		snprintf(ring_text, sizeof(ring_text), " ring samples %llu (other records %llu);",
			 (unsigned long long)counts->samples, (unsigned long long)counts->other_records);
	if (counts->counter_complete)
		snprintf(counter_text, sizeof(counter_text), " counter %llu;", (unsigned long long)counts->counter);
	signal_text(s->notify, " ", signals, signals_text, sizeof(signals_text));
	failed_at(w, s, round, false);
	snprintf(w->error.message, sizeof(w->error.message),
		 "premise failed: %s: %llu ops should have trapped %llu times, but the kernel "
		 "reported%s%s%s no result is reported for a run that cannot prove its traps",
		 w->error.where, (unsigned long long)ops, (unsigned long long)expected, ring_text, counter_text,
		 signals_text);
}

static void liveness_failed(struct worker *w, const struct scenario *s, long round, int slots,
			    const struct liveness *live, struct signal_mark signals)
{
	char signals_text[96];

	signal_text(s->notify, " their ", signals, signals_text, sizeof(signals_text));
	failed_at(w, s, round, false);
	snprintf(w->error.message, sizeof(w->error.message),
		 "premise failed: %s: after the batch, one store at each of the %d slots' current "
		 "addresses trapped %llu times (%d expected) and one at each address a slot had left trapped %llu times "
		 "(0 expected);%s a move that left its watchpoint disarmed or behind cannot be measured",
		 w->error.where, slots, (unsigned long long)live->at_current, slots,
		 (unsigned long long)live->at_previous, signals_text);
}

static void kernel_failed(struct worker *w, const struct scenario *s, long round)
{
	failed_at(w, s, round, true);
}

/* One batch of one member; returns false when the group must stop (this or another thread failed). */
static bool worker_batch(struct worker *w, int member, long round, bool phased)
{
	struct group_shared *shared = w->shared;
	const struct scenario *s = &shared->scenarios[shared->group->members[member]];
	const struct run_settings *rs = shared->rs;
	const long ops = shared->ops[member];
	struct arm_context ctx = {
		.tid = w->tid,
		.signo = s->notify == NOTIFY_SIGNAL ? shared->env->signo : 0,
		.pages = s->pages,
		.page_size = (size_t)shared->env->page_size,
		/* Rounds count reopen's traps by its rings or its SIGTRAPs (read() would add a syscall
		 * to every op); the phase pass, and a ring-less reopen without sigtrap, read every fd's counter. */
		.read_per_fd = phased || (s->pages == 0 && s->notify != NOTIFY_SIGTRAP),
	};
	struct batch_plan plan = {
		.strategy = strategy_desc(s->strategy),
		.ctx = &ctx,
		.pool = &w->pool,
		.wps = w->wps,
		.slots = s->slots,
		.iterations = ops,
		.trap_every = s->trap_every,
		.tags_traps = s->notify == NOTIFY_SIGTRAP,
	};
	struct member_tally *tally = &w->tally[member];
	struct batch_timing timing = { 0 };
	struct phase_clock clock;
	struct trap_counts counts = { .counter_complete = true };
	struct signal_mark signals_before = { 0 }, signals = { 0 };
	uint64_t expected;
	bool ok = !w->failed;
	int slot;

	memset(&clock, 0, sizeof(clock));
	if (ok && batch_arm(&plan, &w->error.failure) != 0) {
		kernel_failed(w, s, round);
		ok = false;
	}
	barrier_wait(shared); /* everyone armed: the timed loops start together */
	if (ok) {
		signals_before = signals_now(s->notify);
		if (batch_run(&plan, phased ? &clock : NULL, &timing, &w->error.failure) != 0) {
			kernel_failed(w, s, round);
			ok = false;
		}
	}
	barrier_wait(shared); /* everyone done before anyone counts, disarms or starts the next batch */
	if (ok)
		signals = signals_since(s->notify, signals_before, timing.traps_expected);
	for (slot = 0; ok && slot < s->slots; slot++)
		if (watchpoint_traps(&w->wps[slot], &counts, &w->error.failure) != 0) {
			kernel_failed(w, s, round);
			ok = false;
		}
	/* Liveness: a count of zero proves nothing about a watchpoint a move disarmed or left behind. */
	if (ok) {
		struct liveness live;
		struct signal_mark live_signals = signals_now(s->notify);
		uint64_t expected_signals;

		if (batch_check_liveness(&plan, &live, &w->error.failure) != 0) {
			kernel_failed(w, s, round);
			ok = false;
		} else {
			/* Every store the counters saw must have signalled, each SIGTRAP with the current address's tag. */
			expected_signals = s->notify != NOTIFY_NONE ? live.at_current + live.at_previous : 0;
			live_signals = signals_since(s->notify, live_signals, expected_signals);
			if (live.at_current != (uint64_t)s->slots || live.at_previous != 0 ||
			    live_signals.signals != expected_signals || live_signals.mismatches != 0) {
				liveness_failed(w, s, round, s->slots, &live, live_signals);
				ok = false;
			} else {
				tally->liveness_checks += (uint64_t)s->slots;
			}
		}
	}
	for (slot = 0; slot < s->slots; slot++) {
		struct perf_failure ignored;

		if (watchpoint_disarm(&w->wps[slot], ok ? &w->error.failure : &ignored) != 0 && ok) {
			kernel_failed(w, s, round);
			ok = false;
		}
	}
	/* Every count the kernel gave must match: the ring's, the counter's where every fd was
	 * read, and the signals, each SIGTRAP with its op's tag. A ring-less strategy reads its
	 * counters unless its SIGTRAPs count its traps. */
	expected = timing.traps_expected;
	if (ok && ((s->pages > 0 && (counts.samples != expected || counts.other_records != 0)) ||
		   (counts.counter_complete && counts.counter != expected) ||
		   (s->notify != NOTIFY_NONE && signals.signals != expected) || signals.mismatches != 0)) {
		premise_failed(w, s, round, (uint64_t)ops, expected, &counts, signals);
		ok = false;
	}
	if (ok) {
		tally->ops += (uint64_t)ops;
		tally->traps_expected += expected;
		tally->traps_observed += s->pages > 0		     ? counts.samples
					 : s->notify == NOTIFY_SIGTRAP ? signals.signals
								       : counts.counter;
		tally->signals += signals.signals;
		tally->tag_mismatches += signals.mismatches;
		if (counts.counter_complete) {
			tally->counter_ops += (uint64_t)ops;
			tally->counter_expected += expected;
			tally->counter_observed += counts.counter;
		}
		if (phased) {
			int p;

			tally->phase_ops += (uint64_t)ops;
			for (p = 0; p < NR_PHASES; p++) {
				tally->phases.ns[p] += clock.ns[p];
				tally->phases.ran[p] |= clock.ran[p];
			}
		} else {
			long total = rs->warmup + rs->rounds;

			w->start_ns[member * total + round] = timing.start_ns;
			w->end_ns[member * total + round] = timing.end_ns;
		}
		/* Time-sized rounds: thread 0's first warm-up batch sizes every later batch of this member,
		 * the same for all threads (they read it after the barrier below). */
		if (rs->sizing == ROUNDS_BY_TIME && round == 0 && rs->warmup > 0 && w->index == 0)
			shared->ops[member] = round_ops_for_time(rs->round_ms, rs->min_ops,
								 (double)(timing.end_ns - timing.start_ns) / (double)ops,
								 s->slots, s->trap_every);
	} else {
		atomic_store(&shared->stop, true);
	}
	barrier_wait(shared); /* a failure anywhere is visible everywhere past this point */
	return !atomic_load(&shared->stop);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	const struct group *group = w->shared->group;
	const struct run_settings *rs = w->shared->rs;
	long round;
	int m;

	w->tid = (pid_t)syscall(SYS_gettid);
	for (round = 0; round < rs->warmup + rs->rounds; round++)
		for (m = 0; m < group->count; m++)
			if (!worker_batch(w, m, round, false))
				return NULL;
	for (m = 0; m < group->count && !rs->no_phase_pass; m++)
		if (strategy_desc(w->shared->scenarios[group->members[m]].strategy)->phases != 0 &&
		    !worker_batch(w, m, -1, true))
			return NULL;
	return NULL;
}

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
