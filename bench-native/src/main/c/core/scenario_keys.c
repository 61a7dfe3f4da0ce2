/* A scenario's keys in a document, named as docs/design.md's vocabulary: every file that lists scenarios uses them. */
#include "scenario_keys.h"

#include "strategy.h"

void scenario_write_keys(struct json *j, const struct scenario *s)
{
	json_str(j, "strategy", strategy_desc(s->strategy)->name);
	json_int(j, "trapEvery", s->trap_every);
	json_str(j, "notify", notify_name(s->notify));
	json_int(j, "pages", s->pages);
	json_str(j, "bpType", bp_kind_name(s->bp_type));
	json_int(j, "bpLen", s->bp_len);
	json_int(j, "threads", s->threads);
	json_int(j, "slots", s->slots);
}
