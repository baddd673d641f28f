// SHA-256 block compression with the x86 SHA extensions (SHA-NI), for GleanerCore's SHA256.
// Elsewhere, or on a CPU without them, `gleaner_sha256_hardware_available` says 0 and Swift's
// own rounds run instead.
#ifndef GLEANER_CSHA256_H
#define GLEANER_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and SSSE3, SSE4.1 they need), else 0.
int gleaner_sha256_hardware_available(void);

/// Runs the compression function over `blocks` 64-byte blocks at `data`, updating `state`
/// (the eight working words a..h). Call only when `gleaner_sha256_hardware_available()` is 1.
void gleaner_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
