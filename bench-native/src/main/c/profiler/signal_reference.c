/*
 * A signal's delivery to a handler, measured by the profiler itself in the run whose tool it
 * predicts: tgkill() to this thread, an empty handler, back. The tool's trap signals are
 * delivered the same way (O_ASYNC queues them to the thread) and the sampler-only run's cost
 * per sample already holds its own signal's delivery, so the analysis adds this per trap
 * signal only. CPU time of the thread, as the profiler's rounds are compared.
 */
#include "signal_reference.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Neither tool signal (their handlers count a signal outside a round as a stray) nor trap-anatomy's. */
#define REFERENCE_SIGNAL (SIGRTMIN + 7)

static volatile sig_atomic_t reference_signals;

static void on_reference(int signo)
{
	(void)signo;
	reference_signals++;
}

static uint64_t thread_cpu_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int signal_reference_measure(long rounds, double *ns_per_signal)
{
	struct sigaction sa, old;
	pid_t pid = getpid(), tid = (pid_t)syscall(SYS_gettid);
	long round;
	int i, rc = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_reference;
	sigemptyset(&sa.sa_mask);
	if (sigaction(REFERENCE_SIGNAL, &sa, &old) != 0) {
		perror("perfbp-bench: sigaction (the profiler's signal reference)");
		return -1;
	}
	for (round = 0; round < rounds && rc == 0; round++) {
		uint64_t cpu0 = thread_cpu_ns();

		reference_signals = 0;
		for (i = 0; i < SIGNAL_REFERENCE_PER_ROUND; i++)
			if (syscall(SYS_tgkill, pid, tid, REFERENCE_SIGNAL) != 0) {
				fprintf(stderr, "perfbp-bench: tgkill (the profiler's signal reference): %s\n",
					strerror(errno));
				rc = -1;
				break;
			}
		ns_per_signal[round] = (double)(thread_cpu_ns() - cpu0) / SIGNAL_REFERENCE_PER_ROUND;
		/* An unblocked signal to this thread is handled before tgkill returns. */
		if (rc == 0 && reference_signals != SIGNAL_REFERENCE_PER_ROUND) {
			fprintf(stderr, "perfbp-bench: the profiler's signal reference: %d of %d signals reached the "
				"handler\n", (int)reference_signals, SIGNAL_REFERENCE_PER_ROUND);
			rc = -1;
		}
	}
	if (sigaction(REFERENCE_SIGNAL, &old, NULL) != 0) {
		perror("perfbp-bench: sigaction (restoring after the profiler's signal reference)");
		rc = -1;
	}
	return rc;
}
