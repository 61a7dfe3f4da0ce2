/*
 * The profiler's workloads: three memory access patterns a watchpoint tool meets in real
 * programs, each a loop of accesses that publishes the address of one it just made (the
 * tool's stand-in for the data address a memory-sampling PMU event would record).
 *
 *   hash    updates to random buckets of a 256 KiB table: table[b] = table[b] * 31 + key
 *           (a load, then a store). A bucket comes back after ~32K updates:
 *           watchpoints trap soon and slots free up quickly.
 *   stream  dst[i] = src[i] + pass over two 8 MiB arrays, publishing once per cache line.
 *           dst is written and never read, and each pass writes a new value: the word
 *           comes back one pass later with a store that overwrites it unread, a dead
 *           store as DeadCraft reports it.
 *   chase   p = p->next through a random cycle of 2^20 nodes (64 MiB, one node per cache
 *           line): beyond any L3, so every access waits for DRAM, and a node is loaded again
 *           only after a whole lap of 2^20 loads: the tool's watchpoints rarely trap, its cost is
 *           sampling, arming and evicting. Read only: a trap is a load that leaves the word as it was.
 *
 * The data are sized to leave the caches where the pattern needs it (stream, chase) and to
 * fit in L2 where it does not (hash), and are touched once when built so no round pays for
 * page faults. (An 8 MiB chase, tried first, sat in the L3 a VM shares with its neighbours
 * and took 1x to 4x as long from round to round as they came and went.)
 */
#include "workloads.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HASH_BUCKETS (1u << 15)
#define STREAM_LEN (1u << 20)
#define STREAM_LINE 8 /* uint64_t per 64-byte cache line */
#define STREAM_MIN_PASSES 2 /* per round: see workload_calibrate */
#define CHASE_NODES (1u << 20)

struct chase_node {
	struct chase_node *next;
	uint64_t payload[7]; /* one node per cache line */
};

static const char *const workload_names[NR_WORKLOADS] = {
	[WORKLOAD_HASH] = "hash",
	[WORKLOAD_STREAM] = "stream",
	[WORKLOAD_CHASE] = "chase",
};

static const char *const workload_descriptions[NR_WORKLOADS] = {
	[WORKLOAD_HASH] = "updates to random buckets of a 256 KiB table (2^15 words): table[b] = table[b] * 31 + key, "
			  "a load then a store; the published address is the bucket just updated. A trap is the next "
			  "update's load (valueChanged 0 expected: the load traps before the store)",
	[WORKLOAD_STREAM] = "dst[i] = src[i] + pass over two 8 MiB arrays (2^20 words each), the address of the last word "
			    "of each cache line of dst published; dst is never read, so a trap is the next pass's store "
			    "overwriting the word unread (a dead store: valueChanged)",
	[WORKLOAD_CHASE] = "p = p->next through one random cycle of 2^20 nodes of 64 bytes (64 MiB, beyond the L3: every "
			   "access waits for DRAM); the published address is the next-pointer just loaded. A node comes "
			   "back only after a whole lap, so traps are rare; read only: a trap is a load (valueUnchanged)",
};

const char *workload_name(enum profiler_workload workload)
{
	return workload_names[workload];
}

const char *workload_description(enum profiler_workload kind)
{
	return workload_descriptions[kind];
}

static inline uint64_t xorshift64(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

static void *page_aligned(size_t bytes)
{
	void *p = aligned_alloc(4096, bytes);

	if (p != NULL)
		memset(p, 0, bytes); /* fault every page in now, not in a round */
	return p;
}

/* Sattolo's algorithm: a random permutation that is one cycle, so the chase visits every node. */
static void link_random_cycle(struct chase_node *nodes, size_t n, uint64_t *rng)
{
	uint32_t *order = malloc(n * sizeof(*order));
	size_t i;

	if (order == NULL) {
		for (i = 0; i < n; i++) /* out of memory for the shuffle only: a sequential cycle still works */
			nodes[i].next = &nodes[(i + 1) % n];
		return;
	}
	for (i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	for (i = n - 1; i > 0; i--) {
		size_t j = xorshift64(rng) % i;
		uint32_t t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < n; i++)
		nodes[order[i]].next = &nodes[order[(i + 1) % n]];
	free(order);
}

int workload_create(struct workload_state *w, enum profiler_workload kind)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	w->kind = kind;
	w->rng = 0x9e3779b97f4a7c15ull;
	switch (kind) {
	case WORKLOAD_HASH:
		w->table = page_aligned(HASH_BUCKETS * sizeof(uint64_t));
		w->table_mask = HASH_BUCKETS - 1;
		return w->table != NULL ? 0 : -1;
	case WORKLOAD_STREAM:
		w->src = page_aligned(STREAM_LEN * sizeof(uint64_t));
		w->dst = page_aligned(STREAM_LEN * sizeof(uint64_t));
		w->stream_len = STREAM_LEN;
		if (w->src == NULL || w->dst == NULL)
			return -1;
		for (i = 0; i < STREAM_LEN; i++)
			w->src[i] = i * 2654435761u;
		return 0;
	case WORKLOAD_CHASE:
		w->nodes = page_aligned(CHASE_NODES * sizeof(struct chase_node));
		w->node_count = CHASE_NODES;
		if (w->nodes == NULL)
			return -1;
		link_random_cycle(w->nodes, CHASE_NODES, &w->rng);
		for (i = 0; i < CHASE_NODES; i++)
			w->nodes[i].payload[0] = i;
		w->cursor = &w->nodes[0];
		return 0;
	default:
		errno = EINVAL;
		return -1;
	}
}

void workload_destroy(struct workload_state *w)
{
	free(w->table);
	free(w->src);
	free(w->dst);
	free(w->nodes);
	memset(w, 0, sizeof(*w));
}

static inline void publish(_Atomic uintptr_t *recent, const void *address)
{
	/* Read by the sampler's signal handler on this same thread: a relaxed store is enough. */
	atomic_store_explicit(recent, (uintptr_t)address, memory_order_relaxed);
}

static void hash_step(struct workload_state *w, uint64_t accesses, _Atomic uintptr_t *recent)
{
	uint64_t *table = w->table;
	uint64_t rng = w->rng;
	uint64_t i;

	for (i = 0; i < accesses; i++) {
		uint64_t key = xorshift64(&rng);
		uint64_t *bucket = &table[(key * 0x9e3779b97f4a7c15ull) >> 49 & w->table_mask];

		*bucket = *bucket * 31 + key;
		publish(recent, bucket);
	}
	w->rng = rng;
}

/* Whole cache lines: accesses are rounded up to a multiple of STREAM_LINE by the caller. */
static void stream_step(struct workload_state *w, uint64_t accesses, _Atomic uintptr_t *recent)
{
	const uint64_t *src = w->src;
	uint64_t *dst = w->dst;
	size_t at = w->stream_at;
	uint64_t pass = w->pass;
	uint64_t done;

	for (done = 0; done < accesses; done += STREAM_LINE) {
		int k;

		for (k = 0; k < STREAM_LINE; k++)
			dst[at + k] = src[at + k] + pass;
		publish(recent, &dst[at + STREAM_LINE - 1]);
		at += STREAM_LINE;
		if (at == w->stream_len) {
			at = 0;
			pass++;
		}
	}
	w->stream_at = at;
	w->pass = pass;
}

static void chase_step(struct workload_state *w, uint64_t accesses, _Atomic uintptr_t *recent)
{
	struct chase_node *p = w->cursor;
	uint64_t sum = 0;
	uint64_t i;

	for (i = 0; i < accesses; i++) {
		struct chase_node *loaded = p;

		p = loaded->next;
		publish(recent, &loaded->next);
		sum += p->payload[0];
	}
	w->cursor = p;
	w->sink += sum;
}

void workload_step(struct workload_state *w, uint64_t accesses, _Atomic uintptr_t *recent)
{
	switch (w->kind) {
	case WORKLOAD_HASH:
		hash_step(w, accesses, recent);
		break;
	case WORKLOAD_STREAM:
		stream_step(w, accesses, recent);
		break;
	case WORKLOAD_CHASE:
		chase_step(w, accesses, recent);
		break;
	default:
		break;
	}
}

/* CPU time, not the wall clock: on a shared machine the wall clock also counts other processes' turns. */
static uint64_t cpu_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t workload_calibrate(struct workload_state *w, long ms, _Atomic uintptr_t *recent)
{
	const uint64_t target_ns = (uint64_t)ms * 1000000ull;
	uint64_t accesses = 4096, elapsed = 0, best = UINT64_MAX;
	int repeat;

	/* Grow until one step takes a tenth of the target (at least 5 ms), then take the fastest of three. */
	while (accesses < (1ull << 40)) {
		uint64_t start = cpu_ns();

		workload_step(w, accesses, recent);
		elapsed = cpu_ns() - start;
		if (elapsed >= target_ns / 10 && elapsed >= 5000000ull)
			break;
		accesses *= 2;
	}
	for (repeat = 0; repeat < 3; repeat++) {
		uint64_t start = cpu_ns();

		workload_step(w, accesses, recent);
		elapsed = cpu_ns() - start;
		if (elapsed < best)
			best = elapsed;
	}
	if (best == 0)
		return 0;
	accesses = (uint64_t)((double)accesses * (double)target_ns / (double)best);
	accesses = (accesses + STREAM_LINE - 1) / STREAM_LINE * STREAM_LINE;
	/*
	 * stream's trap is the next pass's store over a word armed in this one: a round shorter than
	 * two passes (a tiny --work, or a slow or emulated CPU) could never trap. On a CPU a pass is
	 * well under a millisecond, so this floor binds only there.
	 */
	if (w->kind == WORKLOAD_STREAM && accesses < STREAM_MIN_PASSES * (uint64_t)STREAM_LEN)
		accesses = STREAM_MIN_PASSES * (uint64_t)STREAM_LEN;
	return accesses > 0 ? accesses : STREAM_LINE;
}
