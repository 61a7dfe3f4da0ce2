/*
 * The trap-signal counter of libperfbp, for the JVM: a C handler that only counts (in total,
 * by POLL_IN, and per thread) and the calls that install it, read it and put the JVM's
 * previous handler back. Java reads the counts through JNA (trap_signal.h).
 */
#include "trap_signal.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>

/*
 * The only mutable globals: what the handler writes. Atomics rather than volatile ints
 * because the JMH threads benchmark reads them from several threads at once.
 */
static _Atomic int64_t signals_total;
static _Atomic int64_t signals_poll_in;
static _Thread_local volatile int64_t signals_this_thread;

static struct sigaction previous_action;
static int installed_signo;

static void count_trap_signal(int signo, siginfo_t *info, void *context)
{
	(void)signo;
	(void)context;
	atomic_fetch_add_explicit(&signals_total, 1, memory_order_relaxed);
	if (info != NULL && info->si_code == POLL_IN)
		atomic_fetch_add_explicit(&signals_poll_in, 1, memory_order_relaxed);
	signals_this_thread++;
}

int perfbp_signal_install(int signo)
{
	struct sigaction action;

	memset(&action, 0, sizeof(action));
	action.sa_sigaction = count_trap_signal;
	/* SA_RESTART: a trap must never turn a blocking call in the JVM into EINTR. */
	action.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&action.sa_mask);
	if (sigaction(signo, &action, installed_signo == signo ? NULL : &previous_action) != 0)
		return -1;
	installed_signo = signo;
	return 0;
}

int perfbp_signal_uninstall(int signo)
{
	if (installed_signo != signo)
		return 0;
	if (sigaction(signo, &previous_action, NULL) != 0)
		return -1;
	installed_signo = 0;
	return 0;
}

int64_t perfbp_signal_count(void)
{
	return atomic_load_explicit(&signals_total, memory_order_relaxed);
}

int64_t perfbp_signal_thread_count(void)
{
	return signals_this_thread;
}

int64_t perfbp_signal_poll_in_count(void)
{
	return atomic_load_explicit(&signals_poll_in, memory_order_relaxed);
}

void perfbp_signal_reset(void)
{
	atomic_store_explicit(&signals_total, 0, memory_order_relaxed);
	atomic_store_explicit(&signals_poll_in, 0, memory_order_relaxed);
	signals_this_thread = 0;
}

int perfbp_sigrtmin_plus(int offset)
{
	return SIGRTMIN + offset;
}
