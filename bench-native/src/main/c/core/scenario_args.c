/*
 * The scenario keys as options, shared by every command that runs move scenarios: one row per
 * key with its help, its valid values, and the parsing of a comma-separated list of them; and
 * the rows such a command applies alike (the common ones, the keys, its list of matrices), so
 * that each command's apply handles only the rows that are its own.
 */
#include "scenario_args.h"

#include "matrix.h"
#include "strategy.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

static const char *const axis_valid[NR_AXES] = {
	[AXIS_STRATEGY] = "reopen, modify, reopen-nobuf, disable-modify-enable",
	[AXIS_TRAP_EVERY] = "whole numbers >= 0 (0 = never traps, k = every k-th op traps)",
	[AXIS_NOTIFY] = "none, signal, sigtrap",
	[AXIS_PAGES] = "1, 2, 4, 8, 16, 32, 64, 128, 256, 512",
	[AXIS_BP_TYPE] = "W, RW, X, R (where the CPU allows it)",
	[AXIS_BP_LEN] = "1, 2, 4, 8",
	[AXIS_THREADS] = "whole numbers 1..nproc",
	[AXIS_SLOTS] = "whole numbers 1..debug registers",
};

const struct arg_row scenario_arg_rows[NR_AXES] = {
	[AXIS_STRATEGY] = { "strategy", "LIST", AXIS_STRATEGY, 0, 0, "reopen, modify, reopen-nobuf, disable-modify-enable",
		"how the watchpoint is moved: reopen (munmap, close, perf_event_open, fcntl x4 if signal, mmap), "
	"modify (ioctl PERF_EVENT_IOC_MODIFY_ATTRIBUTES), reopen-nobuf (reopen with no ring: read() of the "
	"counter, close, open, fcntl; with no ring the counter is its only trap count, so every timed op pays that "
	"read(); reported with pages 0), disable-modify-enable (ioctl DISABLE, MODIFY_ATTRIBUTES, ENABLE)" },
	[AXIS_TRAP_EVERY] = { "trapEvery", "LIST", AXIS_TRAP_EVERY, 0, 0, "whole numbers >= 0 (0 = never traps, k = every k-th op traps)",
		"the workload: 0 = no op traps, 1 = every op stores to the watched address (one trap), "
	"k = every k-th op does; whole numbers >= 0" },
	[AXIS_NOTIFY] = { "notify", "LIST", AXIS_NOTIFY, 0, 0, "none, signal, sigtrap",
		"none, or signal = O_ASYNC + F_SETSIG SIGRTMIN+3 + F_SETOWN_EX to the arming thread (one signal per trap), "
	"or sigtrap = attr.sigtrap (Linux 5.13+): a synchronous SIGTRAP to the trapping thread carrying the armed "
	"address's tag in si_perf_data; no ring (pages 0, --pages does not apply) and no fcntl" },
	[AXIS_PAGES] = { "pages", "LIST", AXIS_PAGES, 0, 0, "1, 2, 4, 8, 16, 32, 64, 128, 256, 512",
		"data pages of the mmap'ed ring, a power of two 1..512 (mmap length is (1+pages) x page size); "
	"not with --notify sigtrap, which maps no ring" },
	[AXIS_BP_TYPE] = { "bpType", "LIST", AXIS_BP_TYPE, 0, 0, "W, RW, X, R (where the CPU allows it)",
		"watchpoint type: W, RW, X, or R where the CPU allows it (x86 does not)" },
	[AXIS_BP_LEN] = { "bpLen", "LIST", AXIS_BP_LEN, 0, 0, "1, 2, 4, 8",
		"watched bytes: 1, 2, 4 or 8 (X takes the arch's instruction length: 8 on x86)" },
	[AXIS_THREADS] = { "threads", "LIST", AXIS_THREADS, 0, 0, "whole numbers 1..nproc",
		"threads each moving their own watchpoints at once, released by a barrier: 1..nproc" },
	[AXIS_SLOTS] = { "slots", "LIST", AXIS_SLOTS, 0, 0, "whole numbers 1..debug registers",
		"watchpoints armed at once per thread, moved round-robin: 1..debug registers (x86: 4)" },
};

int scenario_arg_axis(const struct arg_row *row)
{
	return row >= scenario_arg_rows && row < scenario_arg_rows + NR_AXES ? (int)(row - scenario_arg_rows) : -1;
}

static int parse_axis_value(enum axis axis, const char *text, int *out, const char **why)
{
	long number;
	int i;

	*why = "not a valid value";
	switch (axis) {
	case AXIS_STRATEGY:
		for (i = 0; i < NR_STRATEGIES; i++)
			if (strcmp(text, strategy_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown strategy";
		return -1;
	case AXIS_NOTIFY:
		for (i = 0; i < NR_NOTIFY; i++)
			if (strcmp(text, notify_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown notify mode";
		return -1;
	case AXIS_BP_TYPE:
		for (i = 0; i < NR_BP_KINDS; i++)
			if (strcasecmp(text, bp_kind_name(i)) == 0)
				return *out = i, 0;
		*why = "unknown watchpoint type";
		return -1;
	default:
		break;
	}
	if (args_parse_long(text, &number) != 0) {
		*why = "not a whole number";
		return -1;
	}
	switch (axis) {
	case AXIS_TRAP_EVERY:
		if (number < 0 || number > INT_MAX) {
			*why = "must be >= 0";
			return -1;
		}
		break;
	case AXIS_PAGES:
		if (number < 1 || number > MAX_PAGES || (number & (number - 1)) != 0) {
			*why = "not a power of two from 1 to 512";
			return -1;
		}
		break;
	case AXIS_BP_LEN:
		if (number < 1 || number > 8 || bp_length_index((int)number) < 0) {
			*why = "not a watchable length";
			return -1;
		}
		break;
	case AXIS_THREADS:
	case AXIS_SLOTS:
		if (number < 1) {
			*why = "must be >= 1";
			return -1;
		}
		if (number > MAX_VALUES * 16) {
			*why = "more than any machine here has";
			return -1;
		}
		break;
	default:
		break;
	}
	*out = (int)number;
	return 0;
}

int scenario_arg_parse(const struct arg_row *row, const char *value, struct value_list *list)
{
	char item[64];
	const char *start = value;
	const char *why;
	int parsed, i;

	list->count = 0;
	for (;;) {
		const char *comma = strchr(start, ',');
		size_t len = comma ? (size_t)(comma - start) : strlen(start);

		if (len == 0 || len >= sizeof(item))
			return args_usage_error(row->name, value, "empty or overlong item in the list",
					   axis_valid[row->id]);
		memcpy(item, start, len);
		item[len] = '\0';
		if (parse_axis_value(row->id, item, &parsed, &why) != 0) {
			char shown[96];

			snprintf(shown, sizeof(shown), "%s", item);
			return args_usage_error(row->name, shown, why, axis_valid[row->id]);
		}
		for (i = 0; i < list->count && list->values[i] != parsed; i++)
			;
		if (i == list->count) {
			if (list->count == MAX_VALUES)
				return args_usage_error(row->name, value, "too many values", axis_valid[row->id]);
			list->values[list->count++] = parsed;
		}
		if (!comma)
			return 0;
		start = comma + 1;
	}
}

void scenario_choice_default(struct scenario_choice *choice)
{
	memset(choice, 0, sizeof(*choice));
	choice->matrices = 1u << matrix_find("headline");
	choice->matrix_text = "headline";
}

int scenario_args_apply(const struct arg_row *row, const char *value, const struct arg_row *matrices_row,
			struct scenario_choice *choice, struct args_common *common)
{
	int axis = scenario_arg_axis(row);
	int rc = args_apply_common(row, value, common);

	if (rc <= 0)
		return rc;
	if (axis >= 0)
		return scenario_arg_parse(row, value, &choice->axis[axis]);
	if (row != matrices_row)
		return 1;
	if (matrix_parse(row->name, value, &choice->matrices) != 0)
		return -1;
	choice->matrix_text = value;
	return 0;
}

/* A sigtrap watchpoint maps no ring: --pages next to an explicit --notify sigtrap asks for what cannot be. */
int scenario_args_check_sigtrap_pages(const struct value_list axis[NR_AXES])
{
	const struct value_list *notify = &axis[AXIS_NOTIFY];
	const struct value_list *pages = &axis[AXIS_PAGES];
	char given[MAX_VALUES * 4];
	size_t used = 0;
	int i;

	for (i = 0; i < notify->count && notify->values[i] != NOTIFY_SIGTRAP; i++)
		;
	if (i == notify->count || pages->count == 0)
		return 0;
	given[0] = '\0';
	for (i = 0; i < pages->count && used < sizeof(given); i++)
		used += snprintf(given + used, sizeof(given) - used, "%s%d", i ? "," : "", pages->values[i]);
	fprintf(stderr, "perfbp-bench: --pages %s with --notify sigtrap: a sigtrap watchpoint maps no ring (its SIGTRAP "
		"carries the tag a sample would), so pages does not apply; valid: no --pages with --notify sigtrap (it "
		"runs with pages 0), or --pages with --notify none,signal\n", given);
	return -1;
}
