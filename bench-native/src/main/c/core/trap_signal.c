/*
 * The trap counters of the two notifications that send a signal per trap.
 *
 * notify=signal: each trap sends one SIGRTMIN+3 (real-time, so queued, never merged) to the
 * thread that armed the watchpoint, and count_trap_signal counts it.
 *
 * notify=sigtrap: each trap sends one synchronous SIGTRAP (si_code TRAP_PERF) to the thread
 * that made the access, carrying the watchpoint's sig_data in si_perf_data; on_sigtrap counts
 * it and checks its tag against the one the thread expects. Any other SIGTRAP (a debugger's
 * breakpoint, a tgkill) goes to the disposition installed before, as libperfbp's handler
 * (libperfbp/perf_sigtrap.c) does for the JVM.
 *
 * These counters are the harness's only mutable globals. The per-thread ones are what a
 * worker checks against its own traps (F_SETOWN_EX sends each thread only its own signals; a
 * SIGTRAP goes to the thread that trapped); the totals are for the summary.
 */
#include "trap_signal.h"

#include "../libperfbp/perf_siginfo.h"

#include <stdatomic.h>
#include <string.h>

static _Atomic uint64_t trap_signals_total;
static _Thread_local volatile uint64_t trap_signals_thread;

/* volatile: the handler writes them between any two instructions of the thread that reads them. */
static _Thread_local volatile struct sigtrap_tally sigtrap_thread;
static _Thread_local volatile uint64_t sigtrap_expected_tag;
static _Atomic uint64_t sigtraps_total;
static struct sigaction sigtrap_previous;
static atomic_bool sigtrap_installed;

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

bool sigtrap_record(const siginfo_t *info)
{
	uint64_t tag;

	if (info == NULL || info->si_code != TRAP_PERF)
		return false;
	tag = perf_data(info);
	sigtrap_thread.traps++;
	sigtrap_thread.last_tag = tag;
	if (tag != sigtrap_expected_tag)
		sigtrap_thread.mismatches++;
	atomic_fetch_add_explicit(&sigtraps_total, 1, memory_order_relaxed);
	return true;
}

/* A SIGTRAP that is not perf's goes to whoever had SIGTRAP before, as they asked for it. */
static void chain(int signo, siginfo_t *info, void *context)
{
	if (sigtrap_previous.sa_flags & SA_SIGINFO) {
		sigtrap_previous.sa_sigaction(signo, info, context);
		return;
	}
	if (sigtrap_previous.sa_handler == SIG_IGN)
		return;
	if (sigtrap_previous.sa_handler == SIG_DFL) {
		/* The default action (a core dump) cannot be called: restore it and raise again; SIGTRAP
		 * is blocked in here, so it lands as this handler returns, as if we had never been there. */
		struct sigaction dfl;

		memset(&dfl, 0, sizeof(dfl));
		dfl.sa_handler = SIG_DFL;
		sigemptyset(&dfl.sa_mask);
		sigaction(signo, &dfl, NULL);
		raise(signo);
		return;
	}
	sigtrap_previous.sa_handler(signo);
}

static void on_sigtrap(int signo, siginfo_t *info, void *context)
{
	if (!sigtrap_record(info))
		chain(signo, info, context);
}

int sigtrap_install(void)
{
	struct sigaction action;

	/* Once: a second install would record this handler as the previous one and chain to itself.
	 * The harness installs it from the main thread before any worker starts. */
	if (atomic_load(&sigtrap_installed))
		return 0;
	memset(&action, 0, sizeof(action));
	action.sa_sigaction = on_sigtrap;
	/* SA_RESTART: a trap must never turn a barrier wait or a read() into EINTR. */
	action.sa_flags = SA_SIGINFO | SA_RESTART;
	if (sigemptyset(&action.sa_mask) != 0 || sigaction(SIGTRAP, &action, &sigtrap_previous) != 0)
		return -1;
	atomic_store(&sigtrap_installed, true);
	return 0;
}

void sigtrap_expect(uint64_t tag)
{
	sigtrap_expected_tag = tag;
}

void sigtrap_thread_tally(struct sigtrap_tally *out)
{
	out->traps = sigtrap_thread.traps;
	out->mismatches = sigtrap_thread.mismatches;
	out->last_tag = sigtrap_thread.last_tag;
}

uint64_t sigtrap_total(void)
{
	return atomic_load_explicit(&sigtraps_total, memory_order_relaxed);
}
