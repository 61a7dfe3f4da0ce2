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
 * same instructions, drain rings alike, and differ only by the trap. Only the loop's own
 * watchpoint is enabled while it runs: with both live, the plain loop's stores trapped on the
 * trapping loop's watchpoint (seen under QEMU's emulated debug registers: the plain loop cost
 * as much as the trapping one, and its samples landed in the next trapping round's ring).
 */
#include "anatomy.h"

#include "../core/advice.h"
#include "../core/clock.h"
#include "../core/strategy.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { COUNT, RING, RING_WAKEUP, RING_SIGNAL, SIGTRAP_PART };

#define SIGNAL_WAIT_NS 500e6

struct pair {
	int config;
	struct watchpoint on, off;
};

/* Two bytes a cache line apart: the trapping loop stores to cells[0], the plain one too, while
 * its watchpoint sits on cells[64]. */
static volatile char cells[128] __attribute__((aligned(64)));

/* core's watchpoint (sample_period 1, IP|ADDR, wakeup_events 1), changed as the part says. */
static int arm(int config, volatile char *watched, struct watchpoint *wp, char *why, int why_size)
{
	struct arm_context ctx = {
		.tid = (pid_t)syscall(SYS_gettid),
		.signo = config == RING_SIGNAL ? anatomy_rt_signal() : 0,
		.pages = config == RING || config == RING_WAKEUP || config == RING_SIGNAL ? 1 : 0,
		.page_size = (size_t)sysconf(_SC_PAGESIZE),
	};
	struct perf_failure failure = { 0 };

	watchpoint_init(wp, BP_W, 1, (uintptr_t)watched);
	if (config == COUNT) {
		wp->attr.sample_period = 0;
		wp->attr.sample_type = 0;
	}
	if (config == COUNT || config == RING || config == SIGTRAP_PART)
		wp->attr.wakeup_events = 0;
	if (config == SIGTRAP_PART)
		watchpoint_send_sigtrap(wp);
	if (watchpoint_arm(wp, &ctx, &failure) == 0)
		return 0;
	snprintf(why, (size_t)why_size, "%s refused this configuration: %s%s", failure.call, errno_name(failure.err),
		 config == SIGTRAP_PART && failure.err == EINVAL ? " (attr.sigtrap needs Linux 5.13 or newer)" : "");
	return -1;
}

static void disarm(struct watchpoint *wp)
{
	struct perf_failure ignored;

	watchpoint_disarm(wp, &ignored);
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
	if (arm(part->config, &cells[0], &p->on, why, why_size) != 0) {
		free(p);
		return NULL;
	}
	if (arm(part->config, &cells[64], &p->off, why, why_size) != 0) {
		disarm(&p->on);
		free(p);
		return NULL;
	}
	return p;
}

static long long wait_for(long long (*now_count)(void), long long target)
{
	uint64_t deadline = monotonic_ns() + (uint64_t)SIGNAL_WAIT_NS;
	long long seen = now_count();

	while (seen < target && monotonic_ns() < deadline)
		seen = now_count();
	return seen;
}

static long long rt_now(void)
{
	struct handler_counts c;

	handler_counts_read(&c);
	return c.rt;
}

static long long perf_now(void)
{
	struct handler_counts c;

	handler_counts_read(&c);
	return c.perf;
}

/* Untimed, before a loop: the loop's own watchpoint live, the other one off. */
static int switch_to(const struct watchpoint *live, const struct watchpoint *idle, char *why, int why_size)
{
	if (ioctl(idle->fd, PERF_EVENT_IOC_DISABLE, 0) != 0) {
		snprintf(why, (size_t)why_size, "ioctl(PERF_EVENT_IOC_DISABLE) failed: %s", errno_name(errno));
		return -1;
	}
	if (ioctl(live->fd, PERF_EVENT_IOC_ENABLE, 0) != 0) {
		snprintf(why, (size_t)why_size, "ioctl(PERF_EVENT_IOC_ENABLE) failed: %s", errno_name(errno));
		return -1;
	}
	return 0;
}

static int run(void *state, bool trapping, long ops, struct loop_run *out, char *why, int why_size)
{
	struct pair *p = state;
	struct watchpoint *wp = trapping ? &p->on : &p->off;
	struct watchpoint *idle = trapping ? &p->off : &p->on;
	struct handler_counts before, after;
	struct perf_failure failure = { 0 };
	uint64_t counter, counter_after, idle_before, idle_after, samples = wp->samples,
		 other_records = wp->other_records, start;
	long i;

	if (switch_to(wp, idle, why, why_size) != 0)
		return -1;
	if (watchpoint_count(wp, &counter, &failure) != 0 || watchpoint_count(idle, &idle_before, &failure) != 0) {
		snprintf(why, (size_t)why_size, "reading the watchpoint's counter failed: %s", errno_name(failure.err));
		return -1;
	}
	trap_expect_tag((unsigned long)watchpoint_tag((uintptr_t)wp->attr.bp_addr));
	handler_counts_read(&before);
	start = monotonic_ns();
	for (i = 0; i < ops; i++) {
		cells[0] = (char)i;
		/* Keep the ring drained, as a tool does (a full ring stops taking samples): the same
		 * record walk the moves harness does after a trapping op, in both loops. */
		if (wp->ring != NULL)
			ring_consume(wp);
	}
	out->ns = (double)(monotonic_ns() - start);
	out->expected = trapping ? ops : 0;
	if (p->config == RING_SIGNAL)
		wait_for(rt_now, before.rt + out->expected);
	if (p->config == SIGTRAP_PART)
		wait_for(perf_now, before.perf + out->expected);
	handler_counts_read(&after);
	if (watchpoint_count(idle, &idle_after, &failure) != 0) {
		snprintf(why, (size_t)why_size, "reading the watchpoint's counter failed: %s", errno_name(failure.err));
		return -1;
	}
	switch (p->config) {
	case COUNT:
		if (watchpoint_count(wp, &counter_after, &failure) != 0) {
			snprintf(why, (size_t)why_size, "reading the watchpoint's counter failed: %s",
				 errno_name(failure.err));
			return -1;
		}
		out->observed = (long long)(counter_after - counter);
		break;
	case RING:
	case RING_WAKEUP:
		/* A LOST or THROTTLE record means some trap went unrecorded: the count cannot be trusted. */
		out->observed = wp->other_records != other_records ? -1 : (long long)(wp->samples - samples);
		break;
	case RING_SIGNAL:
		out->observed = after.rt - before.rt;
		break;
	default:
		out->observed = after.perf - before.perf;
		out->tag_mismatches = after.tag_mismatches - before.tag_mismatches;
	}
	/* A trap on the other watchpoint is a trap the plain loop was not meant to take (or one the
	 * trapping loop took twice): it counts against the premise, unless a count is already -1. */
	if (out->observed >= 0)
		out->observed += (long long)(idle_after - idle_before);
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
