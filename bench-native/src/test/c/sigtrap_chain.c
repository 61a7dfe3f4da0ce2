/*
 * Does libperfbp's SIGTRAP handler hand a SIGTRAP that is not perf's to the handler installed
 * before it? Installs a counting SA_SIGINFO handler, loads libperfbp.so (argv[1]), installs its
 * handler twice (the second install must not record itself as "the previous one"), raises a
 * plain SIGTRAP, and prints what each side counted: "previous N", "perf N", "chained N".
 */
#include <dlfcn.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile sig_atomic_t previous_calls;
static volatile sig_atomic_t previous_code;

static void previous_handler(int signo, siginfo_t *info, void *context)
{
	(void)signo;
	(void)context;
	previous_calls++;
	previous_code = info->si_code;
}

int main(int argc, char **argv)
{
	struct sigaction action;

	if (argc != 2) {
		fprintf(stderr, "usage: sigtrap_chain /path/to/libperfbp.so\n");
		return 2;
	}
	memset(&action, 0, sizeof(action));
	action.sa_sigaction = previous_handler;
	action.sa_flags = SA_SIGINFO;
	sigemptyset(&action.sa_mask);
	if (sigaction(SIGTRAP, &action, NULL) != 0) {
		perror("sigaction");
		return 1;
	}
	void *lib = dlopen(argv[1], RTLD_NOW);
	if (lib == NULL) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 1;
	}
	int (*install)(void) = (int (*)(void))dlsym(lib, "perfbp_sigtrap_install");
	int64_t (*perf_count)(void) = (int64_t(*)(void))dlsym(lib, "perfbp_sigtrap_count");
	int64_t (*chained_count)(void) = (int64_t(*)(void))dlsym(lib, "perfbp_sigtrap_chained_count");
	if (install == NULL || perf_count == NULL || chained_count == NULL) {
		fprintf(stderr, "dlsym: %s\n", dlerror());
		return 1;
	}
	if (install() != 0 || install() != 0) {
		perror("perfbp_sigtrap_install");
		return 1;
	}
	raise(SIGTRAP);
	printf("previous %d\nprevious_code %d\nperf %lld\nchained %lld\n", (int)previous_calls, (int)previous_code,
	       (long long)perf_count(), (long long)chained_count());
	return 0;
}
