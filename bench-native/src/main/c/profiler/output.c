/*
 * The profiler's part of native.json: a top-level "profiler" block with what it measured on
 * (slots, work, the kernel's rate ceiling, the seed, whether a hardware PMU was there), and
 * one entry per workload and run in "results", marked "matrix": "profiler" and keyed by
 * strategy (none, reopen, modify), workload and rate. The entries carry the keys a mover result
 * has where they mean the same (nsPerOp, rounds, summary); the analysis tells them apart by
 * their "workload" key.
 */
#include "output.h"

#include "../core/stats.h"

#include <stdlib.h>

static uint64_t traps_of(const struct tool_counts *c)
{
	return c->traps_handled + c->traps_at_replace + c->traps_at_end;
}

void profiler_write_block(struct json *j, const struct profiler_results *r)
{
	const struct profiler_plan *plan = r->plan;

	/* Data only: how the tool works is prose, in perfbp-bench profiler --help. */
	json_open(j, "profiler", '{');
	json_open(j, "hardwarePmu", '{');
	json_bool(j, "available", plan->hardware_pmu.supported);
	json_str(j, "reason", plan->hardware_pmu.reason);
	json_close(j, '}');
	json_int(j, "slots", plan->slots);
	json_int(j, "workMs", plan->work_ms);
	json_known(j, "maxSampleRate", plan->max_sample_rate);
	json_u64(j, "seed", r->seed);
	json_close(j, '}');
}

static void write_counts(struct json *j, const char *key, const struct tool_counts *c)
{
	int p;

	json_open(j, key, '{');
	json_u64(j, "samples", c->samples);
	json_u64(j, "samplerRecords", c->sampler_records);
	json_u64(j, "samplerOtherRecords", c->sampler_other);
	json_u64(j, "mergedSamples", c->sampler_records - c->samples);
	json_u64(j, "armed", c->armed_free + c->replaced);
	json_u64(j, "armedFree", c->armed_free);
	json_u64(j, "replaced", c->replaced);
	json_open(j, "skipped", '{');
	json_u64(j, "noAddress", c->skipped_no_address);
	json_u64(j, "duplicate", c->skipped_duplicate);
	json_u64(j, "reservoir", c->skipped_reservoir);
	json_u64(j, "samplerOnly", c->sampler_only);
	json_close(j, '}');
	json_u64(j, "traps", traps_of(c));
	json_u64(j, "trapSignals", c->trap_signals);
	json_u64(j, "trapsHandled", c->traps_handled);
	json_u64(j, "trapsAtReplace", c->traps_at_replace);
	json_u64(j, "trapsAtEnd", c->traps_at_end);
	json_u64(j, "disarmedOnTrap", c->disarmed_on_trap);
	json_u64(j, "evictedTrapped", c->evicted_trapped);
	json_u64(j, "lateSignals", c->late_signals);
	json_u64(j, "valueChanged", c->value_changed);
	json_u64(j, "valueUnchanged", c->value_unchanged);
	json_u64(j, "armedAtEnd", c->armed_at_end);
	json_u64(j, "strayToolSignals", c->stray_signals);
	json_u64(j, "sampledCpuNs", c->sampled_cpu_ns);
	json_u64(j, "samplerHandlerNs", c->sampler_handler_ns);
	json_u64(j, "trapHandlerNs", c->trap_handler_ns);
	json_open(j, "phases", '{');
	for (p = 0; p < NR_TOOL_PHASES; p++) {
		if (c->phase_calls[p] == 0)
			continue;
		json_open(j, tool_phase_name(p), '{');
		json_u64(j, "calls", c->phase_calls[p]);
		json_u64(j, "totalNs", c->phase_ns[p]);
		json_close(j, '}');
	}
	json_close(j, '}');
	json_close(j, '}');
}

/* One per-round column of the counts, e.g. samples per round. */
static void write_column(struct json *j, const char *key, const struct profiler_result *r, long rounds,
			 uint64_t (*pick)(const struct tool_counts *))
{
	double *values = calloc((size_t)rounds, sizeof(double));
	long i;

	if (values == NULL)
		return;
	for (i = 0; i < rounds; i++)
		values[i] = (double)pick(&r->round_counts[i]);
	json_numbers(j, key, values, rounds);
	free(values);
}

static uint64_t pick_samples(const struct tool_counts *c) { return c->samples; }
static uint64_t pick_armed(const struct tool_counts *c) { return c->armed_free + c->replaced; }
static uint64_t pick_replaced(const struct tool_counts *c) { return c->replaced; }
static uint64_t pick_traps(const struct tool_counts *c) { return traps_of(c); }
static uint64_t pick_sampler_ns(const struct tool_counts *c) { return c->sampler_handler_ns; }
static uint64_t pick_trap_ns(const struct tool_counts *c) { return c->trap_handler_ns; }
static uint64_t pick_cpu_sampled(const struct tool_counts *c) { return c->sampled_cpu_ns; }

static void write_result(struct json *j, const struct profiler_plan *plan, const struct profiler_result *r)
{
	bool tool = r->member.strategy != TOOL_NONE;
	bool watches = r->member.strategy == TOOL_REOPEN || r->member.strategy == TOOL_MODIFY;
	struct summary summary;

	if (summarize(r->ns_per_op, (int)plan->rounds, &summary) != 0)
		summary = (struct summary){ 0 };
	json_open(j, NULL, '{');
	json_str(j, "matrix", "profiler");
	json_str(j, "strategy", tool_strategy_name(r->member.strategy));
	json_str(j, "workload", workload_name(r->workload));
	json_int(j, "rate", r->member.rate);
	if (tool)
		json_u64(j, "samplePeriodNs", 1000000000ull / (uint64_t)r->member.rate);
	if (watches) {
		json_str(j, "notify", "signal");
		json_int(j, "pages", 1);
		json_str(j, "bpType", "RW");
		json_int(j, "bpLen", 8);
		json_int(j, "slots", plan->slots);
	}
	json_int(j, "threads", 1);
	json_u64(j, "accesses", r->accesses);
	json_int(j, "workMs", plan->work_ms);
	json_int(j, "rounds", plan->rounds);
	json_int(j, "warmup", plan->warmup);
	json_numbers(j, "nsPerOp", r->ns_per_op, plan->rounds);
	json_numbers(j, "wallNs", r->wall_ns, plan->rounds);
	json_numbers(j, "cpuNs", r->cpu_ns, plan->rounds);
	summary_write(j, "summary", &summary);
	write_counts(j, "counts", &r->totals);
	json_open(j, "countsPerRound", '{');
	write_column(j, "samples", r, plan->rounds, pick_samples);
	write_column(j, "armed", r, plan->rounds, pick_armed);
	write_column(j, "replaced", r, plan->rounds, pick_replaced);
	write_column(j, "traps", r, plan->rounds, pick_traps);
	write_column(j, "sampledCpuNs", r, plan->rounds, pick_cpu_sampled);
	write_column(j, "samplerHandlerNs", r, plan->rounds, pick_sampler_ns);
	write_column(j, "trapHandlerNs", r, plan->rounds, pick_trap_ns);
	json_close(j, '}');
	write_counts(j, "warmupCounts", &r->warmup_totals);
	json_close(j, '}');
}

void profiler_write_results(struct json *j, const struct profiler_results *r)
{
	int i;

	for (i = 0; i < r->count; i++)
		write_result(j, r->plan, &r->results[i]);
}
