// Global operator new/delete for the `ormc` executable: size-segregated free lists carved from
// one reserved address range, for the millions of small, short-lived objects a parse makes
// (ANTLR's tokens, parse-tree nodes and their child vectors; the AST; sema's tables).
//
// Why: with glibc malloc, allocation and freeing were a third of the instructions of
// `ormc check`. Here a small allocation is a pointer pop and a free a pointer push. Memory of
// a size class is reused within that class and never returned to the OS, which suits a
// compiler process that exits when it is done. Linked into the `ormc` executable only, never
// into a library; off under the sanitizers, which must see every allocation. The compiler
// runs on one thread: the free lists are per thread, but the chunks' live counts and trim()
// assume a single one.
#include "support/memory_trim.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

#include <sys/mman.h>

#if !defined(__SANITIZE_ADDRESS__)

namespace {

constexpr std::size_t kGranule = 16;                       // alignment and class step
constexpr std::size_t kClasses = 64;                       // 16, 32, ... 1024 bytes
constexpr std::size_t kMaxSmall = kGranule * kClasses;
constexpr std::size_t kChunk = 64 * 1024;                  // carved per class at a time
constexpr std::size_t kRegion = std::size_t{64} << 30;     // reserved, not committed

struct FreeBlock {
  FreeBlock* next;
};

std::atomic<char*> regionBase{nullptr};
std::atomic<std::size_t> regionUsed{0};
std::atomic<bool> regionFailed{false};

char* region() {
  char* base = regionBase.load(std::memory_order_acquire);
  if (base || regionFailed.load(std::memory_order_relaxed)) return base;
  void* mapped = ::mmap(nullptr, kRegion, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED) {
    regionFailed.store(true);
    return nullptr;
  }
  char* expected = nullptr;
  if (!regionBase.compare_exchange_strong(expected, static_cast<char*>(mapped))) {
    ::munmap(mapped, kRegion);  // another thread won the race
    return expected;
  }
  return static_cast<char*>(mapped);
}

bool owns(void* p) {
  char* base = regionBase.load(std::memory_order_acquire);
  return base && static_cast<char*>(p) >= base && static_cast<char*>(p) < base + kRegion;
}

// Per-thread free lists and the rest of the current chunk of each class.
struct ClassState {
  FreeBlock* free = nullptr;
  char* next = nullptr;
  char* end = nullptr;
};
thread_local ClassState classes[kClasses];

// Blocks carry no header: each chunk serves one class, recorded here, and counts its live
// blocks so that trim() can hand wholly free chunks back.
constexpr std::size_t kChunks = kRegion / kChunk;
std::uint8_t chunkClass[kChunks];
std::uint32_t chunkLive[kChunks];
std::size_t recycled[kChunks];  // offsets of trimmed chunks, reused before new ones
std::size_t recycledCount = 0;

std::size_t chunkOf(const void* p) {
  return static_cast<std::size_t>(static_cast<const char*>(p) - regionBase.load(std::memory_order_relaxed)) / kChunk;
}

void* allocateSmall(std::size_t size) {
  std::size_t index = (size + kGranule - 1) / kGranule - 1;
  ClassState& state = classes[index];
  if (FreeBlock* block = state.free) {
    state.free = block->next;
    ++chunkLive[chunkOf(block)];
    return block;
  }
  std::size_t blockSize = (index + 1) * kGranule;
  if (state.next + blockSize > state.end || !state.next) {
    char* base = region();
    if (!base) return nullptr;
    std::size_t offset;
    if (recycledCount > 0) {
      offset = recycled[--recycledCount];
    } else {
      offset = regionUsed.fetch_add(kChunk);
      if (offset + kChunk > kRegion) return nullptr;
    }
    chunkClass[offset / kChunk] = static_cast<std::uint8_t>(index);
    state.next = base + offset;
    state.end = state.next + kChunk;
  }
  void* p = state.next;
  state.next += blockSize;
  ++chunkLive[chunkOf(p)];
  return p;
}

void* allocate(std::size_t size) {
  if (size == 0) size = 1;
  if (size <= kMaxSmall) {
    if (void* p = allocateSmall(size)) return p;
  }
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

void release(void* p) noexcept {
  if (!p) return;
  if (!owns(p)) {
    std::free(p);
    return;
  }
  std::size_t chunk = chunkOf(p);
  --chunkLive[chunk];
  ClassState& state = classes[chunkClass[chunk]];
  auto* block = static_cast<FreeBlock*>(p);
  block->next = state.free;
  state.free = block;
}

// Drops the free blocks of wholly free chunks from the free lists, hands their pages back to
// the OS, and makes the chunks available to any size class before the region grows. Sema's
// larger allocations still come from malloc; without the madvise they would stack on top of
// the parse tree's resident pages (200 MB instead of 158 MB for 2,000 models). Single-threaded use only
// (the compiler calls it between phases).
void trim() {
  char* base = regionBase.load(std::memory_order_relaxed);
  // Walking the free lists costs time in proportion to what was freed; below this much the
  // pages are not worth it (a 500-model schema: 7 ms of 90 to save a few MB).
  constexpr std::size_t kWorthTrimming = std::size_t{64} << 20;
  if (!base || regionUsed.load() < kWorthTrimming) return;
  std::size_t used = regionUsed.load() / kChunk;
  std::vector<bool> carving(used, false);
  for (ClassState& state : classes) {
    if (state.next) carving[chunkOf(state.next - 1)] = true;  // the chunk being carved stays
  }
  for (ClassState& state : classes) {
    FreeBlock** link = &state.free;
    while (FreeBlock* block = *link) {
      std::size_t chunk = chunkOf(block);
      if (chunkLive[chunk] == 0 && !carving[chunk]) {
        *link = block->next;
      } else {
        link = &block->next;
      }
    }
  }
  std::vector<bool> alreadyRecycled(used, false);
  for (std::size_t i = 0; i < recycledCount; ++i) alreadyRecycled[recycled[i] / kChunk] = true;
  for (std::size_t chunk = 0; chunk < used; ++chunk) {
    if (chunkLive[chunk] != 0 || carving[chunk] || alreadyRecycled[chunk]) continue;
    ::madvise(base + chunk * kChunk, kChunk, MADV_DONTNEED);
    recycled[recycledCount++] = chunk * kChunk;
  }
}

struct InstallTrimHook {
  InstallTrimHook() { ormc::trimFreedMemoryHook = &trim; }
} installTrimHook;

}  // namespace

// The other forms (arrays, nothrow, sized) forward to these two in libstdc++.
void* operator new(std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }

#endif
