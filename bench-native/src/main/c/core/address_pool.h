/* Where watchpoints point: 64 addresses to cycle over, in data or, for X, in code (address_pool.c). */
#ifndef PERFBP_ADDRESS_POOL_H
#define PERFBP_ADDRESS_POOL_H

#include "scenario.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define POOL_ADDRESSES 64 /* addresses cycled over: 64 x 8 bytes = 8 cache lines */
#define POOL_STRIDE 8	  /* aligned for every bpLen up to 8 */

struct address_pool {
	enum bp_kind kind;
	int len;
	unsigned char *data; /* loads and stores land here */
	unsigned char *code; /* X: a page of 'return' instructions, one per address */
	size_t code_len;
};

int pool_create(struct address_pool *pool, enum bp_kind kind, int len, size_t page_size);
void pool_destroy(struct address_pool *pool);
uintptr_t pool_address(const struct address_pool *pool, unsigned long index);
/* Whether this arch can build the X pool (and so run X watchpoints). */
bool pool_supports_execute(void);

#endif
