/* The scenario vocabulary (docs/design.md "One vocabulary for a scenario"): keys, values, names. */
#ifndef PERFBP_SCENARIO_H
#define PERFBP_SCENARIO_H

#include <stddef.h>

#define MAX_VALUES 64	/* values one option (or one matrix axis) can list */
#define MAX_SLOTS 32	/* more than any arch has debug registers (x86: 4, arm64: up to 16) */
#define MAX_PAGES 512	/* the vocabulary's largest ring */
#define MAX_SCENARIOS 4096 /* scenarios one run can hold */

enum strategy_id {
	STRATEGY_REOPEN,
	STRATEGY_MODIFY,
	STRATEGY_REOPEN_NOBUF,
	STRATEGY_DISABLE_MODIFY_ENABLE,
	NR_STRATEGIES
};

/* signal: O_ASYNC + F_SETSIG + F_SETOWN_EX; sigtrap: attr.sigtrap (5.13+), no ring, no fcntl. */
enum notify_mode { NOTIFY_NONE, NOTIFY_SIGNAL, NOTIFY_SIGTRAP, NR_NOTIFY };

/* The four watchpoint types by index; bp_kind_bits() gives the HW_BREAKPOINT_* value. */
enum bp_kind { BP_R, BP_W, BP_RW, BP_X, NR_BP_KINDS };

#define NR_BP_LENGTHS 4 /* 1, 2, 4, 8 */

struct scenario {
	enum strategy_id strategy;
	int trap_every;	    /* 0 never, 1 every op, k every k-th op */
	enum notify_mode notify;
	int pages;	    /* ring data pages; 0 for a strategy that maps no ring */
	enum bp_kind bp_type;
	int bp_len;
	int threads;
	int slots;
};

/* The keys of a scenario, in the order options, matrices and the JSON list them. */
enum axis {
	AXIS_STRATEGY,
	AXIS_TRAP_EVERY,
	AXIS_NOTIFY,
	AXIS_PAGES,
	AXIS_BP_TYPE,
	AXIS_BP_LEN,
	AXIS_THREADS,
	AXIS_SLOTS,
	NR_AXES
};

struct value_list {
	int count;
	int values[MAX_VALUES];
};

const char *strategy_name(enum strategy_id id);
const char *notify_name(enum notify_mode mode);
const char *bp_kind_name(enum bp_kind kind);
int bp_kind_bits(enum bp_kind kind);
int bp_length_index(int len); /* 0..3 for 1, 2, 4, 8; -1 otherwise */
void scenario_describe(const struct scenario *s, char *buf, size_t size);

#endif
