/*
 * Named matrices: each is a list of values per scenario key; explicit options replace a key's
 * list. Expansion keeps what this machine accepts (shapes, threads, slots, the modify ioctl)
 * and refuses, before anything runs, what the user asked for by name but the machine cannot do.
 */
#include "matrix.h"

#include "advice.h"
#include "help_text.h"
#include "strategy.h"

#include <stdio.h>

#include <string.h>

#define LIST(...) { .count = sizeof((int[]){ __VA_ARGS__ }) / sizeof(int), .values = { __VA_ARGS__ } }
/* A machine-dependent list: 1..nproc for threads, 1..debug registers for slots. */
#define UP_TO_MACHINE { .count = -1 }

struct matrix_def {
	struct matrix_info info;
	struct value_list axis[NR_AXES];
};

/* The headline scenario (docs/design.md): every key a matrix does not vary keeps these values. */
static const struct value_list headline_axes[NR_AXES] = {
	[AXIS_STRATEGY] = LIST(STRATEGY_REOPEN, STRATEGY_MODIFY),
	[AXIS_TRAP_EVERY] = LIST(0, 1),
	[AXIS_NOTIFY] = LIST(NOTIFY_SIGNAL),
	[AXIS_PAGES] = LIST(1),
	[AXIS_BP_TYPE] = LIST(BP_RW),
	[AXIS_BP_LEN] = LIST(1),
	[AXIS_THREADS] = LIST(1),
	[AXIS_SLOTS] = LIST(1),
};

/* Only the keys a matrix varies; the rest come from headline_axes. */
static const struct matrix_def matrices[] = {
	{ { "headline", "reopen and modify, trapEvery 0 (the ~10x claim) and 1 (the ~4x claim), at bpType=RW "
			"bpLen=1 pages=1 notify=signal slots=1 threads=1" },
	  { { 0 } } },
	{ { "pages", "reopen and modify, pages 1, 2, 4 ... 512, trapEvery 0 (reopen pays for the ring; modify keeps it)" },
	  { [AXIS_TRAP_EVERY] = LIST(0), [AXIS_PAGES] = LIST(1, 2, 4, 8, 16, 32, 64, 128, 256, 512) } },
	{ { "trap-rate", "reopen and modify, trapEvery 0, 100, 10, 3, 1 (how the ratio falls as traps dominate)" },
	  { [AXIS_TRAP_EVERY] = LIST(0, 100, 10, 3, 1) } },
	{ { "shape", "reopen and modify, trapEvery 0 and 1, every bpType x bpLen this CPU accepts (probed; X at the "
		     "arch's instruction length)" },
	  { [AXIS_BP_TYPE] = LIST(BP_W, BP_RW, BP_X, BP_R), [AXIS_BP_LEN] = LIST(1, 2, 4, 8) } },
	{ { "threads", "reopen and modify, trapEvery 0 and 1, threads 1..nproc (powers of two past 8)" },
	  { [AXIS_THREADS] = UP_TO_MACHINE } },
	{ { "slots", "reopen and modify, trapEvery 0 and 1, slots 1..debug registers found" },
	  { [AXIS_SLOTS] = UP_TO_MACHINE } },
	{ { "notify", "reopen and modify, trapEvery 0 and 1, notify none, signal and sigtrap (sigtrap maps no ring: "
		      "pages 0)" },
	  { [AXIS_NOTIFY] = LIST(NOTIFY_NONE, NOTIFY_SIGNAL, NOTIFY_SIGTRAP) } },
	{ { "all", "every matrix above, each scenario once (not profiler)" }, { { 0 } } },
};

#define NR_MATRICES ((int)(sizeof(matrices) / sizeof(matrices[0])))
#define MATRIX_ALL (NR_MATRICES - 1)

int matrix_find(const char *name)
{
	int i;

	for (i = 0; i < NR_MATRICES; i++)
		if (strcmp(matrices[i].info.name, name) == 0)
			return i;
	return -1;
}

const char *matrix_names(void)
{
	return "headline, pages, trap-rate, shape, threads, slots, notify, all";
}

void matrix_help(FILE *out, const char *option)
{
	int i;

	fprintf(out, "\nMATRICES (what %s runs before explicit options narrow it)\n", option);
	for (i = 0; i < NR_MATRICES; i++) {
		fprintf(out, "  %-20s", matrices[i].info.name);
		help_wrap(out, matrices[i].info.help, 22, 100);
	}
}

/* threads 1..nproc: every count up to 8, then powers of two and nproc itself. */
static void up_to_machine(enum axis axis, const struct env *env, struct value_list *list)
{
	int limit = axis == AXIS_THREADS ? env->nproc : env->debug_register_count;
	int v;

	list->count = 0;
	for (v = 1; v <= limit && list->count < MAX_VALUES - 1; v++)
		if (axis == AXIS_SLOTS || v <= 8 || (v & (v - 1)) == 0)
			list->values[list->count++] = v;
	if (list->count == 0 || list->values[list->count - 1] != limit)
		list->values[list->count++] = limit;
}

static void valid_types(const struct env *env, char *buf, size_t size)
{
	size_t used = 0;
	int t, l;

	buf[0] = '\0';
	for (t = 0; t < NR_BP_KINDS; t++)
		for (l = 0; l < NR_BP_LENGTHS; l++)
			if (env->shapes[t][l].supported) {
				used += snprintf(buf + used, size - used, "%s%s", used ? ", " : "", bp_kind_name(t));
				break;
			}
}

static void valid_lengths(const struct env *env, enum bp_kind type, char *buf, size_t size)
{
	size_t used = 0;
	int l;

	buf[0] = '\0';
	for (l = 0; l < NR_BP_LENGTHS; l++)
		if (env->shapes[type][l].supported)
			used += snprintf(buf + used, size - used, "%s%d", used ? ", " : "", 1 << l);
}

static int first_refusal(const struct env *env, enum bp_kind type)
{
	int l;

	for (l = 0; l < NR_BP_LENGTHS; l++)
		if (env->shapes[type][l].err)
			return env->shapes[type][l].err;
	return 0;
}

struct shape_pair {
	enum bp_kind type;
	int len;
};

/*
 * bpType x bpLen pairs to run. A pair named entirely by the user must be accepted by the CPU;
 * one the matrix supplied is kept only if accepted, and a type whose lengths all came from
 * the matrix but none fit takes the smallest it accepts (X: the arch's instruction length).
 */
static int shape_pairs(const struct value_list *types, bool types_explicit, const struct value_list *lens,
		       bool lens_explicit, const struct env *env, struct shape_pair *pairs)
{
	char valid[128];
	int n = 0, t, l;

	for (t = 0; t < types->count; t++) {
		enum bp_kind type = types->values[t];
		int before = n;

		valid_lengths(env, type, valid, sizeof(valid));
		if (valid[0] == '\0') {
			if (!types_explicit)
				continue;
			{
				char types_valid[64];

				valid_types(env, types_valid, sizeof(types_valid));
				fprintf(stderr, "perfbp-bench: --bpType %s: this CPU refuses it (%s); valid here: %s\n",
					bp_kind_name(type), errno_name(first_refusal(env, type)), types_valid);
			}
			return -1;
		}
		for (l = 0; l < lens->count; l++) {
			int len = lens->values[l];
			const struct shape_support *shape = &env->shapes[type][bp_length_index(len)];

			if (shape->supported) {
				pairs[n++] = (struct shape_pair){ type, len };
			} else if (types_explicit && lens_explicit) {
				fprintf(stderr, "perfbp-bench: --bpLen %d with --bpType %s: this CPU refuses it (%s); "
					"valid with %s here: %s\n", len, bp_kind_name(type), errno_name(shape->err),
					bp_kind_name(type), valid);
				return -1;
			}
		}
		if (n == before && !lens_explicit) {
			for (l = 0; l < NR_BP_LENGTHS && !env->shapes[type][l].supported; l++)
				;
			pairs[n++] = (struct shape_pair){ type, 1 << l };
		}
	}
	if (n == 0) {
		char types_valid[64];

		valid_types(env, types_valid, sizeof(types_valid));
		fprintf(stderr, "perfbp-bench: --bpLen %d: this CPU accepts it for none of the types asked for; "
			"valid: a length the types %s accept (see env.shapes in --dry-run)\n", lens->values[0],
			types_valid);
		return -1;
	}
	return n;
}

static bool same_scenario(const struct scenario *a, const struct scenario *b)
{
	return a->strategy == b->strategy && a->trap_every == b->trap_every && a->notify == b->notify &&
	       a->pages == b->pages && a->bp_type == b->bp_type && a->bp_len == b->bp_len &&
	       a->threads == b->threads && a->slots == b->slots;
}

static int check_machine_limits(const struct value_list axis[NR_AXES], const struct env *env)
{
	const struct value_list *threads = &axis[AXIS_THREADS];
	const struct value_list *slots = &axis[AXIS_SLOTS];
	int i;

	for (i = 0; i < threads->count; i++)
		if (threads->values[i] > env->nproc) {
			fprintf(stderr, "perfbp-bench: --threads %d: more than the %d CPUs this process may run on; "
				"valid: 1..%d\n", threads->values[i], env->nproc, env->nproc);
			return -1;
		}
	for (i = 0; i < slots->count; i++)
		if (slots->values[i] > env->debug_register_count) {
			fprintf(stderr, "perfbp-bench: --slots %d: more than the %d debug registers found; valid: 1..%d\n",
				slots->values[i], env->debug_register_count, env->debug_register_count);
			return -1;
		}
	return 0;
}

/* Appends one matrix's scenarios (deduplicated) to out[*n]. */
static int expand_one(const struct matrix_def *m, const struct value_list axis[NR_AXES], const struct env *env,
		      struct scenario *out, int *n, int max)
{
	struct value_list axes[NR_AXES];
	struct shape_pair pairs[NR_BP_KINDS * NR_BP_LENGTHS];
	int a, npairs, te, no, pg, sp, th, sl, st;

	for (a = 0; a < NR_AXES; a++) {
		if (axis[a].count > 0)
			axes[a] = axis[a];
		else if (m->axis[a].count < 0)
			up_to_machine(a, env, &axes[a]);
		else if (m->axis[a].count > 0)
			axes[a] = m->axis[a];
		else
			axes[a] = headline_axes[a];
	}
	npairs = shape_pairs(&axes[AXIS_BP_TYPE], axis[AXIS_BP_TYPE].count > 0, &axes[AXIS_BP_LEN],
			     axis[AXIS_BP_LEN].count > 0, env, pairs);
	if (npairs < 0)
		return -1;

	/* Strategy innermost: the members of one group are adjacent, in the order asked for. */
	for (te = 0; te < axes[AXIS_TRAP_EVERY].count; te++)
	for (no = 0; no < axes[AXIS_NOTIFY].count; no++)
	for (pg = 0; pg < axes[AXIS_PAGES].count; pg++)
	for (sp = 0; sp < npairs; sp++)
	for (th = 0; th < axes[AXIS_THREADS].count; th++)
	for (sl = 0; sl < axes[AXIS_SLOTS].count; sl++)
	for (st = 0; st < axes[AXIS_STRATEGY].count; st++) {
		struct scenario s = {
			.strategy = axes[AXIS_STRATEGY].values[st],
			.trap_every = axes[AXIS_TRAP_EVERY].values[te],
			.notify = axes[AXIS_NOTIFY].values[no],
			.pages = axes[AXIS_PAGES].values[pg],
			.bp_type = pairs[sp].type,
			.bp_len = pairs[sp].len,
			.threads = axes[AXIS_THREADS].values[th],
			.slots = axes[AXIS_SLOTS].values[sl],
		};
		int i;

		/* sigtrap's SIGTRAP carries what a sample would: no ring, whatever the strategy. */
		if (!strategy_desc(s.strategy)->maps_ring || s.notify == NOTIFY_SIGTRAP)
			s.pages = 0;
		for (i = 0; i < *n && !same_scenario(&out[i], &s); i++)
			;
		if (i < *n)
			continue;
		if (*n == max) {
			fprintf(stderr, "perfbp-bench: --matrix %s: more than %d scenarios; valid: narrow it with "
				"explicit options\n", m->info.name, max);
			return -1;
		}
		out[(*n)++] = s;
	}
	return 0;
}

int matrix_parse(const char *option, const char *text, unsigned *set)
{
	const char *start = text;

	*set = 0;
	for (;;) {
		const char *comma = strchr(start, ',');
		size_t len = comma ? (size_t)(comma - start) : strlen(start);
		char name[32];
		int index;

		snprintf(name, sizeof(name), "%.*s", (int)(len < sizeof(name) ? len : sizeof(name) - 1), start);
		index = len < sizeof(name) ? matrix_find(name) : -1;
		if (index < 0) {
			fprintf(stderr, "perfbp-bench: --%s %s: unknown matrix '%.*s'; valid: %s (or a comma-separated "
				"list of them)\n", option, text, (int)len, start, matrix_names());
			return -1;
		}
		*set |= index == MATRIX_ALL ? (1u << MATRIX_ALL) - 1 : 1u << index;
		if (!comma)
			return 0;
		start = comma + 1;
	}
}

int matrix_expand(unsigned set, const struct value_list axis[NR_AXES], const struct env *env, struct scenario *out,
		  int max)
{
	int n = 0, i;

	if (check_machine_limits(axis, env) != 0)
		return -1;
	for (i = 0; i < MATRIX_ALL; i++)
		if ((set & (1u << i)) && expand_one(&matrices[i], axis, env, out, &n, max) != 0)
			return -1;
	/* A kernel without the modify ioctl can still run reopen: say so instead of failing later. */
	for (i = 0; i < n; i++)
		if (strategy_desc(out[i].strategy)->needs_modify && env->modify_errno != 0) {
			struct perf_failure failure = { .call = "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)",
							.err = env->modify_errno };

			snprintf(failure.detail, sizeof(failure.detail), "probed before running; --strategy %s needs it",
				 strategy_name(out[i].strategy));
			advice_print(stderr, &failure);
			return -2;
		}
	return n;
}

/* Same scenario but for the strategy (a ring-less strategy joins whatever pages its partners use). */
static bool same_group(const struct scenario *a, const struct scenario *b)
{
	bool pages_match = a->pages == b->pages || !strategy_desc(a->strategy)->maps_ring ||
			   !strategy_desc(b->strategy)->maps_ring;

	return a->trap_every == b->trap_every && a->notify == b->notify && pages_match &&
	       a->bp_type == b->bp_type && a->bp_len == b->bp_len && a->threads == b->threads &&
	       a->slots == b->slots;
}

int group_scenarios(const struct scenario *scenarios, int n, struct group *groups)
{
	int ngroups = 0, i, g, m;

	for (i = 0; i < n; i++) {
		for (g = 0; g < ngroups; g++) {
			bool fits = groups[g].count < NR_STRATEGIES;

			for (m = 0; m < groups[g].count && fits; m++) {
				const struct scenario *other = &scenarios[groups[g].members[m]];

				fits = other->strategy != scenarios[i].strategy && same_group(other, &scenarios[i]);
			}
			if (fits)
				break;
		}
		if (g == ngroups) {
			groups[g].first = i;
			groups[g].count = 0;
			ngroups++;
		}
		groups[g].members[groups[g].count++] = i;
	}
	return ngroups;
}
