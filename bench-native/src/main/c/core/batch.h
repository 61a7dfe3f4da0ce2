/* One batch of moves: arm the slots, then the timed loop (batch.c). */
#ifndef PERFBP_BATCH_H
#define PERFBP_BATCH_H

#include "address_pool.h"
#include "advice.h"
#include "phase_clock.h"
#include "strategy.h"

#include <stdbool.h>
#include <stdint.h>

struct batch_plan {
	const struct strategy_desc *strategy;
	const struct arm_context *ctx;
	const struct address_pool *pool;
	struct watchpoint *wps;
	int slots;
	long iterations;
	int trap_every;
	bool tags_traps; /* notify=sigtrap: tells the SIGTRAP handler the tag each trapping access must carry */
};

struct batch_timing {
	uint64_t start_ns;
	uint64_t end_ns;
	uint64_t traps_expected;
};

/* What the liveness stores after a batch made the live watchpoints count. */
struct liveness {
	uint64_t at_current;  /* must be one per slot */
	uint64_t at_previous; /* must be zero */
};

/* Arms plan->slots watchpoints at the pool's first addresses. -1 with failure set. */
int batch_arm(const struct batch_plan *plan, struct perf_failure *failure);
/* The timed loop: iterations ops, one clock pair around all of them (clock == NULL), or
 * phase by phase (clock != NULL, the separate phase pass). -1 with failure set. */
int batch_run(const struct batch_plan *plan, struct phase_clock *clock, struct batch_timing *timing,
	      struct perf_failure *failure);

/* After a batch, untimed: touches every slot once at the address its last move left (no trap
 * allowed) and once at the address it watches now (exactly one), counted by the live fd's
 * counter. A zero count proves nothing about a watchpoint that a move disarmed or left behind;
 * this does. -1 with failure set. */
int batch_check_liveness(const struct batch_plan *plan, struct liveness *out, struct perf_failure *failure);

#endif
