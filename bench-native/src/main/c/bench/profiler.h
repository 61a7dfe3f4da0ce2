/*
 * --matrix profiler: what the modify ioctl means for a watchpoint-based tool's overhead.
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
 *   profiler.c            options, scenarios, rounds, premise checks, progress
 *   profiler_tool.c       the tool: sampler, watchpoint slots, the two signal handlers
 *   profiler_workloads.c  the workloads (hash-table updates, a streaming pass, a pointer chase)
 *   profiler_output.c     the profiler's entries in native.json
 */
#ifndef PERFBP_PROFILER_H
#define PERFBP_PROFILER_H

#include "bench.h"
#include "json.h"

#include <stdatomic.h>

enum profiler_workload { WORKLOAD_HASH, WORKLOAD_STREAM, WORKLOAD_CHASE, NR_WORKLOADS };

/*
 * How the tool arms and disarms its watchpoints. TOOL_NONE: the workload alone; TOOL_SAMPLER:
 * the tool's sampler and handler, never arming (what sampling alone costs).
 */
enum tool_strategy { TOOL_NONE, TOOL_SAMPLER, TOOL_REOPEN, TOOL_MODIFY, NR_TOOL_STRATEGIES };

#define PROFILER_MAX_RATE 100000 /* the kernel's hrtimer for task-clock fires at most every 10 us */
#define PROFILER_MAX_MEMBERS (1 + 3 * MAX_VALUES)

const char *workload_name(enum profiler_workload workload);
const char *tool_strategy_name(enum tool_strategy strategy);

/* ---- profiler.c: options and the plan ---- */

/* The OPT_PROFILER rows of options.c's table. */
enum profiler_option { PROFILER_OPT_WORKLOAD, PROFILER_OPT_RATE, PROFILER_OPT_WORK };

/* What a profiler option sets; called by options.c for the OPT_PROFILER rows of its table. */
int profiler_parse_option(int target, const char *name, const char *value, struct profiler_options *po);
const char *profiler_option_valid(int target);
void profiler_help(FILE *out);

/* One run of the workload: no tool, or the tool with a strategy at a rate. */
struct profiler_member {
	enum tool_strategy strategy;
	int rate; /* samples per second of CPU time; 0 for TOOL_NONE */
};

struct profiler_plan {
	bool enabled; /* --matrix names profiler */
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

/* Checks the options against the matrix and the machine; -1 after one line (EXIT_USAGE). */
int profiler_plan_make(const struct options *opts, const struct env *env, struct profiler_plan *plan);
void profiler_plan_print(const struct profiler_plan *plan, FILE *out);

/* ---- profiler_workloads.c ---- */

struct chase_node;

struct workload_state {
	enum profiler_workload kind;
	uint64_t *table; /* hash */
	size_t table_mask;
	uint64_t *src, *dst; /* stream */
	size_t stream_len;
	size_t stream_at;
	uint64_t pass;
	struct chase_node *nodes; /* chase */
	size_t node_count;
	struct chase_node *cursor;
	uint64_t rng;
	uint64_t sink; /* what the loads add up to, so the compiler keeps them */
};

int workload_create(struct workload_state *w, enum profiler_workload kind);
void workload_destroy(struct workload_state *w);
/*
 * Makes `accesses` memory accesses of the workload's pattern and publishes, as it goes, the
 * address of one it just made to *recent: the tool's stand-in for the data address a
 * memory-sampling PMU event records (the no-tool runs publish too, so the code timed is the same).
 */
void workload_step(struct workload_state *w, uint64_t accesses, _Atomic uintptr_t *recent);
/* Accesses that take about `ms` milliseconds of this thread's CPU time here, measured; 0 if the clock says nothing. */
uint64_t workload_calibrate(struct workload_state *w, long ms, _Atomic uintptr_t *recent);
/* What a watched word's change on its first access means in this workload, for the JSON. */
const char *workload_description(enum profiler_workload kind);

/* ---- profiler_tool.c ---- */

enum tool_phase {
	TOOL_PHASE_OPEN,
	TOOL_PHASE_FCNTL,
	TOOL_PHASE_MMAP,
	TOOL_PHASE_MUNMAP,
	TOOL_PHASE_CLOSE,
	TOOL_PHASE_MODIFY,
	TOOL_PHASE_DISABLE,
	TOOL_PHASE_DRAIN, /* reading a watchpoint's ring (the trap's sample) */
	NR_TOOL_PHASES
};

const char *tool_phase_name(enum tool_phase phase);

/* Everything one round of the tool counted: the premise is checked on these. */
struct tool_counts {
	uint64_t samples;	     /* sampler signals handled */
	uint64_t sampler_records;    /* PERF_RECORD_SAMPLEs in the sampler's ring */
	uint64_t sampler_other;	     /* anything else there (THROTTLE, LOST) */
	uint64_t skipped_no_address; /* the workload had published no address yet */
	uint64_t skipped_duplicate;  /* a slot already watches that word */
	uint64_t skipped_reservoir;  /* every slot busy and the draw kept them */
	uint64_t skipped_failed;     /* the tool had stopped after a refused call */
	uint64_t sampler_only;	     /* strategy sampler: the sample was taken, nothing armed */
	uint64_t armed_free;	     /* armed in a free slot */
	uint64_t replaced;	     /* armed in a busy slot, evicting its watchpoint */
	uint64_t evicted_trapped;    /* evicted watchpoints whose ring held a trap not yet handled */
	uint64_t trap_signals;	     /* trap handler runs */
	uint64_t traps_handled;	     /* trap samples the trap handler found */
	uint64_t traps_at_replace;   /* trap samples found when evicting */
	uint64_t traps_at_end;	     /* trap samples found at teardown */
	uint64_t disarmed_on_trap;   /* trap handler runs that found a trap and disarmed */
	uint64_t late_signals;	     /* trap handler runs that found no trap: it was counted when evicting */
	uint64_t value_changed;	     /* the trapping access left a different value in the word */
	uint64_t value_unchanged;
	uint64_t armed_at_end;
	uint64_t watch_other;	     /* records other than samples in watchpoint rings */
	uint64_t stray_signals;	     /* a tool signal for no fd of the tool */
	uint64_t sampled_cpu_ns;     /* the sampler's task-clock count while enabled */
	uint64_t sampler_handler_ns; /* wall time inside the sampler handler */
	uint64_t trap_handler_ns;    /* wall time inside the trap handler */
	uint64_t phase_ns[NR_TOOL_PHASES];
	uint64_t phase_calls[NR_TOOL_PHASES];
};

/* A call the kernel refused inside a handler, kept until the round ends (handlers cannot print). */
struct tool_failure {
	const char *call;
	int err;
};

struct tool;

/* Installs the two handlers (once per profiler run); -1 with errno. restore puts the old ones back. */
int tool_signals_install(void);
void tool_signals_restore(void);
/* Signals that reached a handler while no tool ran, since install. */
uint64_t tool_stray_signals(void);

/*
 * One round under the tool: open the sampler (and, for modify, the slots, disabled), then
 * time: enable, the workload, disable; then settle pending signals and tear down. Fills
 * counts; returns -1 with failure set if the kernel refused something (before or during).
 */
int tool_round(enum tool_strategy strategy, int rate, int slots, struct workload_state *w, uint64_t accesses,
	       _Atomic uintptr_t *recent, uint64_t seed, uint64_t *wall_ns, uint64_t *cpu_ns,
	       struct tool_counts *counts, struct tool_failure *failure);

/* Whether this machine has a hardware PMU (the VM the suite was built on has none). */
void tool_probe_hardware_pmu(struct capability *pmu);

/* ---- profiler.c: running ---- */

struct profiler_result {
	enum profiler_workload workload;
	struct profiler_member member;
	uint64_t accesses;
	double *ns_per_op;	/* [rounds] wall ns per access */
	double *wall_ns;	/* [rounds] */
	double *cpu_ns;		/* [rounds] thread CPU time */
	struct tool_counts *round_counts; /* [rounds] */
	struct tool_counts totals;	  /* over measured rounds */
	struct tool_counts warmup_totals; /* over warm-up rounds (checked too, not reported per round) */
};

struct profiler_results {
	const struct profiler_plan *plan;
	struct profiler_result *results; /* [nworkloads * nmembers] */
	int count;
	uint64_t seed;
};

/* Runs every workload's rounds; 0, or -1 after printing why (EXIT_FAILED), -2 (EXIT_KERNEL). */
int profiler_run(const struct profiler_plan *plan, const struct env *env, struct profiler_results *out);
void profiler_results_free(struct profiler_results *r);

/* ---- profiler_output.c ---- */

/* The profiler's top-level block (how it measured) and its entries in the results array. */
void profiler_write_block(struct json *j, const struct profiler_results *r);
void profiler_write_results(struct json *j, const struct profiler_results *r);

#endif
