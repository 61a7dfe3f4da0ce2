/*
 * Whether a scenario's rings fit the locked memory the kernel lets this user have, decided
 * before anything runs so a scenario that cannot fit is reported "not run" with the figures
 * instead of failing the whole run with EPERM from mmap.
 *
 * What perf_mmap() does (kernel/events/core.c), measured to the page on this machine as nobody:
 * a ring of P data pages locks P + 1 pages. They are charged to the user's locked_vm up to
 * perf_event_mlock_kb / page KiB x online CPUs pages (per user, all its processes together),
 * and the rest to this process's pinned_vm, which may not exceed RLIMIT_MEMLOCK. The check is
 * skipped with CAP_IPC_LOCK (root) or perf_event_paranoid = -1. The harness holds one ring per
 * slot per thread at once (reopen unmaps its ring before mapping the next).
 */
#include "memlock.h"

#include "unknown_number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define CAP_IPC_LOCK_BIT 14

static bool has_cap_ipc_lock(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");
	bool found = false;

	if (f == NULL)
		return false;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "CapEff:", 7) == 0) {
			unsigned long long caps = strtoull(line + 7, NULL, 16);

			found = (caps >> CAP_IPC_LOCK_BIT) & 1;
			break;
		}
	if (fclose(f) != 0)
		return false;
	return found;
}

void memlock_probe(struct env *env)
{
	struct locked_memory *lock = &env->locked;
	long page_kb = env->page_size / 1024;
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	struct rlimit rl;

	memset(lock, 0, sizeof(*lock));
	lock->online_cpus = online > 0 ? online : 1;
	lock->perf_kb = UNKNOWN_NUMBER;
	lock->rlimit_kb = UNKNOWN_NUMBER;
	if (has_cap_ipc_lock()) {
		lock->exempt = true;
		snprintf(lock->exempt_because, sizeof(lock->exempt_because), "CAP_IPC_LOCK");
		return;
	}
	if (env->paranoid == -1) {
		lock->exempt = true;
		snprintf(lock->exempt_because, sizeof(lock->exempt_because), "perf_event_paranoid is -1");
		return;
	}
	if (getrlimit(RLIMIT_MEMLOCK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) {
		lock->exempt = true;
		snprintf(lock->exempt_because, sizeof(lock->exempt_because), "RLIMIT_MEMLOCK is unlimited");
		return;
	}
	if (env->mlock_kb == UNKNOWN_NUMBER || page_kb <= 0) {
		lock->exempt = true; /* nothing to compute with: mmap itself will say */
		snprintf(lock->exempt_because, sizeof(lock->exempt_because), "perf_event_mlock_kb unreadable");
		return;
	}
	/* The kernel works in whole pages: each part is rounded down to a page first. */
	lock->perf_kb = env->mlock_kb / page_kb * page_kb * lock->online_cpus;
	lock->rlimit_kb = (long)(rl.rlim_cur / (rlim_t)env->page_size) * page_kb;
	lock->limit_kb = lock->perf_kb + lock->rlimit_kb;
}

long memlock_needed_kb(const struct env *env, const struct scenario *s)
{
	return s->pages == 0 ? 0 : (long)s->threads * s->slots * (s->pages + 1) * (env->page_size / 1024);
}

static bool fits(const struct env *env, const struct scenario *s)
{
	return env->locked.exempt || memlock_needed_kb(env, s) <= env->locked.limit_kb;
}

bool memlock_fits(const struct env *env, const struct scenario *s, char *reason, size_t size)
{
	const struct locked_memory *lock = &env->locked;
	long needed = memlock_needed_kb(env, s);

	if (fits(env, s))
		return true;
	snprintf(reason, size, "needs %ld KiB locked, limit is %ld KiB (%d thread(s) x %d slot(s) x %d+1 ring pages; "
		 "perf_event_mlock_kb %ld x %ld online CPUs, per user, + RLIMIT_MEMLOCK %ld KiB; root or CAP_IPC_LOCK "
		 "is exempt)", needed, lock->limit_kb, s->threads, s->slots, s->pages, env->mlock_kb, lock->online_cpus,
		 lock->rlimit_kb);
	return false;
}

int memlock_partition(struct scenario *scenarios, int n, const struct env *env)
{
	struct scenario kept[MAX_SCENARIOS];
	int runnable = 0, i, k = 0;

	for (i = 0; i < n; i++)
		if (fits(env, &scenarios[i]))
			scenarios[runnable++] = scenarios[i];
		else
			kept[k++] = scenarios[i];
	memcpy(&scenarios[runnable], kept, (size_t)k * sizeof(*kept));
	return runnable;
}
