#ifndef MOTION_CPROCESSARGUMENTS_H
#define MOTION_CPROCESSARGUMENTS_H
// The command line's arguments for the Swift runtime (see process_arguments.c); nothing to call.
#endif
