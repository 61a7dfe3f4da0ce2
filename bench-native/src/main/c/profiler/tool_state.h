/*
 * The tool's state, shared by its handlers (tool.c) and its rounds (tool_round.c): the slots,
 * the sampler, the counts, and the one pointer through which a signal handler finds them.
 */
#ifndef PERFBP_PROFILER_TOOL_STATE_H
#define PERFBP_PROFILER_TOOL_STATE_H

#include "tool.h"

#include "../core/advice.h"
#include "../core/scenario.h"
#include "../core/strategy.h"

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define TRAP_SIGNAL (SIGRTMIN + 4)
#define SAMPLER_SIGNAL (SIGRTMIN + 5)

struct tool_slot {
	struct watchpoint wp; /* armed, moved and disarmed by core/strategy.c, as perfbp-bench moves times it */
	bool armed;
	uintptr_t addr;
	uint64_t value; /* the watched word when it was armed */
};

struct tool {
	enum tool_strategy strategy;
	int nslots;
	struct tool_slot slots[MAX_SLOTS];
	struct watchpoint sampler; /* a task-clock event with a ring, opened by the same code */
	struct arm_context sampler_ctx;
	struct arm_context slot_ctx;
	_Atomic uintptr_t *recent;
	uint64_t rng;
	uint64_t since_full; /* k: samples since every slot became busy */
	uint64_t parked;     /* where modify's slots point while disabled: a word of the tool's own */
	struct tool_counts counts;
	struct tool_failure failure;
	bool failed;
};

/*
 * The handlers' way to their tool: signal handlers take no argument, so the round's tool is
 * published here (and NULL between rounds). With tool_strays, the only mutable globals here.
 */
extern struct tool *volatile tool_active;
extern volatile uint64_t tool_strays;

static inline uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts); /* async-signal-safe; cannot fail for this clock */
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline uint64_t lap(struct tool *t, enum tool_phase phase, uint64_t since)
{
	uint64_t now = now_ns();

	t->counts.phase_ns[phase] += now - since;
	t->counts.phase_calls[phase]++;
	return now;
}

/* The first call the kernel refused this round (the round then fails with it; handlers cannot print). */
void tool_refuse(struct tool *t, const char *call, int err);
/* The samples an event's ring holds since the last read (others added to *other); the space handed back. */
uint64_t tool_ring_take(struct watchpoint *e, uint64_t *other);
/* The two handlers (tool.c). */
void tool_on_sample(int signo, siginfo_t *info, void *context);
void tool_on_trap(int signo, siginfo_t *info, void *context);

#endif
