/*
 * The anatomy's signal handlers: a sigtrap watchpoint's SIGTRAP (TRAP_PERF) is counted and its
 * si_perf_data checked by the handler perfbp-bench moves uses (core/sigtrap.c), which hands
 * every other SIGTRAP to the one here: it tells an int3/brk breakpoint and a single-step trap
 * apart. One counter for the O_ASYNC real-time signal and one for tgkill's SIGUSR1. The
 * counters are the only global state, written by the handlers alone; the loops read them
 * before and after.
 */
#include "anatomy.h"

#include "../core/sigtrap.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile long long breakpoint_traps, step_traps, rt_signals, tgkill_signals;

static void on_sigtrap(int signo, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;

	(void)signo;
	if (info->si_code == TRAP_TRACE) {
		step_traps++;
#if defined(__x86_64__)
		uc->uc_mcontext.gregs[REG_EFL] &= ~0x100L; /* clear TF: one step per op */
#endif
	} else {
		breakpoint_traps++;
#if defined(__aarch64__)
		uc->uc_mcontext.pc += 4; /* brk does not advance the PC */
#endif
	}
	(void)uc;
}

static void on_rt(int signo)
{
	(void)signo;
	rt_signals++;
}

static void on_usr1(int signo)
{
	(void)signo;
	tgkill_signals++;
}

int anatomy_rt_signal(void)
{
	return SIGRTMIN + 6;
}

int trap_handlers_install(char *why, int why_size)
{
	struct sigaction trap, rt, usr1;

	memset(&trap, 0, sizeof(trap));
	trap.sa_sigaction = on_sigtrap;
	trap.sa_flags = SA_SIGINFO;
	memset(&rt, 0, sizeof(rt));
	rt.sa_handler = on_rt;
	memset(&usr1, 0, sizeof(usr1));
	usr1.sa_handler = on_usr1;
	/* Ours first, then the perf one over it, which chains every SIGTRAP that is not perf's to ours. */
	if (sigaction(SIGTRAP, &trap, NULL) != 0 || sigtrap_install() != 0 ||
	    sigaction(anatomy_rt_signal(), &rt, NULL) != 0 || sigaction(SIGUSR1, &usr1, NULL) != 0) {
		snprintf(why, (size_t)why_size, "cannot install the anatomy's signal handlers");
		return -1;
	}
	return 0;
}

void handler_counts_read(struct handler_counts *out)
{
	struct sigtrap_tally perf;

	sigtrap_thread_tally(&perf);
	out->perf = (long long)perf.traps;
	out->breakpt = breakpoint_traps;
	out->step = step_traps;
	out->rt = rt_signals;
	out->tgkill = tgkill_signals;
	out->tag_mismatches = (long long)perf.mismatches;
}

void trap_expect_tag(unsigned long tag)
{
	sigtrap_expect(tag);
}
