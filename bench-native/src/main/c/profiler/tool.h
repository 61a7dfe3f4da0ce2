/* The watchpoint tool: its sampler, its slots and its two signal handlers (tool.c). */
#ifndef PERFBP_TOOL_H
#define PERFBP_TOOL_H

#include "workloads.h"

#include "../core/env.h"

#include <stdatomic.h>
#include <stdint.h>

/*
 * How the tool arms and disarms its watchpoints. TOOL_NONE: the workload alone; TOOL_SAMPLER:
 * the tool's sampler and handler, never arming (what sampling alone costs).
 */
enum tool_strategy { TOOL_NONE, TOOL_SAMPLER, TOOL_REOPEN, TOOL_MODIFY, NR_TOOL_STRATEGIES };

const char *tool_strategy_name(enum tool_strategy strategy);

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


#endif
