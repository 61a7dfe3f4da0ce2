/* Arming a watchpoint, reading its traps, and the strategies that move it (strategy.c). */
#ifndef PERFBP_STRATEGY_H
#define PERFBP_STRATEGY_H

#include "advice.h"
#include "phase_clock.h"
#include "scenario.h"

#include <linux/perf_event.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifndef PERF_EVENT_IOC_MODIFY_ATTRIBUTES
#define PERF_EVENT_IOC_MODIFY_ATTRIBUTES _IOW('$', 11, struct perf_event_attr *)
#endif

/* What every (re)open of a watchpoint needs besides its attr. */
struct arm_context {
	pid_t tid;	  /* signals go to this thread (F_SETOWN_EX, F_OWNER_TID) */
	int signo;	  /* 0: no fcntl (notify=none, or sigtrap, whose attr asks for its SIGTRAP) */
	int pages;	  /* ring data pages, 0: no ring */
	size_t page_size;
	bool read_per_fd; /* reopen reads each fd's counter before closing it (see moves/runner.c) */
};

/*
 * One watchpoint (or any perf event with a ring: the profiler's sampler is one) and how many traps the kernel reported for it since it was armed: samples
 * found in its rings (every strategy with a ring) and, where every fd's counter was read
 * (modify; reopen with read_per_fd), the counter.
 */
struct watchpoint {
	struct perf_event_attr attr;
	int fd;
	void *ring;
	size_t ring_len;
	unsigned char *ring_data;  /* the data pages after the metadata page */
	uint64_t ring_mask;	   /* data size - 1 (a power of two) */
	uint64_t samples;	   /* PERF_RECORD_SAMPLEs consumed from its rings */
	uint64_t other_records;	   /* anything else there (LOST, THROTTLE): a trap may be unrecorded */
	uint64_t counted;	   /* counter values read from fds already closed */
	bool counter_complete;	   /* no fd was closed without its counter being read */
};

/* What the kernel reported for a set of watchpoints at the end of a batch. */
struct trap_counts {
	uint64_t samples;
	uint64_t other_records;
	uint64_t counter;
	bool counter_complete;
};

/* Reads every record the kernel wrote since the last call and hands the space back
 * (data_tail = data_head): one load and one store when a single sample is waiting. */
static inline void ring_consume(struct watchpoint *wp)
{
	struct perf_event_mmap_page *meta = wp->ring;
	uint64_t head = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE);
	uint64_t tail = meta->data_tail;

	while (tail < head) {
		/* Records are 8-byte aligned and the data size a multiple of 8: a header never wraps. */
		const struct perf_event_header *header = (const void *)(wp->ring_data + (tail & wp->ring_mask));

		if (header->type == PERF_RECORD_SAMPLE)
			wp->samples++;
		else
			wp->other_records++;
		if (header->size == 0) {
			wp->other_records++;
			break;
		}
		tail += header->size;
	}
	__atomic_store_n(&meta->data_tail, head, __ATOMIC_RELEASE);
}

typedef int (*move_fn)(struct watchpoint *wp, const struct arm_context *ctx, uintptr_t addr,
		       struct phase_clock *clock, struct perf_failure *failure);

struct strategy_desc {
	const char *name;
	const char *help;
	bool maps_ring;	   /* false: the ring (pages) is not part of the strategy */
	bool needs_modify; /* needs PERF_EVENT_IOC_MODIFY_ATTRIBUTES (kernel 4.17+) */
	unsigned phases;   /* bit per enum phase reported in phasesNs; 0: no phase pass */
	move_fn move;
};

const struct strategy_desc *strategy_desc(enum strategy_id id);
void watchpoint_init(struct watchpoint *wp, enum bp_kind kind, int len, uintptr_t addr);

/* notify=sigtrap's sig_data for a watchpoint armed at addr: the address itself (the Java side's
 * SigtrapCell.tagOf), so no two watched bytes share a tag and a trap names where it was armed. */
static inline uint64_t watchpoint_tag(uintptr_t addr)
{
	return (uint64_t)addr;
}

/* Points the attr at addr (the next arm or move watches it); a sigtrap watchpoint's tag follows
 * it, so its next SIGTRAP names addr. */
void watchpoint_aim(struct watchpoint *wp, uintptr_t addr);

/* notify=sigtrap, before arming: every trap sends a synchronous SIGTRAP carrying the armed
 * address's tag (attr.sigtrap, Linux 5.13+, with the remove_on_exec it demands); every move
 * re-tags it, so modify then passes a new sig_data (Linux 5.17+). */
void watchpoint_send_sigtrap(struct watchpoint *wp);
int watchpoint_arm(struct watchpoint *wp, const struct arm_context *ctx, struct perf_failure *failure);
/* The same, lap by lap (open, fcntl, mmap) on clock. */
int watchpoint_arm_timed(struct watchpoint *wp, const struct arm_context *ctx, struct phase_clock *clock,
			 struct perf_failure *failure);
/* The live fd's counter: every trap of this event since it was opened. -1 with failure set. */
int watchpoint_count(const struct watchpoint *wp, uint64_t *count, struct perf_failure *failure);
/* Adds what the kernel reported for wp since arming (the open fd's ring and counter included). */
int watchpoint_traps(struct watchpoint *wp, struct trap_counts *counts, struct perf_failure *failure);
/* munmap and close whatever is open; safe on a watchpoint that never armed. */
int watchpoint_disarm(struct watchpoint *wp, struct perf_failure *failure);
/* The same, lap by lap (munmap, close) on clock. */
int watchpoint_disarm_timed(struct watchpoint *wp, struct phase_clock *clock, struct perf_failure *failure);
/* ioctl(PERF_EVENT_IOC_DISABLE): the event stays open and stops counting (lap: disable). */
int watchpoint_disable(struct watchpoint *wp, struct phase_clock *clock, struct perf_failure *failure);

/* Whether the ring holds records not consumed yet (a signal for them may still be on its way). */
static inline bool watchpoint_ring_pending(const struct watchpoint *wp)
{
	const struct perf_event_mmap_page *meta = wp->ring;

	return meta != NULL && __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE) != meta->data_tail;
}

#endif
