// Word counts of ASCII texts of 64 bytes or more (MotionKit's WordCount: a motion's parts, the
// equal text between a diff's changes), sixteen bytes at a time, for the reason token_cut.c is C.
//
// A word is a run of bytes that are not white space, holding a letter or digit. In each 64
// bytes, gathered into a bit per byte: runs start where a non-space follows a space. A run with
// no letter or digit (a lone dash) is found by adding each run's first bit, when that byte is
// neither space nor letter nor digit ("other"), to the mask of other bytes: the carry runs
// through the other bytes the run begins with and lands on the first byte that is not one. A
// landing on white space ends a run that had no letter or digit; a carry out of the 64 bits
// carries on into the next 64.

#include "CTextScan.h"
#include "scan.h"

#include <string.h>

size_t motion_count_ascii_words(const uint8_t *bytes, size_t count, size_t limit) {
    // Runs begun, runs found to hold no letter or digit; whether the last byte so far is in a
    // run, and whether that run has held only other bytes so far.
    size_t runs = 0, bare = 0;
    uint64_t in_run = 0, only_other = 0;
    uint8_t tail[64];
    for (size_t base = 0; base < count; base += 64) {
        size_t length = count - base < 64 ? count - base : 64;
        const uint8_t *chunk = bytes + base;
        if (length < 64) {
            memset(tail, ' ', sizeof tail);  // white space after the end: it ends the last run
            memcpy(tail, chunk, length);
            chunk = tail;
        }
        scan_classes c = scan_classify(chunk);
        if (c.high) return SIZE_MAX;
        uint64_t word = ~c.space, other = word & ~c.alnum;
        uint64_t starts = word & ~(word << 1 | in_run);
        // A run from the 64 bytes before, with only other bytes so far: it goes on through this
        // 64's first bytes (a stretch to carry through when they are other bytes), or ends here.
        uint64_t carried = in_run & only_other;
        if (carried && (c.space & 1)) bare++;
        uint64_t stretches = (starts & other) | (carried & other & 1);
        uint64_t sum;
        uint64_t out = __builtin_add_overflow(other, stretches, &sum);
        bare += (size_t)__builtin_popcountll(sum & ~other & c.space);
        runs += (size_t)__builtin_popcountll(starts);
        in_run = word >> 63;
        only_other = out;
        if (runs - bare - (in_run & only_other) > limit) return runs - bare;
    }
    return runs - bare - (in_run & only_other);
}
