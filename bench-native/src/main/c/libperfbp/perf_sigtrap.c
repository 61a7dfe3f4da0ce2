#include "perf_sigtrap.h"
#include "perf_siginfo.h"

#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>

/* volatile: the handler writes it between any two instructions of the thread that reads it. */
static _Thread_local volatile struct perfbp_sigtrap_cell cell;
static _Atomic int64_t traps_total;
static _Atomic int64_t chained_total;
static struct sigaction previous_action;
static int installed;

/* Hands a SIGTRAP that is not perf's to whoever had SIGTRAP before us, as they asked for it. */
static void chain(int signo, siginfo_t *info, void *context)
{
	atomic_fetch_add_explicit(&chained_total, 1, memory_order_relaxed);
	if (previous_action.sa_flags & SA_SIGINFO) {
		previous_action.sa_sigaction(signo, info, context);
		return;
	}
	if (previous_action.sa_handler == SIG_IGN)
		return;
	if (previous_action.sa_handler == SIG_DFL) {
		/*
		 * The default action (terminate with a core dump) cannot be called: restore it and
		 * send the signal again. SIGTRAP is blocked inside this handler, so it arrives as soon
		 * as the handler returns, and the process ends exactly as it would have without us.
		 */
		struct sigaction dfl;

		memset(&dfl, 0, sizeof(dfl));
		dfl.sa_handler = SIG_DFL;
		sigemptyset(&dfl.sa_mask);
		sigaction(signo, &dfl, NULL);
		raise(signo);
		return;
	}
	previous_action.sa_handler(signo);
}

static void on_sigtrap(int signo, siginfo_t *info, void *context)
{
	if (info == NULL || info->si_code != TRAP_PERF) {
		chain(signo, info, context);
		return;
	}
	uint64_t tag = perf_data(info);

	cell.traps++;
	cell.last_tag = tag;
	if (tag != cell.expected_tag)
		cell.mismatches++;
	atomic_fetch_add_explicit(&traps_total, 1, memory_order_relaxed);
}

int perfbp_sigtrap_install(void)
{
	struct sigaction action;

	/*
	 * Once per process: a second install would record our own handler as "the previous one"
	 * and chain to itself. The Java side calls this under a lock (signal/SigtrapSignals.java).
	 */
	if (installed)
		return 0;
	memset(&action, 0, sizeof(action));
	action.sa_sigaction = on_sigtrap;
	/* SA_RESTART: a trap must never turn a blocking call in the JVM into EINTR. */
	action.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&action.sa_mask);
	if (sigaction(SIGTRAP, &action, &previous_action) != 0)
		return -1;
	installed = 1;
	return 0;
}

struct perfbp_sigtrap_cell *perfbp_sigtrap_cell(void)
{
	return (struct perfbp_sigtrap_cell *)&cell;
}

int64_t perfbp_sigtrap_count(void)
{
	return atomic_load_explicit(&traps_total, memory_order_relaxed);
}

int64_t perfbp_sigtrap_chained_count(void)
{
	return atomic_load_explicit(&chained_total, memory_order_relaxed);
}

int64_t perfbp_sigtrap_data_offset(void)
{
	return (int64_t)PERF_DATA_OFFSET;
}
