#ifndef WAYMARK_CCMARK_SHIM_H
#define WAYMARK_CCMARK_SHIM_H
#include <stdlib.h>
#include <cmark.h>
static inline void waymark_cmark_free(void *ptr) { free(ptr); }
#endif
