// The tokenizer's cut of ASCII text, in C for its vector instructions.
//
// Why C: the cut classifies every byte of every changed block, the largest single cost of a
// diff. SSE2 classifies sixteen bytes in a dozen instructions and gathers each class into a bit
// per byte (movemask); Swift has no portable way to gather a vector comparison into bits, and a
// byte at a time, or eight at a time in integers, it took three to five times the instructions.
// Tokens then start where a byte's class differs from the one before it (or at any byte of
// neither class: a mark is a token alone), read off 64-bit masks a set bit at a time.

#include "CTextScan.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static int is_alnum(uint8_t byte) {
    uint8_t folded = byte | 0x20;
    return (folded >= 'a' && folded <= 'z') || (byte >= '0' && byte <= '9');
}

static int is_space(uint8_t byte) {
    return byte == ' ' || (byte >= 0x09 && byte <= 0x0D);
}

size_t motion_cut_ascii_bytewise(const uint8_t *bytes, size_t count, int32_t *starts, uint8_t *kinds, size_t *words) {
    size_t index = 0, token = 0;
    while (index < count) {
        size_t start = index;
        uint8_t kind;
        if (is_alnum(bytes[index])) {
            kind = motion_token_word;
            *words += 1;
            for (;;) {
                while (index < count && is_alnum(bytes[index])) index++;
                if (index + 1 < count && bytes[index] == '\'' && is_alnum(bytes[index + 1])) {
                    index += 2;
                    continue;
                }
                break;
            }
        } else if (is_space(bytes[index])) {
            kind = motion_token_space;
            while (index < count && is_space(bytes[index])) index++;
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

#if defined(__SSE2__)

// What a token's first byte makes it: a word starts at a letter or digit (never at an
// apostrophe, which joins a word only inside it), white space at white space, and any other
// byte is a mark alone.
enum { W = motion_token_word, S = motion_token_space, P = motion_token_punctuation };
static const uint8_t first_byte_kind[256] = {
    [0 ... 0x08] = P, ['\t' ... '\r'] = S, [0x0E ... 0x1F] = P, [' '] = S, ['!' ... '/'] = P,
    ['0' ... '9'] = W, [':' ... '@'] = P, ['A' ... 'Z'] = W, ['[' ... '`'] = P, ['a' ... 'z'] = W,
    ['{' ... 0xFF] = P,
};

// Each class of 64 bytes (fewer at the end), a bit per byte: letters and digits, white space,
// apostrophes.
typedef struct {
    uint64_t alnum, space, quote;
} classes;

static inline classes classify(const uint8_t *chunk) {
    const __m128i zero = _mm_setzero_si128();
    classes out = {0, 0, 0};
    for (int part = 0; part < 4; part++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(chunk + 16 * part));
        // x - low, saturated at zero after subtracting (high - low), is zero exactly when x is
        // within low...high (as unsigned bytes).
        __m128i digit = _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8('0')), _mm_set1_epi8(9));
        __m128i letter = _mm_subs_epu8(_mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a')), _mm_set1_epi8(25));
        __m128i control = _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8(0x09)), _mm_set1_epi8(4));
        uint64_t alnum = (uint16_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(digit, zero), _mm_cmpeq_epi8(letter, zero)));
        uint64_t space = (uint16_t)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(control, zero), _mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
        uint64_t quote = (uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
        out.alnum |= alnum << (16 * part);
        out.space |= space << (16 * part);
        out.quote |= quote << (16 * part);
    }
    return out;
}

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
        classes c = classify(chunk);
        uint64_t valid = length == 64 ? ~(uint64_t)0 : ((uint64_t)1 << length) - 1;
        uint64_t alnum = c.alnum & valid, space = c.space & valid, quote = c.quote & valid;
        uint64_t alnum_after = length == 64 && base + 64 < count && is_alnum(bytes[base + 64]);
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

#else

size_t motion_cut_ascii(const uint8_t *bytes, size_t count, int32_t *starts, uint8_t *kinds, size_t *words) {
    return motion_cut_ascii_bytewise(bytes, count, starts, kinds, words);
}

#endif
