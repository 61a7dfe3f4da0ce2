/*
 * perfbp-bench profiler: what the modify ioctl means for a
 * watchpoint-based tool's overhead.
 *
 * A model of the tools that motivated the ioctl (Witch's DeadCraft, Feather, HPCToolkit): a
 * workload with a real memory access pattern runs a fixed amount of work, once with no tool
 * and once under a tool whose sampler, at every sample, arms a hardware watchpoint on an
 * address the workload touched recently, and whose trap handler records what the watched
 * word saw and disarms it. The tool arms, replaces and disarms either the old way (reopen:
 * perf_event_open + fcntl x4 + mmap, and munmap + close) or with the ioctl (modify:
 * MODIFY_ATTRIBUTES with disabled=0, and IOC_DISABLE). The slowdown of the workload per
 * strategy and sampling rate is the answer to "how much slower is my program under the tool".
 *
 *   command.c    parse, probe, plan, dry run or run, write
 *   options.c    its options                            help.c     its --help: how the tool works
 *   plan.c       workloads x runs, checked on this machine
 *   runner.c     rounds, premise checks, progress       tool.c     sampler, watchpoint slots, the two handlers
 *   workloads.c  hash-table updates, a streaming pass, a pointer chase
 *   output.c     the profiler's block and entries in native.json
 */
#ifndef PERFBP_PLAN_H
#define PERFBP_PLAN_H

#include "options.h"
#include "tool.h"
#include "workloads.h"

#include "../core/env.h"
#include "../core/scenario.h"

#include <stdbool.h>
#include <stdio.h>

#define PROFILER_MAX_MEMBERS (1 + 3 * MAX_VALUES)

/* One run of the workload: no tool, or the tool with a strategy at a rate. */
struct profiler_member {
	enum tool_strategy strategy;
	int rate; /* samples per second of CPU time; 0 for TOOL_NONE */
};

struct profiler_plan {
	int workloads[NR_WORKLOADS];
	int nworkloads;
	struct profiler_member members[PROFILER_MAX_MEMBERS];
	int nmembers; /* none first, then per rate: sampler, reopen, modify */
	long work_ms;
	long rounds;
	long warmup;
	int slots;
	long max_sample_rate; /* kernel.perf_event_max_sample_rate, UNKNOWN_NUMBER if unreadable */
	struct capability hardware_pmu;
};

/*
 * The plan for these options on this machine (--strategy count 0: reopen and modify).
 * 0; -1 after one line (EXIT_USAGE); -2 after the kernel's refusal (EXIT_KERNEL).
 */
int profiler_plan_make(const struct profiler_options *po, const struct env *env, struct profiler_plan *plan);
void profiler_plan_print(const struct profiler_plan *plan, FILE *out);

#endif
