// Positions in schema source: a file and a byte offset. Nothing else lives here;
// turning offsets into line:col is the SourceManager's job, done only when printing.
#pragma once

#include <cstdint>

namespace ormc {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

struct SourceLoc {
  FileId file = kNoFile;
  std::uint32_t offset = 0;  // byte offset into the file's buffer

  bool valid() const { return file != kNoFile; }
  friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

// A half-open byte range [begin, end) within one file.
struct SourceRange {
  SourceLoc begin;
  SourceLoc end;

  bool valid() const { return begin.valid(); }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// The smallest range covering both; `a` wins when only one is valid.
inline SourceRange join(SourceRange a, SourceRange b) {
  if (!a.valid()) return b;
  if (!b.valid() || a.begin.file != b.begin.file) return a;
  return {a.begin.offset <= b.begin.offset ? a.begin : b.begin,
          a.end.offset >= b.end.offset ? a.end : b.end};
}

}  // namespace ormc
