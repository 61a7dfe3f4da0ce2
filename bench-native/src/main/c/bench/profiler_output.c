/*
 * The profiler's part of native.json: a top-level "profiler" block saying how it measured,
 * and one entry per workload and run in "results", marked "matrix": "profiler" and keyed by
 * strategy (none, reopen, modify), workload and rate. The entries carry the keys a mover result
 * has where they mean the same (nsPerOp, rounds, summary); the analysis tells them apart by
 * their "workload" key.
 */
#include "profiler.h"

#include <stdlib.h>

static const char *const strategy_arming[NR_TOOL_STRATEGIES] = {
	[TOOL_NONE] = "no tool: the workload alone",
	[TOOL_SAMPLER] = "the tool's sampler and its handler only (ring read, address taken), no watchpoint: what "
			 "sampling alone costs",
	[TOOL_REOPEN] = "arm: perf_event_open + fcntl x4 (O_ASYNC, F_SETSIG, F_SETOWN_EX) + mmap (1 data page); "
			"trap: munmap + close; evict: munmap + close, then arm",
	[TOOL_MODIFY] = "slots opened once per round, disabled, before the timed part; arm: "
			"ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES) with bp_addr and disabled=0; trap: "
			"ioctl(PERF_EVENT_IOC_DISABLE); evict: ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)",
};

static uint64_t traps_of(const struct tool_counts *c)
{
	return c->traps_handled + c->traps_at_replace + c->traps_at_end;
}

void profiler_write_block(struct json *j, const struct profiler_results *r)
{
	const struct profiler_plan *plan = r->plan;
	int s, w;

	json_open(j, "profiler", '{');
	json_str(j, "what", "a watchpoint tool's overhead on a workload (Witch/DeadCraft, Feather, HPCToolkit): each "
			    "workload makes a fixed number of accesses per round with no tool (strategy none) and under "
			    "the tool arming watchpoints by reopen or modify at each sampling rate; slowdown = tool / none");
	json_open(j, "hardwarePmu", '{');
	json_bool(j, "available", plan->hardware_pmu.supported);
	json_str(j, "reason", plan->hardware_pmu.reason);
	json_str(j, "onBareMetal", "a memory-sampling PMU event (Intel PEBS load/store events, AMD IBS op sampling) "
				   "would drive the sampler and give each sample's data address");
	json_close(j, '}');
	json_str(j, "sampler", "perf task-clock software event, sample_period = 1e9/rate ns of the thread's CPU time, "
			       "exclude_kernel (a period that ends in the kernel gives no sample), a 1-page ring, O_ASYNC + "
			       "F_SETSIG SIGRTMIN+5 + F_SETOWN_EX to the thread; the handler takes the address the workload "
			       "published last (its stand-in for the PMU's data address), aligned to 8 bytes");
	json_str(j, "watchpoints", "RW, 8 bytes, sample_period 1, sample_type IP|ADDR, a 1-page ring, O_ASYNC + F_SETSIG "
				   "SIGRTMIN+4 + F_SETOWN_EX; a trap's signal names its slot by si_fd; the handler reads "
				   "the ring, disarms, and records whether the word changed since it was armed");
	json_str(j, "slotPolicy", "a free debug register first; a word already watched is skipped; when every slot is "
				  "busy, the k-th sample since they all became busy replaces a uniformly drawn slot with "
				  "probability 1/(1+k) (reservoir-style); k restarts when a trap frees a slot");
	json_str(j, "signalSafety", "all of the tool's work runs in its two signal handlers, both signals blocked in "
				    "either: system calls only (perf_event_open, fcntl, ioctl, mmap, munmap, close, "
				    "clock_gettime), no malloc, no stdio, errno saved");
	json_open(j, "strategies", '{');
	for (s = 0; s < NR_TOOL_STRATEGIES; s++)
		json_str(j, tool_strategy_name(s), strategy_arming[s]);
	json_close(j, '}');
	json_open(j, "workloads", '{');
	for (w = 0; w < NR_WORKLOADS; w++)
		json_str(j, workload_name(w), workload_description(w));
	json_close(j, '}');
	json_int(j, "slots", plan->slots);
	json_int(j, "workMs", plan->work_ms);
	json_known(j, "maxSampleRate", plan->max_sample_rate);
	json_u64(j, "seed", r->seed);
	json_str(j, "timer", "per round, CLOCK_MONOTONIC (wallNs) and CLOCK_THREAD_CPUTIME_ID (cpuNs) around: enable "
			     "the sampler, the workload's accesses, disable the sampler; opening the sampler (and modify's "
			     "slots) before and the teardown after are not timed. nsPerOp = wallNs / accesses");
	json_str(j, "handlerTiming", "samplerHandlerNs and trapHandlerNs: CLOCK_MONOTONIC at entry and exit of each "
				     "handler (two clock reads per signal, paid by both tool strategies); what is not "
				     "inside a handler is signal delivery, the debug exception, the sampler's interrupt "
				     "and the workload's lost cache state");
	json_str(j, "premise", "checked after every round, warm-up included, or the run stops and writes nothing: "
			       "samples (sampler signals, one decision each) = armed free + replaced + skipped (no address, "
			       "duplicate, reservoir); sampler ring records >= sampler signals (mergedSamples: two samples "
			       "the kernel raised before it could send the first one's signal), none throttled or lost; trap signals = trap samples in the "
			       "watchpoint rings (handled + found when evicting + found at teardown); arms into free slots "
			       "= traps that disarmed + armed at the end; classified = disarmed; no stray signals; the "
			       "no-tool rounds count nothing");
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
	json_open(j, "summary", '{');
	json_double(j, "median", summary.median, 3);
	json_double(j, "mean", summary.mean, 3);
	json_double(j, "stddev", summary.stddev, 3);
	json_double(j, "min", summary.min, 3);
	json_double(j, "max", summary.max, 3);
	json_double(j, "cv", summary.cv, 6);
	json_close(j, '}');
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
