/*
 * The scenario vocabulary's names, shared by options, matrices, progress lines and native.json,
 * so the C harness spells every key and value exactly as docs/design.md and the Java side do.
 */
#include "scenario.h"

#include "strategy.h"

#include <stdio.h>

#include <linux/hw_breakpoint.h>

static const char *const notify_names[NR_NOTIFY] = {
	[NOTIFY_NONE] = "none",
	[NOTIFY_SIGNAL] = "signal",
	[NOTIFY_SIGTRAP] = "sigtrap",
};

static const char *const bp_kind_names[NR_BP_KINDS] = {
	[BP_R] = "R",
	[BP_W] = "W",
	[BP_RW] = "RW",
	[BP_X] = "X",
};

static const int bp_kind_values[NR_BP_KINDS] = {
	[BP_R] = HW_BREAKPOINT_R,
	[BP_W] = HW_BREAKPOINT_W,
	[BP_RW] = HW_BREAKPOINT_RW,
	[BP_X] = HW_BREAKPOINT_X,
};

const char *strategy_name(enum strategy_id id)
{
	return strategy_desc(id)->name;
}

const char *notify_name(enum notify_mode mode)
{
	return notify_names[mode];
}

const char *bp_kind_name(enum bp_kind kind)
{
	return bp_kind_names[kind];
}

int bp_kind_bits(enum bp_kind kind)
{
	return bp_kind_values[kind];
}

int bp_length_index(int len)
{
	switch (len) {
	case 1:
		return 0;
	case 2:
		return 1;
	case 4:
		return 2;
	case 8:
		return 3;
	default:
		return -1;
	}
}

void scenario_describe(const struct scenario *s, char *buf, size_t size)
{
	snprintf(buf, size, "trapEvery=%d notify=%s pages=%d bpType=%s bpLen=%d threads=%d slots=%d",
		 s->trap_every, notify_name(s->notify), s->pages, bp_kind_name(s->bp_type), s->bp_len,
		 s->threads, s->slots);
}
