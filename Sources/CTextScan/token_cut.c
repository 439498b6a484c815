// The tokenizer's cut of ASCII text, in C for its vector instructions.
//
// Why C: the cut classifies every byte of every changed block, the largest single cost of a
// diff. SSE2 classifies sixteen bytes in a dozen instructions and gathers each class into a bit
// per byte (movemask, in scan.h); Swift has no portable way to gather a vector comparison into
// bits, and a byte at a time, or eight at a time in integers, it took three to five times the
// instructions. Tokens then start where a byte's class differs from the one before it (or at any
// byte of neither class: a mark is a token alone), read off 64-bit masks a set bit at a time.
// Without SSE2, scan.h classes the bytes one by one, and the rest is the same.

#include "CTextScan.h"
#include "scan.h"

#include <string.h>

size_t motion_cut_ascii_bytewise(const uint8_t *bytes, size_t count, int32_t *starts, uint8_t *kinds, size_t *words) {
    size_t index = 0, token = 0;
    while (index < count) {
        size_t start = index;
        uint8_t kind;
        if (scan_is_alnum(bytes[index])) {
            kind = motion_token_word;
            *words += 1;
            for (;;) {
                while (index < count && scan_is_alnum(bytes[index])) index++;
                if (index + 1 < count && bytes[index] == '\'' && scan_is_alnum(bytes[index + 1])) {
                    index += 2;
                    continue;
                }
                break;
            }
        } else if (scan_is_space(bytes[index])) {
            kind = motion_token_space;
            while (index < count && scan_is_space(bytes[index])) index++;
        } else {
            kind = motion_token_punctuation;
            index++;
        }
        starts[token] = (int32_t)start;
        kinds[token] = kind;
        token++;
    }
    starts[token] = (int32_t)count;
    return token;
}

// What a token's first byte makes it: a word starts at a letter or digit (never at an
// apostrophe, which joins a word only inside it), white space at white space, and any other
// byte is a mark alone.
enum { W = motion_token_word, S = motion_token_space, P = motion_token_punctuation };
static const uint8_t first_byte_kind[256] = {
    [0 ... 0x08] = P, ['\t' ... '\r'] = S, [0x0E ... 0x1F] = P, [' '] = S, ['!' ... '/'] = P,
    ['0' ... '9'] = W, [':' ... '@'] = P, ['A' ... 'Z'] = W, ['[' ... '`'] = P, ['a' ... 'z'] = W,
    ['{' ... 0xFF] = P,
};

size_t motion_cut_ascii(const uint8_t *bytes, size_t count, int32_t *starts, uint8_t *kinds, size_t *words) {
    size_t token = 0, counted = 0;
    // The last byte of the chunk before: in a word (apostrophes joined), white space, a letter
    // or digit.
    uint64_t word_before = 0, space_before = 0, alnum_before = 0;
    uint8_t tail[64];
    for (size_t base = 0; base < count; base += 64) {
        size_t length = count - base < 64 ? count - base : 64;
        const uint8_t *chunk = bytes + base;
        if (length < 64) {
            // The last few bytes, zeros after them (a zero is of no class; bits past the end are
            // dropped below).
            memset(tail, 0, sizeof tail);
            memcpy(tail, chunk, length);
            chunk = tail;
        }
        scan_classes c = scan_classify(chunk);
        uint64_t valid = length == 64 ? ~(uint64_t)0 : ((uint64_t)1 << length) - 1;
        uint64_t alnum = c.alnum & valid, space = c.space & valid, quote = c.quote & valid;
        uint64_t alnum_after = length == 64 && base + 64 < count && scan_is_alnum(bytes[base + 64]);
        uint64_t joined = quote & (alnum << 1 | alnum_before) & (alnum >> 1 | alnum_after << 63);
        uint64_t word = alnum | joined;
        uint64_t word_starts = word & ~(word << 1 | word_before);
        uint64_t begins = word_starts | (space & ~(space << 1 | space_before)) | (valid & ~(word | space));
        counted += (size_t)__builtin_popcountll(word_starts);
        while (begins) {
            int index = __builtin_ctzll(begins);
            starts[token] = (int32_t)(base + (size_t)index);
            kinds[token] = first_byte_kind[chunk[index]];
            token++;
            begins &= begins - 1;
        }
        word_before = word >> 63;
        space_before = space >> 63;
        alnum_before = alnum >> 63;
    }
    starts[token] = (int32_t)count;
    *words += counted;
    return token;
}

