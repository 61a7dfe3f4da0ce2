/*
 * The workload: where the watchpoints point, what a trapping op does, and the timed loop.
 *
 * One op moves one watchpoint (slot i mod k) to the next address of the pool; if the op is a
 * trapping one (every trapEvery-th), it then accesses that address once (store; X: call; R:
 * load) and drains the ring. The pool cycles over 64 addresses 8 bytes apart (8 cache lines),
 * so the k armed slots always watch k different addresses and no access trips two of them.
 *
 * The ring is drained after every trapping op in every strategy (ring_consume: count the
 * records, then data_tail = data_head): an undrained read-write ring fills after 170 samples
 * (one 4 KiB page of 24-byte samples) and the kernel drops every later one; wakeups (and on
 * some kernels the signals) stop with them. With one sample waiting the drain costs a few
 * loads and a store on pages the trap has just written.
 */
#include "bench.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

uint64_t monotonic_ns(void)
{
	struct timespec ts;

	/* Cannot fail for CLOCK_MONOTONIC; if it ever does, no figure could be trusted. */
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
		perror("perfbp-bench: clock_gettime(CLOCK_MONOTONIC)");
		abort();
	}
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

bool pool_supports_execute(void)
{
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
	return true;
#else
	return false;
#endif
}

/* A page of one-instruction functions (return), one at each pool address, for X watchpoints. */
static int build_code_pool(struct address_pool *pool, size_t page_size)
{
	unsigned char *code = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int i;

	if (code == MAP_FAILED)
		return -1;
#if defined(__x86_64__) || defined(__i386__)
	memset(code, 0xcc, page_size); /* int3 between the functions: a stray jump faults loudly */
	for (i = 0; i < POOL_ADDRESSES; i++)
		code[i * POOL_STRIDE] = 0xc3; /* ret */
#elif defined(__aarch64__)
	for (i = 0; i < POOL_ADDRESSES; i++) {
		const uint32_t ret = 0xd65f03c0;

		memcpy(code + i * POOL_STRIDE, &ret, sizeof(ret));
	}
	__builtin___clear_cache((char *)code, (char *)code + page_size);
#else
	(void)i;
	(void)munmap(code, page_size);
	errno = ENOTSUP;
	return -1;
#endif
	if (mprotect(code, page_size, PROT_READ | PROT_EXEC) != 0) {
		int err = errno;

		(void)munmap(code, page_size);
		errno = err;
		return -1;
	}
	pool->code = code;
	pool->code_len = page_size;
	return 0;
}

int pool_create(struct address_pool *pool, enum bp_kind kind, int len, size_t page_size)
{
	memset(pool, 0, sizeof(*pool));
	pool->kind = kind;
	pool->len = len;
	if (kind == BP_X)
		return build_code_pool(pool, page_size);
	/* Page-aligned and page-sized: nothing else of the harness lives beside the watched bytes. */
	pool->data = aligned_alloc(page_size, page_size);
	if (pool->data == NULL)
		return -1;
	memset(pool->data, 0, page_size);
	return 0;
}

void pool_destroy(struct address_pool *pool)
{
	free(pool->data);
	pool->data = NULL;
	if (pool->code != NULL && munmap(pool->code, pool->code_len) != 0)
		perror("perfbp-bench: munmap(code pool)");
	pool->code = NULL;
}

uintptr_t pool_address(const struct address_pool *pool, unsigned long index)
{
	unsigned char *base = pool->kind == BP_X ? pool->code : pool->data;

	return (uintptr_t)(base + (index % POOL_ADDRESSES) * POOL_STRIDE);
}

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

int workload_arm(const struct batch_plan *plan, struct perf_failure *failure)
{
	int s;

	for (s = 0; s < plan->slots; s++)
		watchpoint_init(&plan->wps[s], plan->pool->kind, plan->pool->len, pool_address(plan->pool, s));
	for (s = 0; s < plan->slots; s++)
		if (watchpoint_arm(&plan->wps[s], plan->ctx, failure) != 0)
			return -1;
	return 0;
}

int workload_run(const struct batch_plan *plan, struct phase_clock *clock, struct batch_timing *timing,
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
			access_watched(pool, addr, (uint64_t)i);
			if (wp->ring != NULL)
				ring_consume(wp);
			wp->trapped = true;
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
