/*
 * Arming a watchpoint, and the ways of moving it (docs/design.md):
 *
 *   reopen:  munmap(ring) ; close(fd) ; fd = perf_event_open(attr') ; [fcntl x4] ; ring = mmap(fd)
 *   modify:  ioctl(fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr')
 *
 * The attr is the Java side's (PerfEventAttr.breakpoint): PERF_TYPE_BREAKPOINT, sample_period 1,
 * sample_type IP|ADDR, wakeup_events 1, exclude_kernel, exclude_hv, enabled at open. With
 * notify=sigtrap it also has sigtrap, remove_on_exec and sig_data = the address's tag, and no
 * ring and no fcntl: reopen is close + perf_event_open, and modify's attr' carries the new tag.
 *
 * The phase pass times reopen with the very code the rounds run: every phase ends in
 * phase_lap(), which does nothing when no clock is passed.
 */
#include "strategy.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static int fail(struct perf_failure *failure, const char *call, int err, const struct watchpoint *wp)
{
	failure->call = call;
	failure->err = err;
	snprintf(failure->detail, sizeof(failure->detail), "breakpoint bp_type=%u bp_len=%llu bp_addr=0x%llx",
		 wp->attr.bp_type, (unsigned long long)wp->attr.bp_len, (unsigned long long)wp->attr.bp_addr);
	return -1;
}

void watchpoint_init(struct watchpoint *wp, enum bp_kind kind, int len, uintptr_t addr)
{
	memset(wp, 0, sizeof(*wp));
	wp->attr.type = PERF_TYPE_BREAKPOINT;
	wp->attr.size = sizeof(wp->attr);
	wp->attr.sample_period = 1;
	wp->attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_ADDR;
	wp->attr.wakeup_events = 1;
	wp->attr.exclude_kernel = 1;
	wp->attr.exclude_hv = 1;
	wp->attr.bp_type = bp_kind_bits(kind);
	wp->attr.bp_len = len;
	wp->attr.bp_addr = addr;
	wp->fd = -1;
}

void watchpoint_send_sigtrap(struct watchpoint *wp)
{
	wp->attr.sigtrap = 1;
	wp->attr.remove_on_exec = 1;
	wp->attr.sig_data = watchpoint_tag((uintptr_t)wp->attr.bp_addr);
}

void watchpoint_aim(struct watchpoint *wp, uintptr_t addr)
{
	wp->attr.bp_addr = addr;
	if (wp->attr.sigtrap)
		wp->attr.sig_data = watchpoint_tag(addr);
}

/* Signals to this thread, as watchpoint tools and the commit's tests do: four fcntls. */
static int route_signals(struct watchpoint *wp, const struct arm_context *ctx, struct perf_failure *failure)
{
	struct f_owner_ex owner = { .type = F_OWNER_TID, .pid = ctx->tid };
	int flags = fcntl(wp->fd, F_GETFL);

	if (flags < 0)
		return fail(failure, "fcntl(F_GETFL)", errno, wp);
	if (fcntl(wp->fd, F_SETFL, flags | O_ASYNC | O_NONBLOCK) != 0)
		return fail(failure, "fcntl(F_SETFL)", errno, wp);
	if (fcntl(wp->fd, F_SETSIG, ctx->signo) != 0)
		return fail(failure, "fcntl(F_SETSIG)", errno, wp);
	if (fcntl(wp->fd, F_SETOWN_EX, &owner) != 0)
		return fail(failure, "fcntl(F_SETOWN_EX)", errno, wp);
	return 0;
}

/* perf_event_open, fcntl x4 (signal), mmap (ring): the back half of reopen, and arming. */
static int open_armed(struct watchpoint *wp, const struct arm_context *ctx, struct phase_clock *clock,
		      struct perf_failure *failure)
{
	long fd = syscall(__NR_perf_event_open, &wp->attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);

	if (fd < 0)
		return fail(failure, "perf_event_open", errno, wp);
	wp->fd = (int)fd;
	phase_lap(clock, PHASE_OPEN);
	if (ctx->signo != 0) {
		if (route_signals(wp, ctx, failure) != 0)
			goto close_fd;
		phase_lap(clock, PHASE_FCNTL);
	}
	if (ctx->pages > 0) {
		size_t len = (1 + (size_t)ctx->pages) * ctx->page_size;
		void *ring = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, wp->fd, 0);

		if (ring == MAP_FAILED) {
			fail(failure, "mmap", errno, wp);
			snprintf(failure->detail, sizeof(failure->detail), "%d data pages, %zu KiB", ctx->pages,
				 len / 1024);
			goto close_fd;
		}
		wp->ring = ring;
		wp->ring_len = len;
		wp->ring_data = (unsigned char *)ring + ctx->page_size;
		wp->ring_mask = (uint64_t)ctx->pages * ctx->page_size - 1;
		phase_lap(clock, PHASE_MMAP);
	}
	return 0;

close_fd:
	/* The refusal is what the user needs to see; a close failing too adds nothing to it. */
	(void)close(wp->fd);
	wp->fd = -1;
	return -1;
}

int watchpoint_arm_timed(struct watchpoint *wp, const struct arm_context *ctx, struct phase_clock *clock,
			 struct perf_failure *failure)
{
	wp->samples = 0;
	wp->other_records = 0;
	wp->counted = 0;
	wp->counter_complete = true;
	return open_armed(wp, ctx, clock, failure);
}

int watchpoint_arm(struct watchpoint *wp, const struct arm_context *ctx, struct perf_failure *failure)
{
	return watchpoint_arm_timed(wp, ctx, NULL, failure);
}

int watchpoint_count(const struct watchpoint *wp, uint64_t *count, struct perf_failure *failure)
{
	ssize_t n = read(wp->fd, count, sizeof(*count));

	if (n != (ssize_t)sizeof(*count))
		return fail(failure, "read", n < 0 ? errno : EIO, wp);
	return 0;
}

int watchpoint_traps(struct watchpoint *wp, struct trap_counts *counts, struct perf_failure *failure)
{
	uint64_t count = 0;

	if (wp->ring != NULL)
		ring_consume(wp);
	if (wp->fd >= 0 && watchpoint_count(wp, &count, failure) != 0)
		return -1;
	counts->samples += wp->samples;
	counts->other_records += wp->other_records;
	counts->counter += wp->counted + count;
	counts->counter_complete = counts->counter_complete && wp->counter_complete;
	return 0;
}

int watchpoint_disarm_timed(struct watchpoint *wp, struct phase_clock *clock, struct perf_failure *failure)
{
	int rc = 0;

	if (wp->ring != NULL) {
		if (munmap(wp->ring, wp->ring_len) != 0)
			rc = fail(failure, "munmap", errno, wp);
		wp->ring = NULL;
		phase_lap(clock, PHASE_MUNMAP);
	}
	if (wp->fd >= 0) {
		/* Linux frees the fd even when close reports an error: never close it twice. */
		if (close(wp->fd) != 0 && rc == 0)
			rc = fail(failure, "close", errno, wp);
		wp->fd = -1;
		phase_lap(clock, PHASE_CLOSE);
	}
	return rc;
}

int watchpoint_disarm(struct watchpoint *wp, struct perf_failure *failure)
{
	return watchpoint_disarm_timed(wp, NULL, failure);
}

int watchpoint_disable(struct watchpoint *wp, struct phase_clock *clock, struct perf_failure *failure)
{
	if (ioctl(wp->fd, PERF_EVENT_IOC_DISABLE, 0) != 0)
		return fail(failure, "ioctl(PERF_EVENT_IOC_DISABLE)", errno, wp);
	phase_lap(clock, PHASE_DISABLE);
	return 0;
}

/*
 * Tear down and rebuild. The fd's traps are counted before it goes: from its ring by the
 * caller, which drains it right after each trapping access (moves/batch.c), so nothing new
 * waits in it here; and by read() of its counter when the context asks for it. read() is one
 * more system call per op, a cost the strategy itself does not have, so the timed rounds of a
 * strategy with a ring count by the ring and the signals, and the phase pass reads every
 * counter (the "read" phase, which shows what it costs on the machine at hand).
 */
static int move_reopen(struct watchpoint *wp, const struct arm_context *ctx, uintptr_t addr,
		       struct phase_clock *clock, struct perf_failure *failure)
{
	uint64_t count;

	watchpoint_aim(wp, addr);
	if (wp->ring != NULL) {
		if (munmap(wp->ring, wp->ring_len) != 0)
			return fail(failure, "munmap", errno, wp);
		wp->ring = NULL;
		phase_lap(clock, PHASE_MUNMAP);
	}
	if (ctx->read_per_fd) {
		if (watchpoint_count(wp, &count, failure) != 0)
			return -1;
		wp->counted += count;
		phase_lap(clock, PHASE_READ);
	} else {
		wp->counter_complete = false;
	}
	if (close(wp->fd) != 0) {
		wp->fd = -1;
		return fail(failure, "close", errno, wp);
	}
	wp->fd = -1;
	phase_lap(clock, PHASE_CLOSE);
	return open_armed(wp, ctx, clock, failure);
}

static int move_modify(struct watchpoint *wp, const struct arm_context *ctx, uintptr_t addr,
		       struct phase_clock *clock, struct perf_failure *failure)
{
	(void)ctx;
	watchpoint_aim(wp, addr);
	if (ioctl(wp->fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &wp->attr) != 0)
		return fail(failure, "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)", errno, wp);
	phase_lap(clock, PHASE_MODIFY);
	return 0;
}

/* What a tool does if it does not trust modify on a live event (the kernel disables it anyway). */
static int move_disable_modify_enable(struct watchpoint *wp, const struct arm_context *ctx, uintptr_t addr,
				      struct phase_clock *clock, struct perf_failure *failure)
{
	(void)ctx;
	watchpoint_aim(wp, addr);
	if (watchpoint_disable(wp, clock, failure) != 0)
		return -1;
	if (ioctl(wp->fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &wp->attr) != 0)
		return fail(failure, "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)", errno, wp);
	phase_lap(clock, PHASE_MODIFY);
	if (ioctl(wp->fd, PERF_EVENT_IOC_ENABLE, 0) != 0)
		return fail(failure, "ioctl(PERF_EVENT_IOC_ENABLE)", errno, wp);
	phase_lap(clock, PHASE_ENABLE);
	return 0;
}

#define PHASE_BIT(p) (1u << (p))
#define REOPEN_PHASES                                                                                 \
	(PHASE_BIT(PHASE_MUNMAP) | PHASE_BIT(PHASE_READ) | PHASE_BIT(PHASE_CLOSE) | PHASE_BIT(PHASE_OPEN) | \
	 PHASE_BIT(PHASE_FCNTL) | PHASE_BIT(PHASE_MMAP) | PHASE_BIT(PHASE_TRAP))
#define DISABLE_MODIFY_ENABLE_PHASES \
	(PHASE_BIT(PHASE_DISABLE) | PHASE_BIT(PHASE_MODIFY) | PHASE_BIT(PHASE_ENABLE) | PHASE_BIT(PHASE_TRAP))

static const struct strategy_desc strategy_table[NR_STRATEGIES] = {
	[STRATEGY_REOPEN] = { "reopen", "munmap, close, perf_event_open, fcntl x4 (signal), mmap", true, false,
			      REOPEN_PHASES, move_reopen },
	[STRATEGY_MODIFY] = { "modify", "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)", true, true, 0, move_modify },
	[STRATEGY_REOPEN_NOBUF] = { "reopen-nobuf", "close, perf_event_open, fcntl x4 (signal); no ring", false, false,
				    REOPEN_PHASES, move_reopen },
	[STRATEGY_DISABLE_MODIFY_ENABLE] = { "disable-modify-enable", "ioctl DISABLE, MODIFY_ATTRIBUTES, ENABLE", true,
					     true, DISABLE_MODIFY_ENABLE_PHASES, move_disable_modify_enable },
};

const struct strategy_desc *strategy_desc(enum strategy_id id)
{
	return &strategy_table[id];
}
