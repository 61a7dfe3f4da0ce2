/*
 * perfbp-bench moves: plan the scenarios (matrices expanded on this machine, those whose
 * rings cannot fit the locked-memory limit last, grouped by all but strategy), then run the
 * groups with progress on stderr, checking after each that no perf fd or mapping is left.
 */
#include "move_plan.h"

#include "round_ops.h"

#include "advice.h"
#include "clock.h"
#include "memlock.h"
#include "resources.h"
#include "stats.h"
#include "strategy.h"
#include "sigtrap.h"

#include "../libperfbp/trap_signal.h"
#include "exit_status.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Why this kernel cannot run s's sigtrap (false: it can, or s does not use it). */
static bool sigtrap_refused(const struct env *env, const struct scenario *s, char *why, size_t size)
{
	if (s->notify != NOTIFY_SIGTRAP)
		return false;
	if (!env->sigtrap.supported) {
		snprintf(why, size, "notify=sigtrap: %s", env->sigtrap.reason);
		return true;
	}
	if (strategy_desc(s->strategy)->needs_modify && !env->sig_data_modify.supported) {
		snprintf(why, size, "notify=sigtrap with %s: %s", strategy_name(s->strategy), env->sig_data_modify.reason);
		return true;
	}
	return false;
}

/* Moves the first n scenarios this kernel's sigtrap cannot run behind the others; returns how many remain. */
static int sigtrap_partition(struct scenario *scenarios, int n, const struct env *env)
{
	char why[8];
	int runnable = 0, i;

	for (i = 0; i < n; i++)
		if (!sigtrap_refused(env, &scenarios[i], why, sizeof(why))) {
			struct scenario kept = scenarios[i];

			memmove(&scenarios[runnable + 1], &scenarios[runnable], (size_t)(i - runnable) * sizeof(*scenarios));
			scenarios[runnable++] = kept;
		}
	return runnable;
}

bool moves_not_runnable(const struct env *env, const struct scenario *s, char *why, size_t size)
{
	return sigtrap_refused(env, s, why, size) || !memlock_fits(env, s, why, size);
}

/* Every scenario's time-sized rounds can keep their rules under the largest round; -1 after one line. */
static int time_sized_rounds_fit(const struct scenario *scenarios, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (round_ops_check_fits(scenarios[i].slots, scenarios[i].trap_every,
					 "--iterations N for fixed rounds") != 0)
			return -1;
	return 0;
}

int moves_plan_make(unsigned matrices, const char *matrix_text, const struct value_list axis[NR_AXES],
		    const struct run_settings *settings, const struct env *env, struct moves_plan *plan)
{
	memset(plan, 0, sizeof(*plan));
	plan->matrix_text = matrix_text;
	plan->settings = *settings;
	plan->scenarios = calloc(MAX_SCENARIOS, sizeof(*plan->scenarios));
	plan->groups = calloc(MAX_SCENARIOS, sizeof(*plan->groups));
	if (plan->scenarios == NULL || plan->groups == NULL) {
		fprintf(stderr, "perfbp-bench: out of memory\n");
		return -3;
	}
	plan->count = matrix_expand(matrices, axis, env, plan->scenarios, MAX_SCENARIOS);
	if (plan->count < 0) {
		int refusal = plan->count;

		plan->count = 0;
		return refusal;
	}
	if (settings->sizing == ROUNDS_BY_TIME && time_sized_rounds_fit(plan->scenarios, plan->count) != 0)
		return -1;
	/* Scenarios whose rings cannot fit the locked-memory limit, or whose sigtrap this kernel
	 * refuses, go last, reported as not run. */
	plan->runnable = memlock_partition(plan->scenarios, plan->count, env);
	plan->runnable = sigtrap_partition(plan->scenarios, plan->runnable, env);
	plan->ngroups = group_scenarios(plan->scenarios, plan->runnable, plan->groups);
	return 0;
}

/*
 * Seconds the scenarios left should take. Once a group has run, the mean so far; before, a
 * time-sized plan knows its own (every batch ~--round-ms, plus the phase pass), a fixed one
 * does not. Time-sized rounds make every scenario cost about the same, so the mean holds.
 */
static double eta_seconds(const struct run_settings *rs, int total, double elapsed, int done)
{
	if (done > 0)
		return elapsed / done * (total - done);
	if (rs->sizing == ROUNDS_BY_TIME)
		return (double)total * (double)(rs->warmup + rs->rounds + 1) * (double)rs->round_ms / 1000;
	return -1;
}

static void progress_start(const struct scenario *scenarios, const struct group *g, const struct run_settings *rs,
			   int total, double elapsed, int done)
{
	char what[160], took[16], left[16];
	int m;

	scenario_describe(&scenarios[g->members[0]], what, sizeof(what));
	format_duration(elapsed, took, sizeof(took));
	format_duration(eta_seconds(rs, total, elapsed, done), left, sizeof(left));
	fprintf(stderr, "perfbp-bench: scenario %d", done + 1);
	if (g->count > 1)
		fprintf(stderr, "-%d", done + g->count);
	fprintf(stderr, "/%d [", total);
	for (m = 0; m < g->count; m++)
		fprintf(stderr, "%s%s", m ? " " : "", strategy_name(scenarios[g->members[m]].strategy));
	fprintf(stderr, "] %s, elapsed %s, ETA %s\n", what, took, left);
}

static void progress_result(const struct scenario *scenarios, const struct group *g,
			    const struct scenario_result *results, const struct run_settings *rs)
{
	long rounds = rs->rounds;
	double medians[NR_STRATEGIES];
	int m;

	fprintf(stderr, "perfbp-bench:   ");
	for (m = 0; m < g->count; m++) {
		const struct scenario_result *r = &results[g->members[m]];
		struct summary s;

		if (summarize(r->ns_per_op, (int)rounds, &s) != 0)
			s.median = 0;
		medians[m] = s.median;
		fprintf(stderr, "%s%s %.2f us/op (cv %.1f%%), traps %llu/%llu", m ? "; " : "",
			strategy_name(scenarios[g->members[m]].strategy), s.median / 1000, s.cv * 100,
			(unsigned long long)r->traps_observed, (unsigned long long)r->traps_expected);
		if (rs->sizing == ROUNDS_BY_TIME)
			fprintf(stderr, ", %ld ops/round", r->ops_per_round);
	}
	if (g->count == 2 && medians[1] > 0)
		fprintf(stderr, "; %s/%s %.2fx (medians of %ld rounds)",
			strategy_name(scenarios[g->members[0]].strategy),
			strategy_name(scenarios[g->members[1]].strategy), medians[0] / medians[1], rounds);
	fputc('\n', stderr);
}

void moves_plan_print(const struct moves_plan *plan, const struct env *env, FILE *out)
{
	const struct scenario *scenarios = plan->scenarios;
	char what[160], why[384];
	int i;

	if (plan->settings.sizing == ROUNDS_BY_TIME)
		fprintf(out, "perfbp-bench dry run: matrix %s, %d scenarios in %d interleaved groups, %ld+%ld rounds of "
			"~%ld ms each (time-sized: at least %ld ops, calibrated in each strategy's first warm-up round)\n",
			plan->matrix_text, plan->count, plan->ngroups, plan->settings.warmup, plan->settings.rounds,
			plan->settings.round_ms, plan->settings.min_ops);
	else
		fprintf(out, "perfbp-bench dry run: matrix %s, %d scenarios in %d interleaved groups, %ld+%ld rounds of "
			"%ld ops\n", plan->matrix_text, plan->count, plan->ngroups, plan->settings.warmup,
			plan->settings.rounds, plan->settings.iterations);
	env_print(env, out);
	for (i = 0; i < plan->count; i++) {
		scenario_describe(&scenarios[i], what, sizeof(what));
		fprintf(out, "%4d %-22s %s", i + 1, strategy_name(scenarios[i].strategy), what);
		if (moves_not_runnable(env, &scenarios[i], why, sizeof(why)))
			fprintf(out, "  (not run: %s)", why);
		else if (plan->settings.sizing == ROUNDS_BY_TIME)
			fprintf(out, "  (calibrates on %ld ops)",
				round_ops_fit(plan->settings.min_ops, scenarios[i].slots, scenarios[i].trap_every));
		fprintf(out, "\n");
	}
}

static void report_not_run(const struct scenario *s, const char *why)
{
	char what[160];

	scenario_describe(s, what, sizeof(what));
	fprintf(stderr, "perfbp-bench: not run: %s %s: %s\n", strategy_name(s->strategy), what, why);
}

void moves_report_not_runnable(const struct moves_plan *plan, const struct env *env)
{
	char why[384];
	int i;

	for (i = plan->runnable; i < plan->count; i++) {
		moves_not_runnable(env, &plan->scenarios[i], why, sizeof(why));
		report_not_run(&plan->scenarios[i], why);
	}
}

/* mmap refused with EPERM although the figures fit: other processes of this user hold locked memory. */
static bool ring_lock_refused(const struct run_error *error)
{
	return error->kernel && strcmp(error->failure.call, "mmap") == 0 && error->failure.err == EPERM;
}

static bool any_notify(const struct scenario *scenarios, int n, enum notify_mode notify)
{
	int i;

	for (i = 0; i < n; i++)
		if (scenarios[i].notify == notify)
			return true;
	return false;
}

int moves_prepare(struct moves_plan *plan, const struct env *env)
{
	int i;

	if (any_notify(plan->scenarios, plan->count, NOTIFY_SIGNAL) && perfbp_signal_install(env->signo) != 0) {
		perror("perfbp-bench: sigaction(SIGRTMIN+3)");
		return -1;
	}
	if (any_notify(plan->scenarios, plan->runnable, NOTIFY_SIGTRAP) && sigtrap_install() != 0) {
		perror("perfbp-bench: sigaction(SIGTRAP)");
		return -1;
	}
	plan->results = calloc((size_t)plan->count + 1, sizeof(*plan->results)); /* + 1: count is 0 for the profiler alone */
	if (plan->results == NULL) {
		fprintf(stderr, "perfbp-bench: out of memory\n");
		return -1;
	}
	for (i = 0; i < plan->count; i++)
		if (scenario_result_alloc(&plan->results[i], &plan->scenarios[i], &plan->settings) != 0) {
			fprintf(stderr, "perfbp-bench: out of memory for %d scenarios x %ld rounds\n", plan->count,
				plan->settings.rounds);
			return -1;
		}
	for (i = plan->runnable; i < plan->count; i++) {
		moves_not_runnable(env, &plan->scenarios[i], plan->results[i].not_run, sizeof(plan->results[i].not_run));
		report_not_run(&plan->scenarios[i], plan->results[i].not_run);
	}
	return 0;
}

int moves_run(struct moves_plan *plan, const struct env *env)
{
	double start = (double)monotonic_ns() / 1e9;
	struct run_error error;
	char after[32];
	int g, done = 0;

	for (g = 0; g < plan->ngroups; g++) {
		progress_start(plan->scenarios, &plan->groups[g], &plan->settings, plan->runnable,
			       (double)monotonic_ns() / 1e9 - start, done);
		memset(&error, 0, sizeof(error));
		if (run_group(plan->scenarios, &plan->groups[g], &plan->settings, env, plan->results, &error) != 0) {
			if (ring_lock_refused(&error)) {
				int m;

				for (m = 0; m < plan->groups[g].count; m++) {
					struct scenario_result *r = &plan->results[plan->groups[g].members[m]];

					snprintf(r->not_run, sizeof(r->not_run), "mmap of the ring was refused with EPERM at run "
						 "time: needs %ld KiB locked, the limit computed before was %ld KiB; other "
						 "processes of this user hold locked memory (perf_event_mlock_kb is per user)",
						 memlock_needed_kb(env, &plan->scenarios[plan->groups[g].members[m]]),
						 env->locked.limit_kb);
					report_not_run(&plan->scenarios[plan->groups[g].members[m]], r->not_run);
				}
			} else {
				char at[48];

				snprintf(at, sizeof(at), "scenario %d/%d", done + 1, plan->runnable);
				if (plan->groups[g].count > 1)
					snprintf(at, sizeof(at), "scenario %d-%d/%d", done + 1, done + plan->groups[g].count,
						 plan->runnable);
				return run_error_report(&error, at);
			}
		}
		snprintf(after, sizeof(after), "scenario %d", done + plan->groups[g].count);
		if (perf_resources_check_released(after, "the harness") != 0)
			return EXIT_FAILED;
		if (plan->results[plan->groups[g].members[0]].not_run[0] == '\0')
			progress_result(plan->scenarios, &plan->groups[g], plan->results, &plan->settings);
		done += plan->groups[g].count;
	}
	return 0;
}

void moves_plan_free(struct moves_plan *plan)
{
	int i;

	if (plan->results != NULL)
		for (i = 0; i < plan->count; i++)
			scenario_result_free(&plan->results[i]);
	free(plan->results);
	free(plan->groups);
	free(plan->scenarios);
	memset(plan, 0, sizeof(*plan));
}
