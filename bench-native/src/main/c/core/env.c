/*
 * Probe before measuring (as tools/perf/tests/bp_account.c does): what this machine is, and
 * what it accepts, found by trying it on the calling thread and closing everything again.
 * The answers decide which scenarios may run and go into native.json's env block.
 */
#include "env.h"

#include "address_pool.h"
#include "advice.h"
#include "memlock.h"
#include "strategy.h"
#include "unknown_number.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define CLOCK_SAMPLES 10000

static bool read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (f == NULL)
		return false;
	ok = fgets(buf, (int)size, f) != NULL;
	if (fclose(f) != 0)
		ok = false;
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

/* A sysctl's number, or UNKNOWN_NUMBER (perf_event_paranoid may really be -1). */
static long read_number(const char *path)
{
	char buf[64], *end;
	long value;

	if (!read_line(path, buf, sizeof(buf)))
		return UNKNOWN_NUMBER;
	errno = 0;
	value = strtol(buf, &end, 10);
	return errno == 0 && end != buf ? value : UNKNOWN_NUMBER;
}

/* The CPU's name and whether a hypervisor says it is there (x86's cpuid "hypervisor" flag). */
static void cpu_facts(struct env *env)
{
	char line[4096];
	FILE *f = fopen("/proc/cpuinfo", "r");

	snprintf(env->cpu, sizeof(env->cpu), "unknown");
	if (f != NULL) {
		bool named = false;

		while (fgets(line, sizeof(line), f) != NULL) {
			char *colon = strchr(line, ':');

			if (colon == NULL)
				continue;
			if (!named && (strncmp(line, "model name", 10) == 0 || strncmp(line, "Model", 5) == 0 ||
				       strncmp(line, "Hardware", 8) == 0)) {
				char *value = colon + 1;

				value += strspn(value, " \t");
				value[strcspn(value, "\n")] = '\0';
				snprintf(env->cpu, sizeof(env->cpu), "%s", value);
				named = true;
			}
			if (strncmp(line, "flags", 5) == 0 && strstr(colon, " hypervisor") != NULL)
				env->hypervisor = true;
		}
		if (fclose(f) != 0)
			perror("perfbp-bench: close /proc/cpuinfo");
	}
	if (!env->hypervisor && read_line("/sys/class/dmi/id/sys_vendor", line, sizeof(line))) {
		static const char *const vendors[] = { "QEMU", "KVM", "VMware", "Xen", "Amazon", "Firecracker",
						       "Microsoft" };
		size_t i;

		for (i = 0; i < sizeof(vendors) / sizeof(vendors[0]); i++)
			if (strcasestr(line, vendors[i]) != NULL)
				env->hypervisor = true;
	}
}

static int usable_cpus(void)
{
	cpu_set_t set;
	long online;

	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		return CPU_COUNT(&set);
	online = sysconf(_SC_NPROCESSORS_ONLN);
	return online > 0 ? (int)online : 1;
}

/* What one clock read costs here: the phase pass pays it once per phase. */
static double clock_read_cost(void)
{
	uint64_t start = monotonic_ns();
	int i;

	for (i = 0; i < CLOCK_SAMPLES; i++)
		(void)monotonic_ns();
	return (double)(monotonic_ns() - start) / (CLOCK_SAMPLES + 1);
}

static int try_open(struct watchpoint *wp, enum bp_kind kind, int len, uintptr_t addr)
{
	const struct arm_context ctx = { 0 };
	struct perf_failure failure;

	watchpoint_init(wp, kind, len, addr);
	if (watchpoint_arm(wp, &ctx, &failure) != 0)
		return failure.err;
	return 0;
}

static void close_probe(struct watchpoint *wp)
{
	struct perf_failure failure;

	if (watchpoint_disarm(wp, &failure) != 0)
		fprintf(stderr, "perfbp-bench: probe: %s: %s\n", failure.call, strerror(failure.err));
}

static void probe_debug_registers(struct env *env, const struct address_pool *data)
{
	struct watchpoint wps[MAX_SLOTS];
	int n, err = 0;

	for (n = 0; n < MAX_SLOTS; n++) {
		err = try_open(&wps[n], BP_W, 1, pool_address(data, (unsigned long)n));
		if (err != 0)
			break;
	}
	env->debug_register_count = n;
	if (err == ENOSPC && n > 0) {
		env->debug_registers.supported = true;
		snprintf(env->debug_registers.reason, sizeof(env->debug_registers.reason),
			 "watchpoint %d was refused with ENOSPC", n + 1);
	} else if (err == 0) {
		env->debug_registers.supported = true;
		snprintf(env->debug_registers.reason, sizeof(env->debug_registers.reason),
			 "the kernel accepted %d watchpoints without refusing; the count is a lower bound", n);
	} else {
		snprintf(env->debug_registers.reason, sizeof(env->debug_registers.reason),
			 "watchpoint %d was refused with %s", n + 1, errno_name(err));
	}
	while (n-- > 0)
		close_probe(&wps[n]);
}

static void probe_modify(struct env *env, const struct address_pool *data)
{
	struct watchpoint wp;
	int err = try_open(&wp, BP_W, 1, pool_address(data, 0));

	if (err == 0) {
		wp.attr.bp_addr = pool_address(data, 1);
		err = ioctl(wp.fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &wp.attr) == 0 ? 0 : errno;
		close_probe(&wp);
	}
	env->modify_errno = err;
	env->modify.supported = err == 0;
	snprintf(env->modify.reason, sizeof(env->modify.reason), "%s%s",
		 err == 0 ? "moved a 1-byte W watchpoint in place" : "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES) failed with ",
		 err == 0 ? "" : errno_name(err));
}

/*
 * notify=sigtrap: whether perf_event_open takes attr.sigtrap (5.13+), and whether the modify
 * ioctl takes a new sig_data with a new address (5.17+; 5.13-5.16 refuse it with EINVAL).
 * Nothing is stored to the watched bytes: no SIGTRAP handler is installed yet, and a trap
 * would end the process. That the SIGTRAPs come, one per trap with the right tag, is what
 * every batch's premise checks.
 */
static void probe_sigtrap(struct env *env, const struct address_pool *data)
{
	const struct arm_context ctx = { 0 };
	struct perf_failure failure;
	struct watchpoint wp;
	int err;

	watchpoint_init(&wp, BP_W, 1, pool_address(data, 3));
	watchpoint_send_sigtrap(&wp);
	if (watchpoint_arm(&wp, &ctx, &failure) != 0) {
		snprintf(env->sigtrap.reason, sizeof(env->sigtrap.reason), "perf_event_open refused attr.sigtrap with %s%s",
			 errno_name(failure.err), failure.err == EINVAL ? " (Linux 5.13+ has it)" : "");
		snprintf(env->sig_data_modify.reason, sizeof(env->sig_data_modify.reason),
			 "not tried: attr.sigtrap is refused here (see sigtrap)");
		return;
	}
	env->sigtrap.supported = true;
	snprintf(env->sigtrap.reason, sizeof(env->sigtrap.reason), "perf_event_open accepted attr.sigtrap on a 1-byte W "
		 "watchpoint; that its SIGTRAPs arrive, tagged, is checked wherever they are counted");
	wp.attr.bp_addr = pool_address(data, 4);
	wp.attr.sig_data = watchpoint_tag((uintptr_t)wp.attr.bp_addr);
	err = ioctl(wp.fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &wp.attr) == 0 ? 0 : errno;
	close_probe(&wp);
	env->sig_data_modify.supported = err == 0;
	if (err == 0)
		snprintf(env->sig_data_modify.reason, sizeof(env->sig_data_modify.reason),
			 "the modify ioctl moved a sigtrap watchpoint and took its new sig_data");
	else if (!env->modify.supported)
		snprintf(env->sig_data_modify.reason, sizeof(env->sig_data_modify.reason),
			 "refused as every modify is here (see modifyAttributes)");
	else
		snprintf(env->sig_data_modify.reason, sizeof(env->sig_data_modify.reason), "the modify ioctl refused a new "
			 "sig_data with %s%s", errno_name(err), err == EINVAL ? " (Linux 5.17+ takes it; 5.13-5.16 refuse it)" : "");
}

/* Some hypervisors accept a watchpoint and never raise its exception: every trap count would
 * then be zero and no move could be verified by a trap. */
static void probe_traps(struct env *env, const struct address_pool *data)
{
	struct watchpoint wp;
	uint64_t count = 0;
	int err = try_open(&wp, BP_W, 1, pool_address(data, 2)), i;

	if (err == 0) {
		for (i = 1; i <= 3; i++)
			*(volatile uint8_t *)pool_address(data, 2) = (uint8_t)i;
		if (read(wp.fd, &count, sizeof(count)) != (ssize_t)sizeof(count))
			err = errno;
		close_probe(&wp);
	}
	env->traps.supported = err == 0 && count == 3;
	if (err != 0)
		snprintf(env->traps.reason, sizeof(env->traps.reason), "not tried: perf_event_open or read failed with %s",
			 errno_name(err));
	else if (count != 3)
		snprintf(env->traps.reason, sizeof(env->traps.reason), "no watchpoint fires here: 3 stores under an armed "
			 "watchpoint were counted %llu times (a hypervisor that does not raise the guest's debug exceptions)",
			 (unsigned long long)count);
	else
		snprintf(env->traps.reason, sizeof(env->traps.reason), "3 stores under an armed watchpoint were counted 3 times");
}

static void probe_shapes(struct env *env, const struct address_pool *data, const struct address_pool *code)
{
	int t, l;

	for (t = 0; t < NR_BP_KINDS; t++)
		for (l = 0; l < NR_BP_LENGTHS; l++) {
			struct shape_support *shape = &env->shapes[t][l];
			struct watchpoint wp;

			if (t == BP_X && code->code == NULL) {
				shape->err = ENOTSUP;
				continue;
			}
			shape->err = try_open(&wp, t, 1 << l, pool_address(t == BP_X ? code : data, 0));
			shape->supported = shape->err == 0;
			if (shape->supported)
				close_probe(&wp);
		}
}

void env_probe(struct env *env)
{
	struct address_pool data, code;
	struct watchpoint wp;
	char clocksource[sizeof(env->clocksource)];

	memset(env, 0, sizeof(*env));
	if (uname(&env->uts) != 0)
		snprintf(env->uts.release, sizeof(env->uts.release), "unknown");
	cpu_facts(env);
	env->page_size = sysconf(_SC_PAGESIZE);
	if (env->page_size <= 0)
		env->page_size = 4096;
	env->nproc = usable_cpus();
	env->paranoid = read_number("/proc/sys/kernel/perf_event_paranoid");
	env->mlock_kb = read_number("/proc/sys/kernel/perf_event_mlock_kb");
	if (!read_line("/sys/devices/system/clocksource/clocksource0/current_clocksource", clocksource,
		       sizeof(clocksource)))
		snprintf(clocksource, sizeof(clocksource), "unknown");
	snprintf(env->clocksource, sizeof(env->clocksource), "%s", clocksource);
	env->clock_read_ns = clock_read_cost();
	env->signo = SIGRTMIN + 3;
	memlock_probe(env);

	if (pool_create(&data, BP_W, 1, (size_t)env->page_size) != 0) {
		env->breakpoint_errno = errno;
		snprintf(env->breakpoint_pmu.reason, sizeof(env->breakpoint_pmu.reason),
			 "cannot allocate the probe's memory: %s", strerror(errno));
		return;
	}
	if (!pool_supports_execute() || pool_create(&code, BP_X, 8, (size_t)env->page_size) != 0)
		memset(&code, 0, sizeof(code));

	env->breakpoint_errno = try_open(&wp, BP_W, 1, pool_address(&data, 0));
	env->breakpoint_pmu.supported = env->breakpoint_errno == 0;
	if (env->breakpoint_pmu.supported) {
		close_probe(&wp);
		snprintf(env->breakpoint_pmu.reason, sizeof(env->breakpoint_pmu.reason),
			 "opened a 1-byte W watchpoint%s",
			 access("/sys/bus/event_source/devices/breakpoint", F_OK) == 0
				 ? "" : "; note: no breakpoint PMU listed in sysfs");
		probe_debug_registers(env, &data);
		probe_traps(env, &data);
		probe_modify(env, &data);
		probe_sigtrap(env, &data);
		probe_shapes(env, &data, &code);
	} else {
		snprintf(env->breakpoint_pmu.reason, sizeof(env->breakpoint_pmu.reason),
			 "perf_event_open of a 1-byte W watchpoint failed with %s", errno_name(env->breakpoint_errno));
		snprintf(env->debug_registers.reason, sizeof(env->debug_registers.reason), "not tried: %.200s",
			 env->breakpoint_pmu.reason);
		snprintf(env->modify.reason, sizeof(env->modify.reason), "not tried: %.200s",
			 env->breakpoint_pmu.reason);
		snprintf(env->traps.reason, sizeof(env->traps.reason), "not tried: %.200s", env->breakpoint_pmu.reason);
		snprintf(env->sigtrap.reason, sizeof(env->sigtrap.reason), "not tried: %.200s", env->breakpoint_pmu.reason);
		snprintf(env->sig_data_modify.reason, sizeof(env->sig_data_modify.reason), "not tried: %.200s",
			 env->breakpoint_pmu.reason);
		env->modify_errno = env->breakpoint_errno;
	}
	pool_destroy(&code);
	pool_destroy(&data);
}

void env_print(const struct env *env, FILE *out)
{
	int t, l;

	fprintf(out, "machine: Linux %s, %s%s, %d CPUs, %d debug registers, modify ioctl %s\n", env->uts.release, env->cpu,
	       env->hypervisor ? " (hypervisor)" : "", env->nproc, env->debug_register_count,
	       env->modify.supported ? "works" : "refused");
	fprintf(out, "shapes accepted:");
	for (t = 0; t < NR_BP_KINDS; t++)
		for (l = 0; l < NR_BP_LENGTHS; l++)
			if (env->shapes[t][l].supported)
				fprintf(out, " %s/%d", bp_kind_name(t), 1 << l);
	fprintf(out, "\n");
}

void env_probe_hardware_pmu(struct capability *pmu)
{
	struct perf_event_attr attr;
	long fd;

	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_HARDWARE;
	attr.size = sizeof(attr);
	attr.config = PERF_COUNT_HW_CPU_CYCLES;
	attr.disabled = 1;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	fd = syscall(__NR_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd >= 0) {
		(void)close((int)fd);
		pmu->supported = true;
		snprintf(pmu->reason, sizeof(pmu->reason),
			 "a cycles event opened; the sampler still uses task-clock so runs compare across machines");
		return;
	}
	pmu->supported = false;
	snprintf(pmu->reason, sizeof(pmu->reason),
		 "perf_event_open(PERF_TYPE_HARDWARE, cycles) failed with %s: no hardware PMU here (as in most VMs)",
		 errno_name(errno));
}
