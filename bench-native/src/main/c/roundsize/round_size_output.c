/*
 * round-size.json (schema rearm.round-size/1): the machine, how the sizes were interleaved,
 * and per scenario (the keys native.json's results use) one list of per-round figures per
 * size. Published atomically like native.json.
 */
#include "round_size.h"

#include "../core/document.h"
#include "../core/json.h"
#include "../core/scenario_keys.h"

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
	int k;

	json_open(j, NULL, '{');
	scenario_write_keys(j, &plan->moves.scenarios[i]);
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

struct round_size_document {
	const struct round_size_plan *plan;
	const struct env *env;
};

static int write_document(FILE *f, const void *arg)
{
	const struct round_size_document *doc = arg;
	struct json j = { .f = f };
	int i;

	fputc('{', f);
	j.depth = 1;
	json_str(&j, "schema", "rearm.round-size/1");
	document_write_env(&j, doc->env);
	write_settings(&j, doc->plan);
	json_open(&j, "results", '[');
	for (i = 0; i < doc->plan->moves.runnable; i++)
		write_result(&j, doc->plan, i);
	json_close(&j, ']');
	fputs("\n}\n", f);
	return ferror(f) ? -1 : 0;
}

int round_size_write(const struct round_size_plan *plan, const struct env *env)
{
	struct round_size_document doc = { .plan = plan, .env = env };

	return document_build(write_document, &doc, plan->out);
}
