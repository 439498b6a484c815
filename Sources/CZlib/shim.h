#ifndef MOTION_CZLIB_SHIM_H
#define MOTION_CZLIB_SHIM_H
#include <zlib.h>
#endif
