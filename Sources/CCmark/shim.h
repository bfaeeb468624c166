#ifndef WAYMARK_CCMARK_SHIM_H
#define WAYMARK_CCMARK_SHIM_H
#include <cmark.h>
#endif
