/*
 * One thread of a group: each owns its address pool and its slots' watchpoints (signals go to
 * it alone). A batch is: arm (untimed) | barrier | the timed loop | barrier | count, check
 * liveness, disarm, check the premise | barrier. The premise is checked after every batch:
 * every count the kernel gave (samples in the rings, the counters where every fd was read, and
 * with notify=signal or sigtrap the thread's signals) must equal the ops that trapped, and with
 * sigtrap every SIGTRAP must carry the tag of the address armed at its op. Any difference stops
 * every thread at the next barrier and fails the run.
 */
#include "worker.h"

#include "batch.h"
#include "clock.h"
#include "round_ops.h"
#include "sigtrap.h"

#include "../libperfbp/trap_signal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* A signal is sent by irq_work right after the trap returns; this only bounds a lost one. */
#define SIGNAL_WAIT_NS 200000000ull

/* How many signals of its notification the calling thread has taken so far. */
struct signal_mark {
	uint64_t signals;    /* SIGRTMIN+3s (signal) or perf SIGTRAPs (sigtrap); 0 for none */
	uint64_t mismatches; /* sigtrap: those whose tag was not the one expected */
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

/* The arm context and batch plan of one member's batch on this thread. */
static void plan_batch(struct worker *w, int member, bool phased, struct arm_context *ctx,
		       struct batch_plan *plan)
{
	const struct group_shared *shared = w->shared;
	const struct scenario *s = &shared->scenarios[shared->group->members[member]];

	*ctx = (struct arm_context){
		.tid = w->tid,
		.signo = s->notify == NOTIFY_SIGNAL ? shared->env->signo : 0,
		.pages = s->pages,
		.page_size = (size_t)shared->env->page_size,
		/* Rounds count reopen's traps by its rings or its SIGTRAPs (read() would add a syscall
		 * to every op); the phase pass, and a ring-less reopen without sigtrap, read every fd's counter. */
		.read_per_fd = phased || (s->pages == 0 && s->notify != NOTIFY_SIGTRAP),
	};
	*plan = (struct batch_plan){
		.strategy = strategy_desc(s->strategy),
		.ctx = ctx,
		.pool = &w->pool,
		.wps = w->wps,
		.slots = s->slots,
		.iterations = shared->ops[member],
		.trap_every = s->trap_every,
		.tags_traps = s->notify == NOTIFY_SIGTRAP,
	};
}

/* Liveness: a count of zero proves nothing about a watchpoint a move disarmed or left behind. */
static bool check_liveness(struct worker *w, const struct scenario *s, long round, const struct batch_plan *plan,
			   struct member_tally *tally)
{
	struct liveness live;
	struct signal_mark live_signals = signals_now(s->notify);
	uint64_t expected_signals;

	if (batch_check_liveness(plan, &live, &w->error.failure) != 0) {
		kernel_failed(w, s, round);
		return false;
	}
	/* Every store the counters saw must have signalled, each SIGTRAP with the current address's tag. */
	expected_signals = s->notify != NOTIFY_NONE ? live.at_current + live.at_previous : 0;
	live_signals = signals_since(s->notify, live_signals, expected_signals);
	if (live.at_current != (uint64_t)s->slots || live.at_previous != 0 || live_signals.signals != expected_signals ||
	    live_signals.mismatches != 0) {
		liveness_failed(w, s, round, s->slots, &live, live_signals);
		return false;
	}
	tally->liveness_checks += (uint64_t)s->slots;
	return true;
}

/* Closes every slot; a failure to close is the batch's first failure only if it had none. */
static bool disarm_slots(struct worker *w, const struct scenario *s, long round, bool ok)
{
	int slot;

	for (slot = 0; slot < s->slots; slot++) {
		struct perf_failure ignored;

		if (watchpoint_disarm(&w->wps[slot], ok ? &w->error.failure : &ignored) != 0 && ok) {
			kernel_failed(w, s, round);
			ok = false;
		}
	}
	return ok;
}

/*
 * Every count the kernel gave must match: the ring's, the counter's where every fd was read,
 * and the signals, each SIGTRAP with its op's tag. A ring-less strategy reads its counters
 * unless its SIGTRAPs count its traps.
 */
static bool premise_holds(const struct scenario *s, uint64_t expected, const struct trap_counts *counts,
			  struct signal_mark signals)
{
	return !((s->pages > 0 && (counts->samples != expected || counts->other_records != 0)) ||
		 (counts->counter_complete && counts->counter != expected) ||
		 (s->notify != NOTIFY_NONE && signals.signals != expected) || signals.mismatches != 0);
}

/* A batch of ops ops (its size when it started: thread 0 may be resizing the next one) that
 * passed: its counts, its times (or the phase pass's laps), and with time-sized rounds, from
 * thread 0's first warm-up batch, every later batch's size. */
static void record_batch(struct worker *w, int member, long round, long ops, const struct phase_clock *clock,
			 const struct batch_timing *timing, const struct trap_counts *counts, struct signal_mark signals)
{
	struct group_shared *shared = w->shared;
	const struct scenario *s = &shared->scenarios[shared->group->members[member]];
	const struct run_settings *rs = shared->rs;
	struct member_tally *tally = &w->tally[member];
	uint64_t expected = timing->traps_expected;

	tally->ops += (uint64_t)ops;
	tally->traps_expected += expected;
	tally->traps_observed += s->pages > 0 ? counts->samples
				 : s->notify == NOTIFY_SIGTRAP ? signals.signals
							       : counts->counter;
	tally->signals += signals.signals;
	tally->tag_mismatches += signals.mismatches;
	if (counts->counter_complete) {
		tally->counter_ops += (uint64_t)ops;
		tally->counter_expected += expected;
		tally->counter_observed += counts->counter;
	}
	if (clock != NULL) {
		int p;

		tally->phase_ops += (uint64_t)ops;
		for (p = 0; p < NR_PHASES; p++) {
			tally->phases.ns[p] += clock->ns[p];
			tally->phases.ran[p] |= clock->ran[p];
		}
	} else {
		long total = rs->warmup + rs->rounds;

		w->start_ns[member * total + round] = timing->start_ns;
		w->end_ns[member * total + round] = timing->end_ns;
	}
	/* The same size for all threads: they read it after the barrier that ends this batch. */
	if (rs->sizing == ROUNDS_BY_TIME && round == 0 && rs->warmup > 0 && w->index == 0)
		shared->ops[member] = round_ops_for_time(rs->round_ms, rs->min_ops,
							 (double)(timing->end_ns - timing->start_ns) / (double)ops, s->slots,
							 s->trap_every);
}

/* One batch of one member; returns false when the group must stop (this or another thread failed). */
static bool worker_batch(struct worker *w, int member, long round, bool phased)
{
	struct group_shared *shared = w->shared;
	const struct scenario *s = &shared->scenarios[shared->group->members[member]];
	const long ops = shared->ops[member];
	struct arm_context ctx;
	struct batch_plan plan;
	struct batch_timing timing = { 0 };
	struct phase_clock clock;
	struct trap_counts counts = { .counter_complete = true };
	struct signal_mark signals_before = { 0 }, signals = { 0 };
	bool ok = !w->failed;
	int slot;

	plan_batch(w, member, phased, &ctx, &plan);
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
	ok = ok && check_liveness(w, s, round, &plan, &w->tally[member]);
	ok = disarm_slots(w, s, round, ok);
	if (ok && !premise_holds(s, timing.traps_expected, &counts, signals)) {
		premise_failed(w, s, round, (uint64_t)ops, timing.traps_expected, &counts, signals);
		ok = false;
	}
	if (ok)
		record_batch(w, member, round, ops, phased ? &clock : NULL, &timing, &counts, signals);
	else
		atomic_store(&shared->stop, true);
	barrier_wait(shared); /* a failure anywhere is visible everywhere past this point */
	return !atomic_load(&shared->stop);
}

void *worker_main(void *arg)
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
