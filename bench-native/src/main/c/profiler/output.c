/*
 * perfbp-bench profiler's native.json: its own settings block (the keys every profiler file has
 * had: the analysis and the golden key lists compare them), a top-level "profiler" block with what it measured on
 * (slots, work, the kernel's rate ceiling, the seed, whether a hardware PMU was there), and
 * one entry per workload and run in "results", marked "matrix": "profiler" and keyed by
 * strategy (none, reopen, modify), workload and rate. The entries carry the keys a mover result
 * has where they mean the same (nsPerOp, rounds, summary); the analysis tells them apart by
 * their "workload" key.
 */
#include "output.h"

#include "../core/address_pool.h"
#include "../core/scenario.h"
#include "../core/stats.h"
#include "signal_reference.h"

#include <stdlib.h>

/* The settings block's iterations: the count every profiler native.json showed (no move round runs). */
#define PROFILER_SETTINGS_ITERATIONS 10000

static uint64_t traps_of(const struct tool_counts *c)
{
	return c->traps_handled + c->traps_at_replace + c->traps_at_end;
}

/* The settings block's keys are those every profiler native.json has had (keys are added, never
 * renamed); iterations and the address pool's figures are the values they always showed. */
static void write_settings(struct json *j, const struct profiler_plan *plan)
{
	json_open(j, "settings", '{');
	json_str(j, "matrix", "profiler");
	json_str(j, "roundSizing", "none");
	json_int(j, "iterations", PROFILER_SETTINGS_ITERATIONS);
	json_int(j, "rounds", plan->rounds);
	json_int(j, "warmup", plan->warmup);
	json_int(j, "addresses", POOL_ADDRESSES);
	json_int(j, "addressStride", POOL_STRIDE);
	json_str(j, "timer", "no move round ran (the profiler alone): iterations is the old default, kept so this "
			     "block keeps its keys; the profiler's rounds are sized by its work (profiler.workMs)");
	json_str(j, "threadsOne", "the workload and the tool's handlers run on the main thread of a single-threaded "
				  "process");
	json_str(j, "ringDrain", "the tool's handlers read every record of a ring they are signalled for "
				 "(data_tail = data_head)");
	json_str(j, "trapCount", "after every round, warm-up included, the tool's counts must balance (see perfbp-bench "
				 "profiler --help, premise), or the run stops and writes nothing");
	json_str(j, "leakCheck", "after every workload, /proc/self holds no perf fd and no perf mapping");
	json_str(j, "phasePass", "none: the tool's phases are timed in every round (results[].counts.phases)");
	json_close(j, '}');
}

static void write_block(struct json *j, const struct profiler_results *r)
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
	/* Added with the prediction's parts: a signal's delivery to a handler, per round of the reference. */
	json_open(j, "signalReference", '{');
	json_int(j, "signalsPerRound", SIGNAL_REFERENCE_PER_ROUND);
	json_numbers(j, "cpuNsPerSignal", r->signal_ns, plan->rounds);
	json_close(j, '}');
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

static void write_result(struct json *j, const struct profiler_plan *plan, const struct profiler_result *r,
			 uint64_t probe_accesses)
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
		json_str(j, "notify", notify_name(NOTIFY_SIGNAL)); /* the tool works by its trap's signal */
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
	/* Added with the prediction's parts: the no-tool probe right after each of this run's rounds. */
	json_open(j, "afterRound", '{');
	json_u64(j, "accesses", probe_accesses);
	json_numbers(j, "cpuNs", r->after_cpu_ns, plan->rounds);
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

static void write_results(struct json *j, const struct profiler_results *r)
{
	int i;

	for (i = 0; i < r->count; i++)
		write_result(j, r->plan, &r->results[i], r->probe_accesses[i / r->plan->nmembers]);
}

static int write_document(FILE *f, const void *arg)
{
	const struct profiler_record *r = arg;
	struct json j = { .f = f };

	fputc('{', f);
	j.depth = 1;
	if (document_write_header(&j, r->argc, r->argv, r->started_at, r->finished_at) != 0)
		return -1;
	write_settings(&j, r->results->plan);
	write_block(&j, r->results);
	document_write_env(&j, r->env);
	document_write_resources(&j, &r->resources);
	json_open(&j, "results", '[');
	write_results(&j, r->results);
	json_close(&j, ']');
	fputs("\n}\n", f);
	return ferror(f) ? -1 : 0;
}

int profiler_write(const struct profiler_record *record)
{
	return document_build(write_document, record, record->out);
}
