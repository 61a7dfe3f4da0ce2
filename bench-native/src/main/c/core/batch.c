/*
 * One batch of moves: what a trapping op does, and the timed loop (the addresses are
 * core/address_pool.c's).
 *
 * One op moves one watchpoint (slot i mod k) to the next address of the pool; if the op is a
 * trapping one (every trapEvery-th), it then accesses that address once (store; X: call; R:
 * load) and drains the ring; with notify=sigtrap (no ring) it first tells the SIGTRAP handler
 * the tag that address's synchronous SIGTRAP must carry. The pool cycles over 64 addresses 8 bytes apart (8 cache lines),
 * so the k armed slots always watch k different addresses and no access trips two of them.
 *
 * The ring is drained after every trapping op in every strategy (ring_consume: count the
 * records, then data_tail = data_head): an undrained read-write ring fills after 170 samples
 * (one 4 KiB page of 24-byte samples) and the kernel drops every later one; wakeups (and on
 * some kernels the signals) stop with them. With one sample waiting the drain costs a few
 * loads and a store on pages the trap has just written.
 */
#include "batch.h"

#include "clock.h"
#include "sigtrap.h"



/* The one access of a trapping op, as wide as the watched range. */
static inline void access_watched(const struct address_pool *pool, uintptr_t addr, uint64_t value)
{
	if (pool->kind == BP_X) {
		((void (*)(void))addr)();
		return;
	}
	if (pool->kind == BP_R) {
		switch (pool->len) {
		case 1: (void)*(volatile uint8_t *)addr; break;
		case 2: (void)*(volatile uint16_t *)addr; break;
		case 4: (void)*(volatile uint32_t *)addr; break;
		default: (void)*(volatile uint64_t *)addr; break;
		}
		return;
	}
	switch (pool->len) {
	case 1: *(volatile uint8_t *)addr = (uint8_t)value; break;
	case 2: *(volatile uint16_t *)addr = (uint16_t)value; break;
	case 4: *(volatile uint32_t *)addr = (uint32_t)value; break;
	default: *(volatile uint64_t *)addr = value; break;
	}
}

int batch_arm(const struct batch_plan *plan, struct perf_failure *failure)
{
	int s;

	for (s = 0; s < plan->slots; s++) {
		watchpoint_init(&plan->wps[s], plan->pool->kind, plan->pool->len, pool_address(plan->pool, s));
		if (plan->tags_traps)
			watchpoint_send_sigtrap(&plan->wps[s]);
	}
	for (s = 0; s < plan->slots; s++)
		if (watchpoint_arm(&plan->wps[s], plan->ctx, failure) != 0)
			return -1;
	return 0;
}

int batch_run(const struct batch_plan *plan, struct phase_clock *clock, struct batch_timing *timing,
		 struct perf_failure *failure)
{
	const move_fn move = plan->strategy->move;
	const struct address_pool *pool = plan->pool;
	unsigned long next = plan->slots; /* slot s starts at address s; the first move goes past them all */
	long countdown = plan->trap_every;
	uint64_t expected = 0;
	int slot = 0;
	long i;

	timing->start_ns = monotonic_ns();
	for (i = 0; i < plan->iterations; i++) {
		struct watchpoint *wp = &plan->wps[slot];
		uintptr_t addr = pool_address(pool, next++);

		if (clock != NULL)
			clock->last = monotonic_ns();
		if (move(wp, plan->ctx, addr, clock, failure) != 0)
			return -1;
		if (countdown > 0 && --countdown == 0) {
			countdown = plan->trap_every;
			if (plan->tags_traps)
				sigtrap_expect(watchpoint_tag(addr));
			access_watched(pool, addr, (uint64_t)i);
			if (wp->ring != NULL)
				ring_consume(wp);
			expected++;
			phase_lap(clock, PHASE_TRAP);
		}
		if (++slot == plan->slots)
			slot = 0;
	}
	timing->end_ns = monotonic_ns();
	timing->traps_expected = expected;
	return 0;
}

int batch_check_liveness(const struct batch_plan *plan, struct liveness *out, struct perf_failure *failure)
{
	const struct address_pool *pool = plan->pool;
	int s;

	out->at_current = 0;
	out->at_previous = 0;
	for (s = 0; s < plan->slots; s++) {
		struct watchpoint *wp = &plan->wps[s];
		uintptr_t current = (uintptr_t)wp->attr.bp_addr;
		unsigned long index = 0, i;
		uint64_t before, after_previous, after_current;

		for (i = 0; i < POOL_ADDRESSES; i++)
			if (pool_address(pool, i) == current)
				index = i;
		/* Slot s moves through the pool every plan->slots addresses: the one before is the one it left. */
		uintptr_t previous = pool_address(pool, (index + POOL_ADDRESSES - (unsigned long)plan->slots) % POOL_ADDRESSES);

		if (watchpoint_count(wp, &before, failure) != 0)
			return -1;
		/* Both stores expect the current address's tag: a SIGTRAP from where the slot was
		 * carries that address's tag (if a move left it behind) and counts as a mismatch. */
		if (plan->tags_traps)
			sigtrap_expect(watchpoint_tag(current));
		access_watched(pool, previous, 1);
		if (watchpoint_count(wp, &after_previous, failure) != 0)
			return -1;
		access_watched(pool, current, 1);
		if (watchpoint_count(wp, &after_current, failure) != 0)
			return -1;
		out->at_previous += after_previous - before;
		out->at_current += after_current - after_previous;
		if (wp->ring != NULL)
			ring_consume(wp);
	}
	return 0;
}
