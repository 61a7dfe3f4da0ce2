/*
 * The trap counter for notify=signal: each trap sends one SIGRTMIN+3 (real-time, so queued,
 * never merged) to the thread that armed the watchpoint, and this handler counts it.
 *
 * These two counters are the harness's only mutable globals. The per-thread one is what a
 * worker checks against its own traps (F_SETOWN_EX sends each thread only its own signals);
 * the total is for the summary.
 */
#include "trap_signal.h"

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
