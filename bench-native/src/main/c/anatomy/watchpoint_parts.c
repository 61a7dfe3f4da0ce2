/*
 * The watchpoint parts of a trap, one perf configuration each, added one piece at a time:
 *
 *   count        a counting watchpoint (sample_period 0): the debug exception and a counter
 *   ring         sample_period 1, IP|ADDR samples into a 1-page ring, wakeup_events 0
 *   ring-wakeup  the same with wakeup_events 1: every sample queues a wakeup (irq_work)
 *   ring-signal  the same plus O_ASYNC + F_SETSIG + F_SETOWN_EX: a signal per trap
 *   sigtrap      attr.sigtrap (5.13+): a synchronous SIGTRAP carrying sig_data, no ring
 *
 * Each part arms two identical watchpoints: one on the byte the loop stores to (the trapping
 * loop) and one on a byte in another cache line (the plain loop), so the two loops run the
 * same instructions, drain rings alike, and differ only by the trap.
 */
#include "anatomy.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { COUNT, RING, RING_WAKEUP, RING_SIGNAL, SIGTRAP_PART };

/* perf_event_header + ip + addr: what one trap writes into the ring. */
#define SAMPLE_BYTES 24
#define SIGNAL_WAIT_NS 500e6

struct armed {
	int fd;
	struct perf_event_mmap_page *meta; /* NULL without a ring */
	size_t ring_length;
	volatile char *cell;
};

struct pair {
	int config;
	struct armed on, off;
};

/* Two bytes a cache line apart: the trapping loop stores to cells[0], the plain one too, while
 * its watchpoint sits on cells[64]. */
static volatile char cells[128] __attribute__((aligned(64)));

static void disarm(struct armed *a)
{
	if (a->meta != NULL)
		munmap(a->meta, a->ring_length);
	if (a->fd >= 0)
		close(a->fd);
	a->meta = NULL;
	a->fd = -1;
}

static int arm(int config, volatile char *watched, struct armed *a, char *why, int why_size)
{
	struct perf_event_attr attr;
	long page = sysconf(_SC_PAGESIZE);

	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_BREAKPOINT;
	attr.size = sizeof(attr);
	attr.bp_type = HW_BREAKPOINT_W;
	attr.bp_addr = (uintptr_t)watched;
	attr.bp_len = HW_BREAKPOINT_LEN_1;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	if (config != COUNT) {
		attr.sample_period = 1;
		attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_ADDR;
	}
	if (config == RING_WAKEUP || config == RING_SIGNAL)
		attr.wakeup_events = 1;
	if (config == SIGTRAP_PART) {
		attr.sigtrap = 1;
		attr.remove_on_exec = 1;
		attr.sig_data = (uintptr_t)watched;
	}
	a->fd = (int)syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
	a->meta = NULL;
	a->cell = watched;
	if (a->fd < 0) {
		int err = errno;

		snprintf(why, (size_t)why_size, "perf_event_open refused this configuration: %s%s", strerror(err),
			 config == SIGTRAP_PART && err == EINVAL ? " (attr.sigtrap needs Linux 5.13 or newer)" : "");
		return -1;
	}
	if (config == RING || config == RING_WAKEUP || config == RING_SIGNAL) {
		a->ring_length = (size_t)page * 2;
		void *ring = mmap(NULL, a->ring_length, PROT_READ | PROT_WRITE, MAP_SHARED, a->fd, 0);

		if (ring == MAP_FAILED) {
			snprintf(why, (size_t)why_size, "mmap of a 1-page ring failed: %s", strerror(errno));
			disarm(a);
			return -1;
		}
		a->meta = ring;
	}
	if (config == RING_SIGNAL) {
		struct f_owner_ex owner = { .type = F_OWNER_TID, .pid = (pid_t)syscall(SYS_gettid) };

		if (fcntl(a->fd, F_SETFL, O_ASYNC) != 0 || fcntl(a->fd, F_SETSIG, anatomy_rt_signal()) != 0 ||
		    fcntl(a->fd, F_SETOWN_EX, &owner) != 0) {
			snprintf(why, (size_t)why_size, "fcntl for the O_ASYNC signal failed: %s", strerror(errno));
			disarm(a);
			return -1;
		}
	}
	return 0;
}

static void *prepare(const struct anatomy_part *part, char *why, int why_size)
{
	struct pair *p = calloc(1, sizeof(*p));

	if (p == NULL) {
		snprintf(why, (size_t)why_size, "out of memory");
		return NULL;
	}
	p->config = part->config;
	p->on.fd = p->off.fd = -1;
	if (arm(part->config, &cells[0], &p->on, why, why_size) != 0 ||
	    arm(part->config, &cells[64], &p->off, why, why_size) != 0) {
		disarm(&p->on);
		free(p);
		return NULL;
	}
	return p;
}

static long long read_counter(int fd)
{
	long long count = -1;

	if (read(fd, &count, sizeof(count)) != (ssize_t)sizeof(count))
		return -1;
	return count;
}

static long long ring_head(const struct armed *a)
{
	return a->meta == NULL ? 0 : (long long)__atomic_load_n(&a->meta->data_head, __ATOMIC_ACQUIRE);
}

static long long wait_for(long long (*now_count)(void), long long target)
{
	double deadline = anatomy_now_ns() + SIGNAL_WAIT_NS;
	long long seen = now_count();

	while (seen < target && anatomy_now_ns() < deadline)
		seen = now_count();
	return seen;
}

static long long rt_now(void)
{
	struct trap_counts c;

	trap_counts_read(&c);
	return c.rt;
}

static long long perf_now(void)
{
	struct trap_counts c;

	trap_counts_read(&c);
	return c.perf;
}

static int run(void *state, bool trapping, long ops, struct loop_run *out, char *why, int why_size)
{
	struct pair *p = state;
	struct armed *a = trapping ? &p->on : &p->off;
	struct perf_event_mmap_page *meta = a->meta;
	struct trap_counts before, after;
	long long counter = read_counter(a->fd), head = ring_head(a);
	double start;
	long i;

	if (counter < 0) {
		snprintf(why, (size_t)why_size, "reading the watchpoint's counter failed: %s", strerror(errno));
		return -1;
	}
	trap_expect_tag((unsigned long)(uintptr_t)a->cell);
	trap_counts_read(&before);
	start = anatomy_now_ns();
	for (i = 0; i < ops; i++) {
		cells[0] = (char)i;
		if (meta != NULL) {
			/* Keep the ring drained, as a tool does: a full ring stops taking samples. */
			uint64_t h = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE);

			__atomic_store_n(&meta->data_tail, h, __ATOMIC_RELEASE);
		}
	}
	out->ns = anatomy_now_ns() - start;
	out->expected = trapping ? ops : 0;
	if (p->config == RING_SIGNAL)
		wait_for(rt_now, before.rt + out->expected);
	if (p->config == SIGTRAP_PART)
		wait_for(perf_now, before.perf + out->expected);
	trap_counts_read(&after);
	switch (p->config) {
	case COUNT:
		out->observed = read_counter(a->fd) - counter;
		break;
	case RING:
	case RING_WAKEUP:
		out->observed = (ring_head(a) - head) / SAMPLE_BYTES;
		break;
	case RING_SIGNAL:
		out->observed = after.rt - before.rt;
		break;
	default:
		out->observed = after.perf - before.perf;
		out->tag_mismatches = after.tag_mismatches - before.tag_mismatches;
	}
	return 0;
}

static void finish(void *state)
{
	struct pair *p = state;

	disarm(&p->on);
	disarm(&p->off);
	free(p);
}

const struct anatomy_part watchpoint_parts[] = {
	{ "count", "watchpoint", COUNT, prepare, run, finish },
	{ "ring", "watchpoint", RING, prepare, run, finish },
	{ "ring-wakeup", "watchpoint", RING_WAKEUP, prepare, run, finish },
	{ "ring-signal", "watchpoint", RING_SIGNAL, prepare, run, finish },
	{ "sigtrap", "watchpoint", SIGTRAP_PART, prepare, run, finish },
};
const int nr_watchpoint_parts = sizeof(watchpoint_parts) / sizeof(watchpoint_parts[0]);
