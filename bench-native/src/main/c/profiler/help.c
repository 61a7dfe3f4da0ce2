/*
 * perfbp-bench profiler --help: its usage, its options (options.c) and the prose that says how
 * the tool works, which native.json keeps out of its data.
 */
#include "options.h"

#include "tool.h"
#include "workloads.h"

#include "../core/help_text.h"

#include <stdio.h>

/* What native.json's profiler block said in prose before it kept to data (issue 10). */
static const char *const how_it_works[][2] = {
	{ "slowdown", "tool / none: each workload makes a fixed number of accesses per round with no tool (strategy "
		      "none) and under the tool arming watchpoints by reopen or modify at each sampling rate" },
	{ "sampler", "perf task-clock software event, sample_period = 1e9/rate ns of the thread's CPU time, "
		     "exclude_kernel (a period that ends in the kernel gives no sample), a 1-page ring, O_ASYNC + "
		     "F_SETSIG SIGRTMIN+5 + F_SETOWN_EX to the thread; the handler takes the address the workload "
		     "published last (its stand-in for the PMU's data address), aligned to 8 bytes" },
	{ "watchpoints", "RW, 8 bytes, sample_period 1, sample_type IP|ADDR, a 1-page ring, O_ASYNC + F_SETSIG "
			 "SIGRTMIN+4 + F_SETOWN_EX; a trap's signal names its slot by si_fd; the handler reads the "
			 "ring, disarms, and records whether the word changed since it was armed" },
	{ "slot policy", "a free debug register first; a word already watched is skipped; when every slot is busy, "
			 "the k-th sample since they all became busy replaces a uniformly drawn slot with "
			 "probability 1/(1+k) (reservoir-style); k restarts when a trap frees a slot" },
	{ "signal safety", "all of the tool's work runs in its two signal handlers, both signals blocked in either: "
			   "system calls only (perf_event_open, fcntl, ioctl, mmap, munmap, close, clock_gettime), "
			   "no malloc, no stdio, errno saved" },
	{ "timer", "per round, CLOCK_MONOTONIC (wallNs) and CLOCK_THREAD_CPUTIME_ID (cpuNs) around: enable the "
		   "sampler, the workload's accesses, disable the sampler; opening the sampler (and modify's slots) "
		   "before and the teardown after are not timed. nsPerOp = wallNs / accesses" },
	{ "handler timing", "samplerHandlerNs and trapHandlerNs: CLOCK_MONOTONIC at entry and exit of each handler "
			    "(two clock reads per signal, paid by both tool strategies); what is not inside a handler "
			    "is signal delivery, the debug exception, the sampler's interrupt and the workload's lost "
			    "cache state" },
	{ "parts", "measured in the same run for the analysis's prediction: before the workloads, a signal's "
		   "delivery to a handler (tgkill to this thread, an empty handler; CPU ns per signal, 1000 "
		   "signals a round, --rounds rounds: profiler.signalReference); after every round of every run, "
		   "the workload with no tool for 1/16 of the round's accesses (afterRound: its CPU time per "
		   "round), so the time after a tool round against after the no-tool round is the cache and TLB "
		   "state the tool left" },
	{ "premise", "checked after every round, warm-up included, or the run stops and writes nothing: samples "
		     "(sampler signals, one decision each) = armed free + replaced + skipped (no address, duplicate, "
		     "reservoir); sampler ring records >= sampler signals (mergedSamples: two samples the kernel raised "
		     "before it could send the first one's signal), none throttled or lost; trap signals = trap samples "
		     "in the watchpoint rings (handled + found when evicting + found at teardown); arms into free slots "
		     "= traps that disarmed + armed at the end; classified = disarmed; no stray signals; the no-tool "
		     "rounds count nothing" },
	{ "bare metal", "a memory-sampling PMU event (Intel PEBS load/store events, AMD IBS op sampling) would drive "
			"the sampler and give each sample's data address" },
};

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


static void how_it_measures(FILE *out)
{
	int i;

	fprintf(out, "HOW IT MEASURES\n");
	fprintf(out,
		"  A watchpoint tool's overhead on a workload, as Witch (DeadCraft), Feather and HPCToolkit\n"
		"  work. A workload (--workload) makes a fixed number of accesses per round (--work: the count\n"
		"  that takes that long here without the tool, calibrated once; stream makes at least two\n"
		"  passes, as its trap is the next pass's store). With strategy none it runs\n"
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
		"  no stray signals; the no-tool rounds count nothing.\n"
		"  In native.json: a top-level \"profiler\" block (slots, workMs, maxSampleRate, seed,\n"
		"  hardwarePmu: available, reason; signalReference) and, in results, {matrix: \"profiler\",\n"
		"  strategy: none|sampler|reopen|modify, workload, rate, accesses, nsPerOp, wallNs, cpuNs (per\n"
		"  round), afterRound, counts, countsPerRound, warmupCounts}.\n");
	fprintf(out, "\n  How the tool works:\n");
	for (i = 0; i < (int)(sizeof(how_it_works) / sizeof(how_it_works[0])); i++) {
		fprintf(out, "  %-16s", how_it_works[i][0]);
		help_wrap(out, how_it_works[i][1], 18, 100);
	}
	fprintf(out, "\n  What arming and disarming is, per strategy:\n");
	for (i = 0; i < NR_TOOL_STRATEGIES; i++) {
		fprintf(out, "  %-16s", tool_strategy_name(i));
		help_wrap(out, strategy_arming[i], 18, 100);
	}
	fprintf(out, "\n  The workloads:\n");
	for (i = 0; i < NR_WORKLOADS; i++) {
		fprintf(out, "  %-16s", workload_name(i));
		help_wrap(out, workload_description(i), 18, 100);
	}
}

void profiler_help(FILE *out)
{
	fprintf(out,
		"usage: perfbp-bench profiler [--strategy LIST] [--workload LIST] [--rate LIST] [--work MS]\n"
		"                             [--rounds N] [--warmup N] [--out FILE] [--dry-run] [--help]\n"
		"\n"
		"A watchpoint tool's overhead on workloads: each workload alone, under the tool's sampler\n"
		"alone, and under the tool arming watchpoints by reopen or by modify, at each rate; writes\n"
		"native.json.\n"
		"\n");
	profiler_help_options(out);
	fputc('\n', out);
	how_it_measures(out);
	fprintf(out,
		"\n"
		"OUTPUT\n"
		"  native.json: {\"harness\":\"native\", \"env\":{...}, \"command\":..., \"settings\":{...},\n"
		"  \"profiler\":{...}, \"results\":[one entry per workload and run, as above]}. Progress goes to\n"
		"  stderr.\n");
	help_exit_status(out);
}
