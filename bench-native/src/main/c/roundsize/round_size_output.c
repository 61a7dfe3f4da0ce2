/*
 * round-size.json (schema rearm.round-size/1): the machine, how the sizes were interleaved,
 * and per scenario (the keys native.json's results use) one list of per-round figures per
 * size. Published atomically like native.json.
 */
#include "round_size.h"

#include "../output.h"
#include "../core/json.h"
#include "../core/strategy.h"

#include <stdlib.h>

static void write_settings(struct json *j, const struct round_size_plan *plan)
{
	int k;

	json_open(j, "settings", '{');
	json_open(j, "sizes", '[');
	for (k = 0; k < plan->nsizes; k++)
		json_int(j, NULL, plan->sizes[k]);
	json_close(j, ']');
	json_int(j, "rounds", plan->rounds);
	json_int(j, "warmup", plan->warmup);
	json_str(j, "order", "round r runs, for each size in turn, one batch of every strategy of the scenario "
			     "(after warmup dropped batches of that size and strategy), so drift hits every size alike");
	json_close(j, '}');
}

static void write_result(struct json *j, const struct round_size_plan *plan, int i)
{
	const struct scenario *s = &plan->moves.scenarios[i];
	int k;

	json_open(j, NULL, '{');
	json_str(j, "strategy", strategy_desc(s->strategy)->name);
	json_int(j, "trapEvery", s->trap_every);
	json_str(j, "notify", notify_name(s->notify));
	json_int(j, "pages", s->pages);
	json_str(j, "bpType", bp_kind_name(s->bp_type));
	json_int(j, "bpLen", s->bp_len);
	json_int(j, "threads", s->threads);
	json_int(j, "slots", s->slots);
	json_open(j, "bySize", '[');
	for (k = 0; k < plan->nsizes; k++) {
		json_open(j, NULL, '{');
		json_int(j, "opsPerRound", plan->sizes[k]);
		json_numbers(j, "nsPerOp", plan->ns_per_op + ((size_t)i * (size_t)plan->nsizes + (size_t)k) *
						   (size_t)plan->rounds, plan->rounds);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "liveness", '{');
	json_u64(j, "checks", plan->moves.results[i].liveness_checks);
	json_close(j, '}');
	json_close(j, '}');
}

int round_size_write(const struct round_size_plan *plan, const struct env *env)
{
	char *document = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&document, &len);
	struct json j = { .f = mem };
	int i, rc = 0;

	if (mem == NULL) {
		perror("perfbp-bench: open_memstream");
		return -1;
	}
	fputc('{', mem);
	j.depth = 1;
	json_str(&j, "schema", "rearm.round-size/1");
	output_write_env(&j, env);
	write_settings(&j, plan);
	json_open(&j, "results", '[');
	for (i = 0; i < plan->moves.runnable; i++)
		write_result(&j, plan, i);
	json_close(&j, ']');
	fputs("\n}\n", mem);
	if (ferror(mem))
		rc = -1;
	if (fclose(mem) != 0)
		rc = -1;
	return output_publish(document, len, rc, plan->out);
}
