/* The workloads the profiler slows down: hash-table updates, a streaming pass, a pointer chase (workloads.c). */
#ifndef PERFBP_WORKLOADS_H
#define PERFBP_WORKLOADS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

enum profiler_workload { WORKLOAD_HASH, WORKLOAD_STREAM, WORKLOAD_CHASE, NR_WORKLOADS };

const char *workload_name(enum profiler_workload workload);

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

#endif
