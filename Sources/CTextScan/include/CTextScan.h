#ifndef MOTION_CTEXTSCAN_H
#define MOTION_CTEXTSCAN_H
// Scans of ASCII text sixteen bytes at a time: cutting it into tokens (token_cut.c) and counting
// its words (word_count.c).

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

// The same cut a byte at a time: what tests hold the cut by masks to.
size_t motion_cut_ascii_bytewise(const uint8_t *bytes, size_t count, int32_t *starts, uint8_t *kinds, size_t *words);

// The words of `count` bytes as conferences count them: runs of anything but white space (space,
// tab to carriage return) that hold a letter or digit. Once the count passes `limit`, returns
// any number above it. Returns SIZE_MAX, having counted nothing, when a byte is not ASCII: the
// caller counts such text by its Unicode properties.
size_t motion_count_ascii_words(const uint8_t *bytes, size_t count, size_t limit);

#endif
