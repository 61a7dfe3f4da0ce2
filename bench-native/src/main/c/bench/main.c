/*
 * perfbp-bench: parse and validate everything, probe the machine, refuse what it cannot run,
 * run the groups (progress on stderr), and only then write native.json. Any failure before
 * the end writes nothing.
 */
#include "bench.h"
#include "profiler.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double wall_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void format_duration(double seconds, char *buf, size_t size)
{
	if (seconds < 0)
		snprintf(buf, size, "?");
	else if (seconds < 100)
		snprintf(buf, size, "%.1fs", seconds);
	else if (seconds < 6000)
		snprintf(buf, size, "%dm%02ds", (int)seconds / 60, (int)seconds % 60);
	else
		snprintf(buf, size, "%dh%02dm", (int)seconds / 3600, (int)seconds / 60 % 60);
}

static void progress_start(const struct scenario *scenarios, const struct group *g, int total, double elapsed,
			   int done)
{
	char what[160], took[16], left[16];
	int m;

	scenario_describe(&scenarios[g->members[0]], what, sizeof(what));
	format_duration(elapsed, took, sizeof(took));
	format_duration(done > 0 ? elapsed / done * (total - done) : -1, left, sizeof(left));
	fprintf(stderr, "perfbp-bench: scenario %d", done + 1);
	if (g->count > 1)
		fprintf(stderr, "-%d", done + g->count);
	fprintf(stderr, "/%d [", total);
	for (m = 0; m < g->count; m++)
		fprintf(stderr, "%s%s", m ? " " : "", strategy_name(scenarios[g->members[m]].strategy));
	fprintf(stderr, "] %s, elapsed %s, ETA %s\n", what, took, left);
}

static void progress_result(const struct scenario *scenarios, const struct group *g,
			    const struct scenario_result *results, long rounds)
{
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
	}
	if (g->count == 2 && medians[1] > 0)
		fprintf(stderr, "; %s/%s %.2fx (medians of %ld rounds)",
			strategy_name(scenarios[g->members[0]].strategy),
			strategy_name(scenarios[g->members[1]].strategy), medians[0] / medians[1], rounds);
	fputc('\n', stderr);
}

static void dry_run(const struct options *opts, const struct env *env, const struct scenario *scenarios, int n,
		    int ngroups)
{
	char what[160], why[384];
	int i, t, l;

	printf("perfbp-bench dry run: matrix %s, %d scenarios in %d interleaved groups, %ld+%ld rounds of %ld ops\n",
	       opts->matrix_text, n, ngroups, opts->warmup, opts->rounds, opts->iterations);
	printf("machine: Linux %s, %s%s, %d CPUs, %d debug registers, modify ioctl %s\n", env->uts.release, env->cpu,
	       env->hypervisor ? " (hypervisor)" : "", env->nproc, env->debug_register_count,
	       env->modify.supported ? "works" : "refused");
	printf("shapes accepted:");
	for (t = 0; t < NR_BP_KINDS; t++)
		for (l = 0; l < NR_BP_LENGTHS; l++)
			if (env->shapes[t][l].supported)
				printf(" %s/%d", bp_kind_name(t), 1 << l);
	printf("\n");
	for (i = 0; i < n; i++) {
		scenario_describe(&scenarios[i], what, sizeof(what));
		printf("%4d %-22s %s", i + 1, strategy_name(scenarios[i].strategy), what);
		if (!memlock_fits(env, &scenarios[i], why, sizeof(why)))
			printf("  (not run: %s)", why);
		printf("\n");
	}
}

static void report_not_run(const struct scenario *s, const char *why)
{
	char what[160];

	scenario_describe(s, what, sizeof(what));
	fprintf(stderr, "perfbp-bench: not run: %s %s: %s\n", strategy_name(s->strategy), what, why);
}

/* mmap refused with EPERM although the figures fit: other processes of this user hold locked memory. */
static bool ring_lock_refused(const struct run_error *error)
{
	return error->kernel && strcmp(error->failure.call, "mmap") == 0 && error->failure.err == EPERM;
}

static bool any_signal(const struct scenario *scenarios, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (scenarios[i].notify == NOTIFY_SIGNAL)
			return true;
	return false;
}

int main(int argc, char **argv)
{
	struct options opts;
	struct env env;
	struct run_settings settings;
	struct scenario *scenarios = NULL;
	struct group *groups = NULL;
	struct scenario_result *results = NULL;
	struct run_error error;
	struct run_record record;
	struct profiler_plan profiler_plan;
	struct profiler_results profiler_results = { 0 };
	double started, start_mono;
	int n = 0, runnable, ngroups, g, i, done = 0, status = EXIT_FAILED;
	int leaked_fds, leaked_maps, fds_before, maps_before, fds_after, maps_after;

	/*
	 * A harness started from a background shell job inherits SIGINT ignored. An explicit
	 * kill -INT must still stop a run, and the default action is right: the output is only
	 * renamed into place at the end, so a killed run writes nothing.
	 */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);

	if (options_parse(argc, argv, &opts) != 0)
		return EXIT_USAGE;
	if (opts.help) {
		options_help(stdout);
		return fflush(stdout) == 0 ? 0 : EXIT_FAILED;
	}
	if (options_check_out(&opts) != 0)
		return EXIT_USAGE;

	env_probe(&env);
	if (!env.breakpoint_pmu.supported) {
		struct perf_failure failure = { .call = "perf_event_open", .err = env.breakpoint_errno,
						.detail = "probing: a 1-byte W watchpoint on this thread" };

		advice_print(stderr, &failure);
		return EXIT_KERNEL;
	}

	scenarios = calloc(MAX_SCENARIOS, sizeof(*scenarios));
	groups = calloc(MAX_SCENARIOS, sizeof(*groups));
	if (scenarios == NULL || groups == NULL) {
		fprintf(stderr, "perfbp-bench: out of memory\n");
		goto out;
	}
	n = matrix_expand(&opts, &env, scenarios, MAX_SCENARIOS);
	if (n < 0) {
		status = n == -1 ? EXIT_USAGE : EXIT_KERNEL;
		goto out;
	}
	/* Scenarios whose rings cannot fit the locked-memory limit go last, reported as not run. */
	runnable = memlock_partition(scenarios, n, &env);
	ngroups = group_scenarios(scenarios, runnable, groups);
	i = profiler_plan_make(&opts, &env, &profiler_plan);
	if (i < 0) {
		status = i == -1 ? EXIT_USAGE : EXIT_KERNEL;
		goto out;
	}
	if (opts.dry_run) {
		dry_run(&opts, &env, scenarios, n, ngroups);
		profiler_plan_print(&profiler_plan, stdout);
		status = fflush(stdout) == 0 ? 0 : EXIT_FAILED;
		goto out;
	}
	if (any_signal(scenarios, n) && trap_signal_install(env.signo) != 0) {
		perror("perfbp-bench: sigaction(SIGRTMIN+3)");
		goto out;
	}

	settings = (struct run_settings){ .iterations = opts.iterations, .rounds = opts.rounds, .warmup = opts.warmup };
	results = calloc((size_t)n + 1, sizeof(*results)); /* + 1: n is 0 for --matrix profiler alone */
	if (results == NULL) {
		fprintf(stderr, "perfbp-bench: out of memory\n");
		goto out;
	}
	for (i = 0; i < n; i++)
		if (scenario_result_alloc(&results[i], &scenarios[i], &settings) != 0) {
			fprintf(stderr, "perfbp-bench: out of memory for %d scenarios x %ld rounds\n", n, opts.rounds);
			goto out;
		}

	for (i = runnable; i < n; i++) {
		memlock_fits(&env, &scenarios[i], results[i].not_run, sizeof(results[i].not_run));
		report_not_run(&scenarios[i], results[i].not_run);
	}

	if (process_resources(&fds_before, &maps_before) != 0) {
		perror("perfbp-bench: reading /proc/self");
		goto out;
	}
	started = wall_seconds();
	start_mono = (double)monotonic_ns() / 1e9;
	for (g = 0; g < ngroups; g++) {
		progress_start(scenarios, &groups[g], runnable, (double)monotonic_ns() / 1e9 - start_mono, done);
		memset(&error, 0, sizeof(error));
		if (threads_run_group(scenarios, &groups[g], &settings, &env, results, &error) != 0) {
			if (ring_lock_refused(&error)) {
				int m;

				for (m = 0; m < groups[g].count; m++) {
					struct scenario_result *r = &results[groups[g].members[m]];

					snprintf(r->not_run, sizeof(r->not_run), "mmap of the ring was refused with EPERM at run "
						 "time: needs %ld KiB locked, the limit computed before was %ld KiB; other "
						 "processes of this user hold locked memory (perf_event_mlock_kb is per user)",
						 memlock_needed_kb(&env, &scenarios[groups[g].members[m]]),
						 env.locked.limit_kb);
					report_not_run(&scenarios[groups[g].members[m]], r->not_run);
				}
			} else if (error.kernel) {
				advice_print(stderr, &error.failure);
				status = EXIT_KERNEL;
			} else {
				fprintf(stderr, "perfbp-bench: %s\n", error.message);
			}
			if (!ring_lock_refused(&error)) {
				fprintf(stderr, "perfbp-bench: stopped; nothing written\n");
				goto out;
			}
		}
		if (perf_resources_held(&leaked_fds, &leaked_maps) != 0 || leaked_fds != 0 || leaked_maps != 0) {
			fprintf(stderr, "perfbp-bench: after scenario %d, %d perf fds and %d perf mappings are still open "
				"(or /proc/self could not be read): a leak in the harness; nothing written\n",
				done + groups[g].count, leaked_fds, leaked_maps);
			goto out;
		}
		if (results[groups[g].members[0]].not_run[0] == '\0')
			progress_result(scenarios, &groups[g], results, opts.rounds);
		done += groups[g].count;
	}
	i = profiler_run(&profiler_plan, &env, &profiler_results);
	if (i != 0) {
		status = i == -2 ? EXIT_KERNEL : EXIT_FAILED;
		fprintf(stderr, "perfbp-bench: stopped; nothing written\n");
		goto out;
	}
	if (process_resources(&fds_after, &maps_after) != 0) {
		perror("perfbp-bench: reading /proc/self");
		goto out;
	}

	record = (struct run_record){
		.opts = &opts, .env = &env, .settings = &settings, .scenarios = scenarios, .results = results,
		.count = n, .matrix = opts.matrix_text, .started_at = started,
		.finished_at = wall_seconds(), .fds_before = fds_before, .fds_after = fds_after,
		.mappings_before = maps_before, .mappings_after = maps_after,
		.profiler = profiler_plan.enabled ? &profiler_results : NULL,
	};
	if (output_write(&record) != 0)
		goto out;
	{
		char took[16];

		format_duration((double)monotonic_ns() / 1e9 - start_mono, took, sizeof(took));
		fprintf(stderr, "perfbp-bench: %d scenarios%s in %s; wrote %s\n", n,
			profiler_plan.enabled ? " and the profiler" : "", took, opts.out ? opts.out : "stdout");
	}
	status = 0;
out:
	if (results != NULL)
		for (i = 0; i < n; i++)
			scenario_result_free(&results[i]);
	free(results);
	profiler_results_free(&profiler_results);
	free(groups);
	free(scenarios);
	return status;
}
