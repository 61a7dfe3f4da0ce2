/*
 * The trap counters of the two notifications that send a signal per trap.
 *
 * notify=signal: each trap sends one SIGRTMIN+3 (real-time, so queued, never merged) to the
 * thread that armed the watchpoint, and count_trap_signal counts it.
 *
 * notify=sigtrap: each trap sends one synchronous SIGTRAP (si_code TRAP_PERF) to the thread
 * that made the access, carrying the watchpoint's sig_data in si_perf_data. The handler is
 * libperfbp's (libperfbp/perf_sigtrap.c, built into this binary too), so the harness and the
 * Java side count and check tags by the same code: per thread, against the tag the thread
 * expects, and any other SIGTRAP (a debugger's breakpoint, trap-anatomy's int3) goes to the
 * disposition installed before it.
 *
 * These counters are the harness's only mutable globals. The per-thread ones are what a
 * worker checks against its own traps (F_SETOWN_EX sends each thread only its own signals; a
 * SIGTRAP goes to the thread that trapped); the total is for the summary.
 */
#include "trap_signal.h"

#include "../libperfbp/perf_sigtrap.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>

static _Atomic uint64_t trap_signals_total;
static _Thread_local volatile uint64_t trap_signals_thread;

static void count_trap_signal(int signo, siginfo_t *info, void *context)
{
	(void)signo;
	(void)info;
	(void)context;
	trap_signals_thread++;
	atomic_fetch_add_explicit(&trap_signals_total, 1, memory_order_relaxed);
}

int trap_signal_install(int signo)
{
	struct sigaction action;

	memset(&action, 0, sizeof(action));
	action.sa_sigaction = count_trap_signal;
	/* SA_RESTART: a trap landing in a barrier wait or a read() must not turn it into EINTR. */
	action.sa_flags = SA_SIGINFO | SA_RESTART;
	if (sigemptyset(&action.sa_mask) != 0)
		return -1;
	return sigaction(signo, &action, NULL);
}

uint64_t trap_signal_thread_count(void)
{
	return trap_signals_thread;
}

uint64_t trap_signal_total(void)
{
	return atomic_load_explicit(&trap_signals_total, memory_order_relaxed);
}

int sigtrap_install(void)
{
	/* Called from the main thread before any worker starts (libperfbp installs once). */
	return perfbp_sigtrap_install();
}

/* volatile: the handler writes the cell between any two instructions of its thread, and the
 * expected tag must be stored before the access that traps, never moved past it. */
static volatile struct perfbp_sigtrap_cell *thread_cell(void)
{
	return perfbp_sigtrap_cell();
}

void sigtrap_expect(uint64_t tag)
{
	thread_cell()->expected_tag = tag;
}

void sigtrap_thread_tally(struct sigtrap_tally *out)
{
	volatile struct perfbp_sigtrap_cell *cell = thread_cell();

	out->traps = (uint64_t)cell->traps;
	out->mismatches = (uint64_t)cell->mismatches;
	out->last_tag = cell->last_tag;
}
