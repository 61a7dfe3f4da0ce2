/*
 * --matrix profiler: its options, its plan, and its rounds.
 *
 * Per workload: calibrate the work once (the accesses that take --work ms without the tool),
 * then rounds of every member in turn, interleaved as the harness does (none, reopen@r1,
 * modify@r1, reopen@r2, ... then again), the first --warmup rounds dropped. Every member
 * runs the very same accesses; only the tool differs. After every tool round the counts
 * must balance (premise_check), or the run stops and writes nothing.
 */
#include "profiler.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_WORK_MS 75
#define MAX_WORK_MS 60000

/* 50000 is allowed, but on the VM the suite was built on one sample costs ~40 us (timer interrupt,
 * signal delivery) against a 20 us period: the program crawls (18-37x) under any strategy. */
static const int default_rates[] = { 1000, 5000, 20000 };

static int usage(const char *name, const char *value, const char *why, const char *valid)
{
	fprintf(stderr, "perfbp-bench: --%s %s: %s; valid: %s\n", name, value, why, valid);
	return -1;
}

const char *profiler_option_valid(int target)
{
	switch (target) {
	case PROFILER_OPT_WORKLOAD:
		return "hash, stream, chase (with --matrix profiler)";
	case PROFILER_OPT_RATE:
		return "whole numbers 1..100000, samples per second of CPU time (with --matrix profiler)";
	default:
		return "a whole number of milliseconds 1..60000 (with --matrix profiler)";
	}
}

static int parse_whole(const char *text, long *out)
{
	char *end;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	*out = strtol(text, &end, 10);
	return errno == 0 && *end == '\0' ? 0 : -1;
}

static int parse_item(int target, const char *item, int *out, const char **why)
{
	long number;
	int i;

	if (target == PROFILER_OPT_WORKLOAD) {
		for (i = 0; i < NR_WORKLOADS; i++)
			if (strcmp(item, workload_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown workload";
		return -1;
	}
	if (parse_whole(item, &number) != 0) {
		*why = "not a whole number";
		return -1;
	}
	if (number < 1 || number > PROFILER_MAX_RATE) {
		*why = "out of range (the kernel's task-clock timer fires at most every 10 us)";
		return -1;
	}
	*out = (int)number;
	return 0;
}

int profiler_parse_option(int target, const char *name, const char *value, struct profiler_options *po)
{
	struct value_list *list = target == PROFILER_OPT_WORKLOAD ? &po->workloads : &po->rates;
	const char *start = value;
	const char *why;

	if (target == PROFILER_OPT_WORK) {
		long ms;

		if (parse_whole(value, &ms) != 0)
			return usage(name, value, "not a whole number", profiler_option_valid(target));
		if (ms < 1 || ms > MAX_WORK_MS)
			return usage(name, value, "out of range", profiler_option_valid(target));
		po->work_ms = ms;
		return 0;
	}
	list->count = 0;
	for (;;) {
		const char *comma = strchr(start, ',');
		size_t len = comma ? (size_t)(comma - start) : strlen(start);
		char item[32];
		int parsed, i;

		if (len == 0 || len >= sizeof(item))
			return usage(name, value, "empty or overlong item in the list", profiler_option_valid(target));
		memcpy(item, start, len);
		item[len] = '\0';
		if (parse_item(target, item, &parsed, &why) != 0)
			return usage(name, item, why, profiler_option_valid(target));
		for (i = 0; i < list->count && list->values[i] != parsed; i++)
			;
		if (i == list->count) {
			if (list->count == MAX_VALUES)
				return usage(name, value, "too many values", profiler_option_valid(target));
			list->values[list->count++] = parsed;
		}
		if (!comma)
			return 0;
		start = comma + 1;
	}
}

void profiler_help(FILE *out)
{
	fprintf(out,
		"PROFILER (--matrix profiler)\n"
		"  A watchpoint tool's overhead on a workload, as Witch (DeadCraft), Feather and HPCToolkit\n"
		"  work. A workload (--workload) makes a fixed number of accesses per round (--work: the count\n"
		"  that takes that long here without the tool, calibrated once). With strategy none it runs\n"
		"  alone; with sampler, only the tool's sampler runs (what sampling alone costs); under the\n"
		"  tool (reopen, modify), a task-clock sampler (--rate samples per second of CPU time, a\n"
		"  signal each) arms an RW watchpoint on an 8-byte word the workload just touched: a free\n"
		"  debug register first; when all are busy, the k-th sample since they all became busy\n"
		"  replaces a random one with probability 1/(1+k) (reservoir-style). A trap (one signal,\n"
		"  si_fd names the slot) is recorded (did the word change: a dead store in the stream\n"
		"  workload) and disarmed. reopen arms with perf_event_open + fcntl x4 + mmap and disarms\n"
		"  with munmap + close; modify opens its slots once per round (disabled) and arms with\n"
		"  MODIFY_ATTRIBUTES (disabled=0), disarms with IOC_DISABLE. All of it runs inside the two\n"
		"  signal handlers. The sampler is task-clock because the VM this was built on has no\n"
		"  hardware PMU (native.json says whether this machine has one); on bare metal a\n"
		"  memory-sampling PMU event (PEBS, IBS) gives the sample and its data address. Rounds\n"
		"  interleave none, then sampler, reopen and modify at each rate. After each round the\n"
		"  counts must balance: every sample armed, replaced or was skipped for a reason; one trap\n"
		"  signal per trap sample in the rings; a sampler signal for every sampler record (the\n"
		"  kernel may merge two into one signal: counted as mergedSamples), none throttled or lost;\n"
		"  no stray signals; the no-tool rounds count nothing. --iterations does not apply here.\n"
		"  In native.json: a top-level \"profiler\" block (how it measured, hardwarePmu) and, in\n"
		"  results, {matrix: \"profiler\", strategy: none|sampler|reopen|modify, workload, rate,\n"
		"  accesses, nsPerOp, wallNs, cpuNs (per round), counts, countsPerRound, warmupCounts}.\n");
}

static const char *const move_only_axes[NR_AXES] = {
	[AXIS_TRAP_EVERY] = "trapEvery", [AXIS_NOTIFY] = "notify", [AXIS_PAGES] = "pages", [AXIS_BP_TYPE] = "bpType",
	[AXIS_BP_LEN] = "bpLen",	 [AXIS_THREADS] = "threads", [AXIS_SLOTS] = "slots",
};

static int check_options(const struct options *opts)
{
	const struct profiler_options *po = &opts->profiler;
	int a, i;

	if (!matrix_has_profiler(opts->matrices)) {
		const char *given = po->workloads.count ? "workload" : po->rates.count ? "rate" : po->work_ms ? "work" : NULL;

		if (given != NULL) {
			fprintf(stderr, "perfbp-bench: --%s: only the profiler matrix takes it (--matrix %s has none); "
				"valid: add profiler to --matrix, e.g. --matrix profiler\n", given, opts->matrix_text);
			return -1;
		}
		return 0;
	}
	if (!matrix_has_moves(opts->matrices)) {
		for (a = 0; a < NR_AXES; a++)
			if (a != AXIS_STRATEGY && opts->axis[a].count > 0) {
				fprintf(stderr, "perfbp-bench: --%s: applies to the watchpoint-move matrices, not to --matrix "
					"profiler; valid there: --strategy, --workload, --rate, --work\n", move_only_axes[a]);
				return -1;
			}
	}
	for (i = 0; i < opts->axis[AXIS_STRATEGY].count; i++) {
		int s = opts->axis[AXIS_STRATEGY].values[i];

		if (s != STRATEGY_REOPEN && s != STRATEGY_MODIFY && !matrix_has_moves(opts->matrices)) {
			fprintf(stderr, "perfbp-bench: --strategy %s: the profiler's tool arms by reopen or modify; "
				"valid with --matrix profiler: reopen, modify\n", strategy_name(s));
			return -1;
		}
	}
	return 0;
}

static long read_sysctl_number(const char *path)
{
	FILE *f = fopen(path, "r");
	long value = UNKNOWN_NUMBER;

	if (f == NULL)
		return UNKNOWN_NUMBER;
	if (fscanf(f, "%ld", &value) != 1)
		value = UNKNOWN_NUMBER;
	if (fclose(f) != 0)
		value = UNKNOWN_NUMBER;
	return value;
}

int profiler_plan_make(const struct options *opts, const struct env *env, struct profiler_plan *plan)
{
	const struct profiler_options *po = &opts->profiler;
	bool tool[NR_TOOL_STRATEGIES] = { false };
	int i, r, s;

	memset(plan, 0, sizeof(*plan));
	if (check_options(opts) != 0)
		return -1;
	if (!matrix_has_profiler(opts->matrices))
		return 0;
	plan->enabled = true;
	plan->work_ms = po->work_ms > 0 ? po->work_ms : DEFAULT_WORK_MS;
	plan->rounds = opts->rounds;
	plan->warmup = opts->warmup;
	plan->slots = env->debug_register_count;
	if (plan->slots > MAX_SLOTS)
		plan->slots = MAX_SLOTS;
	plan->max_sample_rate = read_sysctl_number("/proc/sys/kernel/perf_event_max_sample_rate");
	tool_probe_hardware_pmu(&plan->hardware_pmu);

	if (po->workloads.count > 0) {
		for (i = 0; i < po->workloads.count; i++)
			plan->workloads[plan->nworkloads++] = po->workloads.values[i];
	} else {
		for (i = 0; i < NR_WORKLOADS; i++)
			plan->workloads[plan->nworkloads++] = i;
	}
	if (opts->axis[AXIS_STRATEGY].count > 0) {
		for (i = 0; i < opts->axis[AXIS_STRATEGY].count; i++) {
			if (opts->axis[AXIS_STRATEGY].values[i] == STRATEGY_REOPEN)
				tool[TOOL_REOPEN] = true;
			if (opts->axis[AXIS_STRATEGY].values[i] == STRATEGY_MODIFY)
				tool[TOOL_MODIFY] = true;
		}
	} else {
		tool[TOOL_REOPEN] = tool[TOOL_MODIFY] = true;
	}
	tool[TOOL_SAMPLER] = true;
	if (tool[TOOL_MODIFY] && env->modify_errno != 0) {
		struct perf_failure failure = { .call = "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)", .err = env->modify_errno };

		snprintf(failure.detail, sizeof(failure.detail),
			 "probed before running; the profiler's modify tool needs it (--strategy reopen runs without)");
		advice_print(stderr, &failure);
		return -2;
	}
	if (plan->slots < 1) {
		fprintf(stderr, "perfbp-bench: --matrix profiler: no debug register could be opened here; "
			"valid: a machine where the probe finds at least one\n");
		return -1;
	}

	plan->members[plan->nmembers++] = (struct profiler_member){ TOOL_NONE, 0 };
	{
		const int *rates = po->rates.count > 0 ? po->rates.values : default_rates;
		int nrates = po->rates.count > 0 ? po->rates.count
						  : (int)(sizeof(default_rates) / sizeof(default_rates[0]));

		for (r = 0; r < nrates; r++) {
			if (plan->max_sample_rate != UNKNOWN_NUMBER && rates[r] > plan->max_sample_rate) {
				fprintf(stderr, "perfbp-bench: --rate %d: above kernel.perf_event_max_sample_rate (%ld), the "
					"kernel would throttle the sampler; valid here: 1..%ld\n", rates[r],
					plan->max_sample_rate, plan->max_sample_rate);
				return -1;
			}
			for (s = TOOL_SAMPLER; s < NR_TOOL_STRATEGIES; s++)
				if (tool[s])
					plan->members[plan->nmembers++] = (struct profiler_member){ s, rates[r] };
		}
	}
	return 0;
}

void profiler_plan_print(const struct profiler_plan *plan, FILE *out)
{
	int w, m, n = 0;

	if (!plan->enabled)
		return;
	fprintf(out, "profiler: %d workloads x %d runs, %ld+%ld rounds of ~%ld ms of work each, %d watchpoint slots; "
		"hardware PMU: %s\n", plan->nworkloads, plan->nmembers, plan->warmup, plan->rounds, plan->work_ms,
		plan->slots, plan->hardware_pmu.supported ? "yes" : "no (task-clock sampler stands in)");
	for (w = 0; w < plan->nworkloads; w++)
		for (m = 0; m < plan->nmembers; m++) {
			const struct profiler_member *member = &plan->members[m];

			fprintf(out, "%4d profiler %-8s workload=%s", ++n, tool_strategy_name(member->strategy),
				workload_name(plan->workloads[w]));
			if (member->strategy != TOOL_NONE)
				fprintf(out, " rate=%d", member->rate);
			fputc('\n', out);
		}
}

/* ---- running ---- */

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
	r->round_counts = calloc((size_t)rounds, sizeof(struct tool_counts));
	return r->ns_per_op && r->wall_ns && r->cpu_ns && r->round_counts ? 0 : -1;
}

void profiler_results_free(struct profiler_results *r)
{
	int i;

	for (i = 0; r->results != NULL && i < r->count; i++) {
		free(r->results[i].ns_per_op);
		free(r->results[i].wall_ns);
		free(r->results[i].cpu_ns);
		free(r->results[i].round_counts);
	}
	free(r->results);
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

static int run_workload(const struct profiler_plan *plan, int wi, struct profiler_result *results, uint64_t seed)
{
	static _Atomic uintptr_t recent; /* the workload's published address; read by the sampler handler */
	struct workload_state w;
	uint64_t accesses;
	long round, total = plan->warmup + plan->rounds;
	int m, fds, maps, rc = -1;

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
			if (round < plan->warmup) {
				add_counts(&r->warmup_totals, &counts);
				continue;
			}
			r->ns_per_op[round - plan->warmup] = (double)wall / (double)accesses;
			r->wall_ns[round - plan->warmup] = (double)wall;
			r->cpu_ns[round - plan->warmup] = (double)cpu;
			r->round_counts[round - plan->warmup] = counts;
			add_counts(&r->totals, &counts);
		}
	if (perf_resources_held(&fds, &maps) != 0 || fds != 0 || maps != 0) {
		fprintf(stderr, "perfbp-bench: after the profiler's %s workload, %d perf fds and %d perf mappings are still "
			"open (or /proc/self could not be read): a leak in the tool; nothing written\n",
			workload_name(plan->workloads[wi]), fds, maps);
		goto out;
	}
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
	if (!plan->enabled)
		return 0;
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
	if (tool_signals_install() != 0) {
		perror("perfbp-bench: sigaction (the profiler's signals)");
		return -1;
	}
	for (wi = 0; wi < plan->nworkloads && rc == 0; wi++)
		rc = run_workload(plan, wi, &out->results[wi * plan->nmembers], out->seed);
	tool_signals_restore();
	return rc;
}
