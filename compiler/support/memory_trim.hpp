// A hook to give memory freed in bulk back to the OS, between compiler phases (after the
// parse tree is gone, before sema). The `ormc` executable's small-object allocator installs
// it; in libraries and tests it is null and trimFreedMemory() does nothing.
#pragma once

namespace ormc {

inline void (*trimFreedMemoryHook)() = nullptr;

inline void trimFreedMemory() {
  if (trimFreedMemoryHook) trimFreedMemoryHook();
}

}  // namespace ormc
