/* What this machine is and accepts, probed once before anything is measured (env.c). */
#ifndef PERFBP_ENV_H
#define PERFBP_ENV_H

#include "scenario.h"

#include <stdbool.h>
#include <stdio.h>
#include <sys/utsname.h>

struct capability {
	bool supported;
	char reason[256];
};

struct shape_support {
	bool supported;
	int err; /* errno of the refusal, 0 when supported */
};

/* The locked memory perf rings may take here (see memlock.c); KiB figures as the kernel rounds them. */
struct locked_memory {
	bool exempt;		 /* the kernel does not check (why in exempt_because) */
	char exempt_because[48];
	long online_cpus;	 /* perf_event_mlock_kb counts once per online CPU */
	long perf_kb;		 /* perf_event_mlock_kb x online CPUs, per user */
	long rlimit_kb;		 /* RLIMIT_MEMLOCK (soft), per process, beyond that */
	long limit_kb;		 /* the two together: what one process of this user can lock */
};

struct env {
	struct utsname uts;
	char cpu[128];
	bool hypervisor;
	long page_size;
	int nproc;		/* CPUs this process may run on */
	long paranoid;		/* UNKNOWN_NUMBER when the sysctl cannot be read */
	long mlock_kb;
	char clocksource[32];
	double clock_read_ns;	/* one clock_gettime(CLOCK_MONOTONIC), measured */
	struct capability breakpoint_pmu;
	int breakpoint_errno;	/* why the first watchpoint was refused, 0 if it was not */
	struct capability debug_registers;
	int debug_register_count;
	struct capability traps; /* a store under an armed watchpoint is counted */
	struct capability modify;
	int modify_errno;	/* 0 when the ioctl works */
	struct capability sigtrap;	   /* perf_event_open takes attr.sigtrap (Linux 5.13+) */
	struct capability sig_data_modify; /* the modify ioctl takes a new sig_data (Linux 5.17+) */
	struct shape_support shapes[NR_BP_KINDS][NR_BP_LENGTHS];
	int signo;		/* SIGRTMIN+3 */
	struct locked_memory locked;
};

/* Probes this machine. Never fails: a refusal is recorded with its reason. */
void env_probe(struct env *env);

/* Whether this machine has a hardware PMU (the VM the suite was built on has none): a cycles event
 * opens or not. The profiler's sampler is task-clock either way; native.json says which. */
void env_probe_hardware_pmu(struct capability *pmu);
/* A dry run's machine and shapes-accepted lines. */
void env_print(const struct env *env, FILE *out);

#endif
