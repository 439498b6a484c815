// What the scans share: byte classes, one byte at a time and 64 bytes at a time.
#ifndef MOTION_CTEXTSCAN_SCAN_H
#define MOTION_CTEXTSCAN_SCAN_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline int scan_is_alnum(uint8_t byte) {
    uint8_t folded = byte | 0x20;
    return (folded >= 'a' && folded <= 'z') || (byte >= '0' && byte <= '9');
}

static inline int scan_is_space(uint8_t byte) {
    return byte == ' ' || (byte >= 0x09 && byte <= 0x0D);
}

// Each class of 64 bytes, a bit per byte, the first byte in the lowest bit: letters and digits,
// white space (space, tab to carriage return), apostrophes, and bytes of 0x80 or above.
typedef struct {
    uint64_t alnum, space, quote, high;
} scan_classes;

static inline scan_classes scan_classify(const uint8_t *chunk) {
    scan_classes out = {0, 0, 0, 0};
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
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
        uint64_t high = (uint16_t)_mm_movemask_epi8(v);
        out.alnum |= alnum << (16 * part);
        out.space |= space << (16 * part);
        out.quote |= quote << (16 * part);
        out.high |= high << (16 * part);
    }
#else
    for (int index = 0; index < 64; index++) {
        uint8_t byte = chunk[index];
        out.alnum |= (uint64_t)scan_is_alnum(byte) << index;
        out.space |= (uint64_t)scan_is_space(byte) << index;
        out.quote |= (uint64_t)(byte == '\'') << index;
        out.high |= (uint64_t)(byte >> 7) << index;
    }
#endif
    return out;
}

#endif
