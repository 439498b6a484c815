#ifndef MOTION_CLIBXML2_SHIM_H
#define MOTION_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, whose module clashes with Foundation's copy
// ("'UErrorCode' has different definitions"); we never use libxml2's ICU paths.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#endif
