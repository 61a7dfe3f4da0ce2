/*
 * The profiler's plan: which workloads, and which runs of each (none; then per rate the
 * sampler alone, reopen and modify), checked against this machine before anything runs (the
 * modify ioctl, a free debug register, the kernel's sample-rate ceiling).
 */
#include "plan.h"

#include "../core/advice.h"
#include "../core/unknown_number.h"

#include <stdio.h>
#include <string.h>

#define DEFAULT_WORK_MS 75

/* The default rates stay well below the timer's ceiling: at a high rate the sampler alone can
 * cost more than the work it samples on a VM, under any strategy. */
static const int default_rates[] = { 1000, 5000, 20000 };

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

int profiler_plan_make(const struct profiler_options *po, const struct env *env, struct profiler_plan *plan)
{
	const struct value_list *strategies = &po->strategies;
	bool tool[NR_TOOL_STRATEGIES] = { false };
	int i, r, s;

	memset(plan, 0, sizeof(*plan));
	plan->work_ms = po->work_ms > 0 ? po->work_ms : DEFAULT_WORK_MS;
	plan->rounds = po->common.rounds;
	plan->warmup = po->common.warmup;
	plan->slots = env->debug_register_count;
	if (plan->slots > MAX_SLOTS)
		plan->slots = MAX_SLOTS;
	plan->max_sample_rate = read_sysctl_number("/proc/sys/kernel/perf_event_max_sample_rate");
	env_probe_hardware_pmu(&plan->hardware_pmu);

	if (po->workloads.count > 0) {
		for (i = 0; i < po->workloads.count; i++)
			plan->workloads[plan->nworkloads++] = po->workloads.values[i];
	} else {
		for (i = 0; i < NR_WORKLOADS; i++)
			plan->workloads[plan->nworkloads++] = i;
	}
	if (strategies->count > 0) {
		for (i = 0; i < strategies->count; i++) {
			if (strategies->values[i] == STRATEGY_REOPEN)
				tool[TOOL_REOPEN] = true;
			if (strategies->values[i] == STRATEGY_MODIFY)
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
		fprintf(stderr, "perfbp-bench: profiler: no debug register could be opened here; "
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
