/*
 * The profiler's rounds (perfbp-bench profiler).
 *
 * Per workload: calibrate the work once (the accesses that take --work ms without the tool),
 * then rounds of every member in turn, interleaved as the harness does (none, reopen@r1,
 * modify@r1, reopen@r2, ... then again), the first --warmup rounds dropped. Every member
 * runs the very same accesses; only the tool differs. After every tool round the counts
 * must balance (premise_check), or the run stops and writes nothing.
 *
 * After every round, of every run, the workload runs a short probe with no tool (1/PROBE_SHARE
 * of the round's accesses): its time after a tool round against its time after the no-tool
 * round is the cache and TLB state the tool left, measured in the same interleaving. Before the
 * workloads, the signal reference (signal_reference.c) times a signal's delivery to a handler.
 */
#include "runner.h"
#include "signal_reference.h"

#include "../core/advice.h"
#include "../core/resources.h"
#include "../core/stats.h"

#include <stdlib.h>
#include <string.h>

static void add_counts(struct tool_counts *sum, const struct tool_counts *c)
{
	const uint64_t *from = (const uint64_t *)c;
	uint64_t *to = (uint64_t *)sum;
	size_t i;

	/* Every member is a uint64_t count or total. */
	for (i = 0; i < sizeof(*c) / sizeof(uint64_t); i++)
		to[i] += from[i];
}

static uint64_t traps_total(const struct tool_counts *c)
{
	return c->traps_handled + c->traps_at_replace + c->traps_at_end;
}

/* Writes why the counts do not balance into why; false if they do. */
static bool premise_broken(const struct profiler_member *m, const struct tool_counts *c, int slots, char *why,
			   size_t size)
{
	uint64_t decided = c->skipped_no_address + c->skipped_duplicate + c->skipped_reservoir + c->skipped_failed +
			   c->sampler_only + c->armed_free + c->replaced;

	if (c->stray_signals != 0)
		return snprintf(why, size, "%llu tool signals arrived for no fd of the tool",
				(unsigned long long)c->stray_signals), true;
	if (m->strategy == TOOL_NONE) {
		if (c->samples || c->trap_signals || traps_total(c) || c->armed_free || c->replaced)
			return snprintf(why, size, "the no-tool run counted samples, arms or traps"), true;
		return false;
	}
	if (m->strategy == TOOL_SAMPLER && (c->sampler_only != c->samples || c->trap_signals || traps_total(c)))
		return snprintf(why, size, "the sampler-only run armed or trapped (%llu of %llu samples taken only)",
				(unsigned long long)c->sampler_only, (unsigned long long)c->samples), true;
	if (c->samples != decided)
		return snprintf(why, size, "%llu samples, but %llu were armed, replaced or skipped",
				(unsigned long long)c->samples, (unsigned long long)decided), true;
	/* A signal may stand for two samples the kernel raised before it could send the first one's
	 * signal (seen at 50000/s on a loaded VM, ~1 in 1000): the ring has them all. */
	if (c->sampler_records < c->samples || c->sampler_other != 0)
		return snprintf(why, size, "%llu sampler signals for %llu sampler records (%llu throttle/lost records)",
				(unsigned long long)c->samples, (unsigned long long)c->sampler_records,
				(unsigned long long)c->sampler_other), true;
	if (c->trap_signals != traps_total(c) || c->watch_other != 0)
		return snprintf(why, size, "%llu trap signals for %llu trap samples in the rings (%llu other records)",
				(unsigned long long)c->trap_signals, (unsigned long long)traps_total(c),
				(unsigned long long)c->watch_other), true;
	if (c->trap_signals != c->disarmed_on_trap + c->late_signals || c->late_signals != c->traps_at_replace +
	    c->traps_at_end + (c->traps_handled - c->disarmed_on_trap))
		return snprintf(why, size, "%llu trap signals: %llu disarmed a watchpoint, %llu came late, but %llu traps were "
				"found when evicting or at the end", (unsigned long long)c->trap_signals,
				(unsigned long long)c->disarmed_on_trap, (unsigned long long)c->late_signals,
				(unsigned long long)(c->traps_at_replace + c->traps_at_end)), true;
	if (c->armed_free != c->disarmed_on_trap + c->armed_at_end || c->armed_at_end > (uint64_t)slots)
		return snprintf(why, size, "%llu arms into free slots, but %llu trapped and %llu were left armed (of %d slots)",
				(unsigned long long)c->armed_free, (unsigned long long)c->disarmed_on_trap,
				(unsigned long long)c->armed_at_end, slots), true;
	if (c->disarmed_on_trap + c->evicted_trapped > c->armed_free + c->replaced)
		return snprintf(why, size, "more watchpoints trapped (%llu) than were armed (%llu)",
				(unsigned long long)(c->disarmed_on_trap + c->evicted_trapped),
				(unsigned long long)(c->armed_free + c->replaced)), true;
	if (c->value_changed + c->value_unchanged != c->disarmed_on_trap)
		return snprintf(why, size, "%llu traps disarmed but %llu classified", (unsigned long long)c->disarmed_on_trap,
				(unsigned long long)(c->value_changed + c->value_unchanged)), true;
	return false;
}

static int result_alloc(struct profiler_result *r, long rounds)
{
	r->ns_per_op = calloc((size_t)rounds, sizeof(double));
	r->wall_ns = calloc((size_t)rounds, sizeof(double));
	r->cpu_ns = calloc((size_t)rounds, sizeof(double));
	r->after_cpu_ns = calloc((size_t)rounds, sizeof(double));
	r->round_counts = calloc((size_t)rounds, sizeof(struct tool_counts));
	return r->ns_per_op && r->wall_ns && r->cpu_ns && r->after_cpu_ns && r->round_counts ? 0 : -1;
}

void profiler_results_free(struct profiler_results *r)
{
	int i;

	for (i = 0; r->results != NULL && i < r->count; i++) {
		free(r->results[i].ns_per_op);
		free(r->results[i].wall_ns);
		free(r->results[i].cpu_ns);
		free(r->results[i].after_cpu_ns);
		free(r->results[i].round_counts);
	}
	free(r->results);
	free(r->signal_ns);
	r->signal_ns = NULL;
	r->results = NULL;
	r->count = 0;
}

static void member_label(const struct profiler_member *m, char *buf, size_t size)
{
	if (m->strategy == TOOL_NONE)
		snprintf(buf, size, "none");
	else
		snprintf(buf, size, "%s@%d", tool_strategy_name(m->strategy), m->rate);
}

static void progress(const struct profiler_plan *plan, const struct profiler_result *results, int workload)
{
	struct summary none, s;
	int m;

	/* CPU time: on a shared machine the wall clock also counts other processes' turns. */
	if (summarize(results[0].cpu_ns, (int)plan->rounds, &none) != 0 || none.mean <= 0)
		return;
	fprintf(stderr, "perfbp-bench:   none %.1f ms CPU", none.median / 1e6);
	for (m = 1; m < plan->nmembers; m++) {
		const struct profiler_result *r = &results[m];
		char label[48];

		if (summarize(r->cpu_ns, (int)plan->rounds, &s) != 0)
			return;
		member_label(&r->member, label, sizeof(label));
		fprintf(stderr, "; %s %.2fx (%llu samples, %llu traps)", label, s.mean / none.mean,
			(unsigned long long)(r->totals.samples / (uint64_t)plan->rounds),
			(unsigned long long)(traps_total(&r->totals) / (uint64_t)plan->rounds));
	}
	fprintf(stderr, " [workload %s, CPU time, per round]\n", workload_name(plan->workloads[workload]));
}

/* The no-tool probe after a round: its CPU time, or -1 after printing why. */
static double probe_after(struct workload_state *w, uint64_t accesses, _Atomic uintptr_t *recent)
{
	struct tool_counts counts;
	struct tool_failure failure = { 0 };
	uint64_t wall = 0, cpu = 0;

	/* TOOL_NONE opens nothing, so the kernel cannot refuse it. */
	if (tool_round(TOOL_NONE, 0, 0, w, accesses, recent, 0, &wall, &cpu, &counts, &failure) != 0)
		return -1;
	return (double)cpu;
}

static int run_workload(const struct profiler_plan *plan, int wi, struct profiler_result *results, uint64_t seed,
			uint64_t *probe_accesses)
{
	static _Atomic uintptr_t recent; /* the workload's published address; read by the sampler handler */
	struct workload_state w;
	uint64_t accesses;
	long round, total = plan->warmup + plan->rounds;
	char after[64];
	int m, rc = -1;

	if (workload_create(&w, plan->workloads[wi]) != 0) {
		fprintf(stderr, "perfbp-bench: building the %s workload: out of memory\n",
			workload_name(plan->workloads[wi]));
		return -1;
	}
	accesses = workload_calibrate(&w, plan->work_ms, &recent);
	if (accesses == 0) {
		fprintf(stderr, "perfbp-bench: calibrating the %s workload: the clock did not move\n",
			workload_name(plan->workloads[wi]));
		goto out;
	}
	fprintf(stderr, "perfbp-bench: profiler workload %s: %llu accesses per round (~%ld ms without the tool), %d runs "
		"x %ld+%ld rounds\n", workload_name(plan->workloads[wi]), (unsigned long long)accesses, plan->work_ms,
		plan->nmembers, plan->warmup, plan->rounds);
	*probe_accesses = accesses / PROBE_SHARE > 0 ? accesses / PROBE_SHARE : 1;
	for (m = 0; m < plan->nmembers; m++) {
		results[m].workload = plan->workloads[wi];
		results[m].member = plan->members[m];
		results[m].accesses = accesses;
	}
	for (round = 0; round < total; round++)
		for (m = 0; m < plan->nmembers; m++) {
			struct profiler_result *r = &results[m];
			struct tool_counts counts;
			struct tool_failure failure = { 0 };
			uint64_t wall = 0, cpu = 0;
			double after;
			char why[256], label[48];

			if (tool_round(r->member.strategy, r->member.rate, plan->slots, &w, accesses, &recent,
				       seed + (uint64_t)round, &wall, &cpu, &counts, &failure) != 0) {
				struct perf_failure pf = { .call = failure.call, .err = failure.err };

				member_label(&r->member, label, sizeof(label));
				snprintf(pf.detail, sizeof(pf.detail), "the profiler's tool, %s, workload %s", label,
					 workload_name(plan->workloads[wi]));
				advice_print(stderr, &pf);
				rc = -2;
				goto out;
			}
			if (premise_broken(&r->member, &counts, plan->slots, why, sizeof(why))) {
				member_label(&r->member, label, sizeof(label));
				fprintf(stderr, "perfbp-bench: premise failed: profiler %s, workload %s, %s %ld: %s; no result is "
					"reported for a run whose counts do not balance\n", label,
					workload_name(plan->workloads[wi]), round < plan->warmup ? "warm-up round" : "round",
					round < plan->warmup ? round + 1 : round - plan->warmup + 1, why);
				goto out;
			}
			after = probe_after(&w, *probe_accesses, &recent);
			if (after < 0) {
				fprintf(stderr, "perfbp-bench: the profiler's no-tool probe failed\n");
				goto out;
			}
			if (round < plan->warmup) {
				add_counts(&r->warmup_totals, &counts);
				continue;
			}
			r->ns_per_op[round - plan->warmup] = (double)wall / (double)accesses;
			r->wall_ns[round - plan->warmup] = (double)wall;
			r->cpu_ns[round - plan->warmup] = (double)cpu;
			r->after_cpu_ns[round - plan->warmup] = after;
			r->round_counts[round - plan->warmup] = counts;
			add_counts(&r->totals, &counts);
		}
	snprintf(after, sizeof(after), "the profiler's %s workload", workload_name(plan->workloads[wi]));
	if (perf_resources_check_released(after, "the tool") != 0)
		goto out;
	progress(plan, results, wi);
	rc = 0;
out:
	workload_destroy(&w);
	return rc;
}

int profiler_run(const struct profiler_plan *plan, const struct env *env, struct profiler_results *out)
{
	int wi, i, rc = 0;

	(void)env;
	memset(out, 0, sizeof(*out));
	out->plan = plan;
	out->seed = 0x5eed0f00dull;
	out->count = plan->nworkloads * plan->nmembers;
	out->results = calloc((size_t)out->count, sizeof(*out->results));
	if (out->results == NULL) {
		fprintf(stderr, "perfbp-bench: out of memory for the profiler's results\n");
		return -1;
	}
	for (i = 0; i < out->count; i++)
		if (result_alloc(&out->results[i], plan->rounds) != 0) {
			fprintf(stderr, "perfbp-bench: out of memory for the profiler's results\n");
			return -1;
		}
	out->signal_ns = calloc((size_t)plan->rounds, sizeof(double));
	if (out->signal_ns == NULL) {
		fprintf(stderr, "perfbp-bench: out of memory for the profiler's results\n");
		return -1;
	}
	if (signal_reference_measure(plan->rounds, out->signal_ns) != 0)
		return -1;
	if (tool_signals_install() != 0) {
		perror("perfbp-bench: sigaction (the profiler's signals)");
		return -1;
	}
	for (wi = 0; wi < plan->nworkloads && rc == 0; wi++)
		rc = run_workload(plan, wi, &out->results[wi * plan->nmembers], out->seed, &out->probe_accesses[wi]);
	tool_signals_restore();
	return rc;
}
