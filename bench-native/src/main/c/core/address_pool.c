/*
 * Where watchpoints point: a pool of 64 addresses 8 bytes apart (8 cache lines, aligned for
 * every bpLen), in data for R/W/RW and, for X, in a page of one-instruction functions. The
 * move matrices cycle over it and the machine probe arms its first address.
 */
#include "address_pool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

bool pool_supports_execute(void)
{
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
	return true;
#else
	return false;
#endif
}

/* A page of one-instruction functions (return), one at each pool address, for X watchpoints. */
static int build_code_pool(struct address_pool *pool, size_t page_size)
{
	unsigned char *code = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int i;

	if (code == MAP_FAILED)
		return -1;
#if defined(__x86_64__) || defined(__i386__)
	memset(code, 0xcc, page_size); /* int3 between the functions: a stray jump faults loudly */
	for (i = 0; i < POOL_ADDRESSES; i++)
		code[i * POOL_STRIDE] = 0xc3; /* ret */
#elif defined(__aarch64__)
	for (i = 0; i < POOL_ADDRESSES; i++) {
		const uint32_t ret = 0xd65f03c0;

		memcpy(code + i * POOL_STRIDE, &ret, sizeof(ret));
	}
	__builtin___clear_cache((char *)code, (char *)code + page_size);
#else
	(void)i;
	(void)munmap(code, page_size);
	errno = ENOTSUP;
	return -1;
#endif
	if (mprotect(code, page_size, PROT_READ | PROT_EXEC) != 0) {
		int err = errno;

		(void)munmap(code, page_size);
		errno = err;
		return -1;
	}
	pool->code = code;
	pool->code_len = page_size;
	return 0;
}

int pool_create(struct address_pool *pool, enum bp_kind kind, int len, size_t page_size)
{
	memset(pool, 0, sizeof(*pool));
	pool->kind = kind;
	pool->len = len;
	if (kind == BP_X)
		return build_code_pool(pool, page_size);
	/* Page-aligned and page-sized: nothing else of the harness lives beside the watched bytes. */
	pool->data = aligned_alloc(page_size, page_size);
	if (pool->data == NULL)
		return -1;
	memset(pool->data, 0, page_size);
	return 0;
}

void pool_destroy(struct address_pool *pool)
{
	free(pool->data);
	pool->data = NULL;
	if (pool->code != NULL && munmap(pool->code, pool->code_len) != 0)
		perror("perfbp-bench: munmap(code pool)");
	pool->code = NULL;
}

uintptr_t pool_address(const struct address_pool *pool, unsigned long index)
{
	unsigned char *base = pool->kind == BP_X ? pool->code : pool->data;

	return (uintptr_t)(base + (index % POOL_ADDRESSES) * POOL_STRIDE);
}
