/** Bits describing each skeleton character: where words break and which disguise was undone. */

/** A separator, or the start of the text, stands before this character. */
export const F_BOUNDARY = 1;
/** CJK or emoji: a token of its own that needs no word boundary around it. */
export const F_STANDALONE = 2;
export const F_HOMOGLYPH = 4;
export const F_LEET = 8;
export const F_DIACRITIC = 16;
export const F_FULLWIDTH = 32;
/** An invisible character (zero-width space, soft hyphen…) stood right before this one. */
export const F_ZERO_WIDTH = 64;
export const F_TRADITIONAL = 128;
export const F_DIGIT = 256;
