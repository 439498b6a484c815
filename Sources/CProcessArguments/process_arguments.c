// The Swift runtime's two entry points for `CommandLine.arguments`, defined here so that the
// linker never takes the runtime's own (CommandLine.cpp in libswiftCore.a) into the binary.
//
// Why: in a static executable that file finds argv with a static initialiser that opens
// /proc/self/maps and parses every line with sscanf, about 60,000 instructions and a file read
// before main: a third of `motion --version`, paid by every command. glibc already hands argc
// and argv to every .init_array function, static executables included, so they are kept from
// there. In a dynamically linked build (the debug one) the runtime's shared library has its own
// copy as well; whichever the loader binds, both give the same arguments.

#include <stddef.h>

static char **process_argv;
static int process_argc;
static char **override_argv;
static int override_argc;

static void keep_arguments(int argc, char **argv, char **envp) {
    (void)envp;
    process_argc = argc;
    process_argv = argv;
}

__attribute__((section(".init_array"), used))
static void (*const keep_arguments_entry)(int, char **, char **) = keep_arguments;

void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc) {
    override_argv = argv;
    override_argc = argc;
}

char **_swift_stdlib_getUnsafeArgvArgc(int *outArgLen) {
    static char *empty[] = {NULL};
    if (override_argv) {
        *outArgLen = override_argc;
        return override_argv;
    }
    if (!process_argv) {
        *outArgLen = 0;
        return empty;
    }
    *outArgLen = process_argc;
    return process_argv;
}
