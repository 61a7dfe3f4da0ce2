/*
 * The moves' part of native.json: how they measured (the settings block) and one entry per
 * scenario in results, in the shape docs/design.md gives (keys may be added, never renamed).
 */
#include "output.h"

#include "../core/document.h"
#include "../core/scenario_keys.h"

#include "../core/address_pool.h"
#include "../core/stats.h"
#include "../core/strategy.h"


static void write_settings(struct json *j, const char *matrix, const struct run_settings *settings)
{
	json_open(j, "settings", '{');
	json_str(j, "matrix", matrix);
	json_str(j, "roundSizing", settings->sizing == ROUNDS_BY_TIME ? "time" : "fixed");
	if (settings->sizing == ROUNDS_BY_TIME) {
		json_int(j, "roundMs", settings->round_ms);
		json_int(j, "minOps", settings->min_ops);
	} else {
		json_int(j, "iterations", settings->iterations);
	}
	json_int(j, "rounds", settings->rounds);
	json_int(j, "warmup", settings->warmup);
	json_int(j, "addresses", POOL_ADDRESSES);
	json_int(j, "addressStride", POOL_STRIDE);
	if (settings->sizing == ROUNDS_BY_TIME)
		json_str(j, "timer", "one clock_gettime(CLOCK_MONOTONIC) pair per thread around each round's batch of "
				     "opsPerRound ops; nsPerOp[r] = mean over threads of batch time / opsPerRound. Rounds "
				     "are sized by time: each strategy's first warm-up round runs minOps ops (rounded up as "
				     "below), and thread 0's time per op there sets opsPerRound = max(minOps, "
				     "ceil(roundMs / that time)), rounded up to a multiple of lcm(slots, trapEvery) and "
				     "to at least 10 trapping ops, for every later round of every thread");
	else
		json_str(j, "timer", "one clock_gettime(CLOCK_MONOTONIC) pair per thread around each round's batch of "
				     "iterations ops; nsPerOp[r] = mean over threads of batch time / iterations");
	json_str(j, "threadsOne", "threads=1 runs on the main thread of a single-threaded process, like the original "
				  "tests; with threads=N the N workers are pthreads and the main thread waits");
	json_str(j, "ringDrain", "data_tail = data_head after every trapping op, in every strategy with a ring");
	json_str(j, "trapCount", "after every batch, every count the kernel gave must equal the ops that trapped: "
				 "samples read from the rings (observedBy ring), the fds' counters by read() where "
				 "every fd was read (modify; ring-less reopen; reopen in the phase pass, before each "
				 "close; see traps.counter), the SIGRTMIN+3 handler's count when notify=signal, and "
				 "when notify=sigtrap the SIGTRAP handler's count (observedBy sigtrap; no ring), every "
				 "SIGTRAP carrying the tag (sig_data = the address) of the address its op armed "
				 "(traps.tagMismatches). "
				 "Reopen's rounds do not read() each fd: that would add a syscall to every op. After every batch, "
				 "each slot is touched once where it was (no trap) and once where it is (one trap): see liveness");
	json_str(j, "leakCheck", "after every group, /proc/self holds no perf fd and no perf mapping");
	json_str(j, "phasePass", "one extra batch of the scenario's opsPerRound ops per strategy with phases, "
				 "timed phase by phase "
				 "(mean ns per op); not part of nsPerOp; one clockReadNs (each lap's closing clock read) is "
				 "subtracted from every move phase, not from the trap; "
				 "phasesNs holds the move's own phases (their sum is the op at trapEvery=0); "
				 "phasePassExtrasNs.counterRead is the pass's read() of each fd's counter before close "
				 "(not done in reopen's rounds), phasePassExtrasNs.trap the trapping access and ring "
				 "drain (and signal) per op");
	json_close(j, '}');
}


static int write_result(struct json *j, const struct scenario *s, const struct scenario_result *r,
			const struct run_settings *rs)
{
	const struct strategy_desc *desc = strategy_desc(s->strategy);
	struct summary summary;
	int t, p;

	if (r->not_run[0] == '\0' && summarize(r->ns_per_op, (int)rs->rounds, &summary) != 0)
		return -1;
	json_open(j, NULL, '{');
	scenario_write_keys(j, s);
	if (r->not_run[0] != '\0') {
		/* No figures: the analysis lists it as not measured, with the reason. */
		json_str(j, "status", "not run");
		json_str(j, "reason", r->not_run);
		json_close(j, '}');
		return 0;
	}
	json_str(j, "status", "ok");
	json_int(j, "iterations", r->ops_per_round); /* the ops of each round, as before rounds were sized by time */
	json_int(j, "opsPerRound", r->ops_per_round);
	json_int(j, "rounds", rs->rounds);
	json_int(j, "warmup", rs->warmup);
	json_numbers(j, "nsPerOp", r->ns_per_op, rs->rounds);
	json_numbers(j, "aggregateNsPerOp", r->aggregate_ns_per_op, rs->rounds);
	json_open(j, "threadNsPerOp", '[');
	for (t = 0; t < s->threads; t++)
		json_numbers(j, NULL, r->thread_ns_per_op + (long)t * rs->rounds, rs->rounds);
	json_close(j, ']');
	summary_write(j, "summary", &summary);
	json_open(j, "liveness", '{');
	json_u64(j, "checks", r->liveness_checks);
	/* A run whose liveness stores trapped otherwise stopped: what passed is one trap per check, none left behind. */
	json_u64(j, "trapsAtCurrent", r->liveness_checks);
	json_u64(j, "trapsAtPrevious", 0);
	json_close(j, '}');
	json_open(j, "traps", '{');
	json_u64(j, "expected", r->traps_expected);
	json_u64(j, "observed", r->traps_observed);
	json_str(j, "observedBy", s->pages > 0 ? "ring" : s->notify == NOTIFY_SIGTRAP ? "sigtrap" : "counter");
	if (s->notify != NOTIFY_NONE)
		json_u64(j, "signals", r->signals);
	/* A run where a SIGTRAP carried another address's tag stopped: what is written passed with 0. */
	if (s->notify == NOTIFY_SIGTRAP)
		json_u64(j, "tagMismatches", r->tag_mismatches);
	json_u64(j, "ops", r->ops);
	json_open(j, "counter", '{');
	json_u64(j, "ops", r->counter_ops);
	json_u64(j, "expected", r->counter_expected);
	json_u64(j, "observed", r->counter_observed);
	json_close(j, '}');
	json_close(j, '}');
	if (r->has_phases) {
		/* phasesNs: only the move's own phases, so they add up to the op the rounds time. */
		json_open(j, "phasesNs", '{');
		for (p = 0; p < NR_PHASES; p++)
			if ((desc->phases & (1u << p)) && p != PHASE_READ && p != PHASE_TRAP)
				json_double(j, phase_name(p), r->phase_ran[p] ? r->phase_ns[p] : 0.0, 1);
		json_close(j, '}');
		json_open(j, "phasePassExtrasNs", '{');
		if (desc->phases & (1u << PHASE_READ))
			json_double(j, "counterRead", r->phase_ran[PHASE_READ] ? r->phase_ns[PHASE_READ] : 0.0, 1);
		json_double(j, "trap", r->phase_ran[PHASE_TRAP] ? r->phase_ns[PHASE_TRAP] : 0.0, 1);
		json_close(j, '}');
		json_u64(j, "phaseOps", r->phase_ops);
	}
	json_close(j, '}');
	return 0;
}

static int write_document(FILE *f, const void *arg)
{
	const struct moves_record *r = arg;
	struct json j = { .f = f };
	int i;

	fputc('{', f);
	j.depth = 1;
	if (document_write_header(&j, r->argc, r->argv, r->started_at, r->finished_at) != 0)
		return -1;
	write_settings(&j, r->plan->matrix_text, &r->plan->settings);
	document_write_env(&j, r->env);
	document_write_resources(&j, &r->resources);
	json_open(&j, "results", '[');
	for (i = 0; i < r->plan->count; i++)
		if (write_result(&j, &r->plan->scenarios[i], &r->plan->results[i], &r->plan->settings) != 0)
			return -1;
	json_close(&j, ']');
	fputs("\n}\n", f);
	return ferror(f) ? -1 : 0;
}

int moves_write(const struct moves_record *record)
{
	return document_build(write_document, record, record->out);
}
