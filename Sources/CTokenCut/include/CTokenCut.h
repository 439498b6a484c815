#ifndef MOTION_CTOKENCUT_H
#define MOTION_CTOKENCUT_H
// Cutting ASCII prose into tokens, sixteen bytes at a time (see token_cut.c).

#include <stddef.h>
#include <stdint.h>

// Token kinds, as MotionDiff's TokenKind numbers them.
enum { motion_token_word = 0, motion_token_space = 1, motion_token_punctuation = 2 };

// Cuts `count` bytes of ASCII into tokens: words (letters and digits, with an apostrophe between
// two of them), runs of white space (space, tab to carriage return), and each other byte alone.
// Writes each token's first offset to `starts` and its kind to `kinds`, then `count` after the
// last start; adds the number of words to `*words`; returns the number of tokens. `starts`
// holds `count + 1` entries and `kinds` `count`; `count` is below 2^31.
size_t motion_cut_ascii(const uint8_t *bytes, size_t count, int32_t *starts, uint8_t *kinds, size_t *words);

// The same cut a byte at a time, with no vector instructions: what machines without SSE2 run,
// and what tests hold the vector cut to.
size_t motion_cut_ascii_bytewise(const uint8_t *bytes, size_t count, int32_t *starts, uint8_t *kinds, size_t *words);

#endif
