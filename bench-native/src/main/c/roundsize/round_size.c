/*
 * perfbp-bench round-size. A per-op figure is only a figure if it does not depend on how many
 * ops a round ran (issue 12 item 8: modify read ~5% higher at 2000 ops per round than at
 * 10,000). This runs the same scenarios as moves at each size of --sizes, interleaved so drift
 * hits every size alike:
 *
 *     round r:  size A: [strategy 1, strategy 2]  size B: [strategy 1, strategy 2]  ...
 *
 * Each bracket is one call of moves' run_group with one measured round after --warmup dropped
 * ones, so every batch is armed, counted and proven live exactly as in moves, and a run whose
 * premise fails stops with nothing written.
 */
#include "round_size.h"

#include "../core/advice.h"
#include "../core/clock.h"
#include "../core/exit_status.h"
#include "../core/resources.h"
#include "../core/stats.h"
#include "../core/round_ops.h"

#include <stdlib.h>
#include <string.h>

static size_t figure_index(const struct round_size_plan *plan, int scenario, int size, long round)
{
	return ((size_t)scenario * (size_t)plan->nsizes + (size_t)size) * (size_t)plan->rounds + (size_t)round;
}

/* A size that would give its rounds a different trap rate or slot share than another size's cannot be compared. */
static int check_sizes(const struct round_size_plan *plan, const char *sizes_text)
{
	int i, k;

	for (i = 0; i < plan->moves.count; i++)
		if (round_ops_check_fits(plan->moves.scenarios[i].slots, plan->moves.scenarios[i].trap_every,
					 "perfbp-bench moves --iterations N (fixed rounds, one size)") != 0)
			return -1;
	for (i = 0; i < plan->moves.runnable; i++) {
		const struct scenario *s = &plan->moves.scenarios[i];

		for (k = 0; k < plan->nsizes; k++) {
			long fitted = round_ops_fit(plan->sizes[k], s->slots, s->trap_every);

			if (fitted != plan->sizes[k]) {
				fprintf(stderr, "perfbp-bench: --sizes %s: %ld ops is not a multiple of lcm(slots %d, trapEvery "
					"%d) with at least %d trapping ops, so its rounds would trap at another rate; valid: "
					"such multiples, e.g. %ld\n", sizes_text, plan->sizes[k], s->slots, s->trap_every,
					ROUND_MIN_TRAPS, fitted);
				return -1;
			}
		}
	}
	return 0;
}

int round_size_plan_make(const struct round_size_options *opts, const struct env *env, struct round_size_plan *plan)
{
	struct value_list axis[NR_AXES];
	struct run_settings settings = {
		.iterations = opts->sizes[0], .rounds = 1, .warmup = opts->common.warmup, .sizing = ROUNDS_FIXED,
		.no_phase_pass = true,
	};
	int rc;

	memset(plan, 0, sizeof(*plan));
	plan->sizes = opts->sizes;
	plan->nsizes = opts->nsizes;
	plan->rounds = opts->common.rounds;
	plan->warmup = opts->common.warmup;
	plan->out = opts->common.out;
	memcpy(axis, opts->scenarios.axis, sizeof(axis));
	/* The headline's never-trapping pair is the ~10x claim, and the one a round size moved. */
	if (axis[AXIS_TRAP_EVERY].count == 0) {
		axis[AXIS_TRAP_EVERY].count = 1;
		axis[AXIS_TRAP_EVERY].values[0] = 0;
	}
	rc = moves_plan_make(opts->scenarios.matrices, opts->scenarios.matrix_text, axis, &settings, env,
			     &plan->moves);
	if (rc != 0)
		return rc;
	return check_sizes(plan, opts->sizes_text);
}

void round_size_plan_print(const struct round_size_plan *plan, const struct env *env, FILE *out)
{
	const struct moves_plan *m = &plan->moves;
	char what[160], why[384];
	int i, k;

	fprintf(out, "perfbp-bench round-size dry run: %s, %d scenarios in %d interleaved groups, %ld rounds of sizes",
		m->matrix_text, m->count, m->ngroups, plan->rounds);
	for (k = 0; k < plan->nsizes; k++)
		fprintf(out, "%s%ld", k ? ", " : " ", plan->sizes[k]);
	fprintf(out, " ops, each batch after %ld dropped\n", plan->warmup);
	for (i = 0; i < m->count; i++) {
		scenario_describe(&m->scenarios[i], what, sizeof(what));
		fprintf(out, "%4d %-22s %s", i + 1, strategy_name(m->scenarios[i].strategy), what);
		if (moves_not_runnable(env, &m->scenarios[i], why, sizeof(why)))
			fprintf(out, "  (not run: %s)", why);
		fprintf(out, "\n");
	}
}

static void progress(const struct round_size_plan *plan, int g, long round, double elapsed, long done, long total)
{
	const struct group *group = &plan->moves.groups[g];
	char what[160], took[16], left[16];

	scenario_describe(&plan->moves.scenarios[group->members[0]], what, sizeof(what));
	format_duration(elapsed, took, sizeof(took));
	format_duration(done > 0 ? elapsed / (double)done * (double)(total - done) : -1, left, sizeof(left));
	fprintf(stderr, "perfbp-bench: round-size group %d/%d, round %ld/%ld: %s, elapsed %s, ETA %s\n", g + 1,
		plan->moves.ngroups, round + 1, plan->rounds, what, took, left);
}

static void progress_medians(const struct round_size_plan *plan, int g)
{
	const struct group *group = &plan->moves.groups[g];
	int m, k;

	fprintf(stderr, "perfbp-bench:  ");
	for (m = 0; m < group->count; m++) {
		int i = group->members[m];

		fprintf(stderr, "%s %s", m ? ";" : "", strategy_name(plan->moves.scenarios[i].strategy));
		for (k = 0; k < plan->nsizes; k++) {
			struct summary s;

			if (summarize(plan->ns_per_op + figure_index(plan, i, k, 0), (int)plan->rounds, &s) != 0)
				s.median = 0;
			fprintf(stderr, " %ld ops %.3f us/op", plan->sizes[k], s.median / 1000);
		}
	}
	fprintf(stderr, " (medians of %ld rounds)\n", plan->rounds);
}

/* Where in the whole run a batch stopped, for the last line of stderr (run_error_report). */
static int stop(const struct round_size_plan *plan, int g, long size, long round, const struct run_error *error)
{
	char at[96];

	snprintf(at, sizeof(at), "round-size group %d/%d, size %ld ops, round %ld/%ld", g + 1, plan->moves.ngroups,
		 size, round + 1, plan->rounds);
	return run_error_report(error, at);
}

int round_size_run(struct round_size_plan *plan, const struct env *env)
{
	struct moves_plan *m = &plan->moves;
	double start = (double)monotonic_ns() / 1e9;
	long total = (long)m->ngroups * plan->rounds, done = 0, round;
	int g, k, i;

	if (m->runnable < m->count)
		fprintf(stderr, "perfbp-bench: round-size.json leaves out the %d scenarios not run\n", m->count - m->runnable);
	plan->ns_per_op = calloc((size_t)m->count * (size_t)plan->nsizes * (size_t)plan->rounds + 1, sizeof(double));
	if (plan->ns_per_op == NULL) {
		fprintf(stderr, "perfbp-bench: out of memory\n");
		return EXIT_FAILED;
	}
	for (g = 0; g < m->ngroups; g++) {
		const struct group *group = &m->groups[g];

		for (round = 0; round < plan->rounds; round++) {
			progress(plan, g, round, (double)monotonic_ns() / 1e9 - start, done, total);
			for (k = 0; k < plan->nsizes; k++) {
				struct run_error error;

				memset(&error, 0, sizeof(error));
				m->settings.iterations = plan->sizes[k];
				if (run_group(m->scenarios, group, &m->settings, env, m->results, &error) != 0)
					return stop(plan, g, plan->sizes[k], round, &error);
				for (i = 0; i < group->count; i++)
					plan->ns_per_op[figure_index(plan, group->members[i], k, round)] =
						m->results[group->members[i]].ns_per_op[0];
				if (perf_resources_check_released("a round-size batch", "the harness") != 0)
					return EXIT_FAILED;
			}
			done++;
		}
		progress_medians(plan, g);
	}
	return 0;
}

void round_size_plan_free(struct round_size_plan *plan)
{
	moves_plan_free(&plan->moves);
	free(plan->ns_per_op);
	plan->ns_per_op = NULL;
}
