/*
 * trap-anatomy: what one trap costs on this host, built up piece by piece. Each part is the
 * per-op difference between a loop that traps and the same loop that does not (the watchpoint
 * armed elsewhere, or the exception/signal left out), measured in interleaved rounds. The
 * watchpoint parts add, one at a time, what a perf watchpoint's trap can carry (a counter, a
 * ring sample, a wakeup, an O_ASYNC signal; or a synchronous SIGTRAP); the references take perf
 * out (a breakpoint exception, a debug exception, a signal, a syscall).
 */
#ifndef PERFBP_ANATOMY_H
#define PERFBP_ANATOMY_H

#include <stdbool.h>

/* What one loop of one part did: the premise counts it checks beside the time it took. */
struct loop_run {
	double ns;
	long long expected; /* traps (or handler calls) the loop should have caused */
	long long observed; /* what the kernel's counter, the ring or the handler saw */
	long long tag_mismatches; /* sigtrap: signals whose si_perf_data named another address */
};

/*
 * One part: prepare arms what it needs (returning its state, or NULL with why filled in when it
 * cannot run here), run times its trapping or its plain loop, finish releases everything.
 */
struct anatomy_part {
	const char *name; /* the key in native.json: count, ring, ring-wakeup, ... */
	const char *kind; /* "watchpoint" or "reference" */
	int config;       /* which variant of its file's loop */
	void *(*prepare)(const struct anatomy_part *part, char *why, int why_size);
	int (*run)(void *state, bool trapping, long ops, struct loop_run *out, char *why, int why_size);
	void (*finish)(void *state);
};

/* The watchpoint parts (anatomy/watchpoint_parts.c) and the references (anatomy/references.c). */
extern const struct anatomy_part watchpoint_parts[];
extern const int nr_watchpoint_parts;
extern const struct anatomy_part reference_parts[];
extern const int nr_reference_parts;

/* The one SIGTRAP handler both files use (anatomy/trap_handler.c). */
struct handler_counts {
	long long perf;     /* si_code TRAP_PERF: a sigtrap watchpoint */
	long long breakpt;  /* int3 (x86 reports SI_KERNEL) or brk */
	long long step;     /* single-step: TRAP_TRACE */
	long long rt;       /* the O_ASYNC real-time signal */
	long long tgkill;   /* SIGUSR1 sent by tgkill */
	long long tag_mismatches;
};
int trap_handlers_install(char *why, int why_size);
void handler_counts_read(struct handler_counts *out);
/* The si_perf_data a sigtrap trap must carry from now on. */
void trap_expect_tag(unsigned long tag);
int anatomy_rt_signal(void);

/* perfbp-bench trap-anatomy; argv: the whole command line (argv[1] is "trap-anatomy"), for native.json too. */
int cmd_trap_anatomy(int argc, char **argv);

#endif
