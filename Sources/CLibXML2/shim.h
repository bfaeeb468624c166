#ifndef WAYMARK_CLIBXML2_SHIM_H
#define WAYMARK_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its headers clash with Foundation's ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlsave.h>

/* Macros and globals Swift 6 cannot use directly. */
static inline void waymark_xml_free(void *ptr) { xmlFree(ptr); }
static inline const char *waymark_xml_parser_version(void) { return xmlParserVersion; }
#endif
