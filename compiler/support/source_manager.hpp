// Owns the text of every schema file of a compilation and maps byte offsets to
// 1-based line and column (columns count code points, as editors do). It reads files;
// it does not decode or validate them.
#pragma once

#include "support/source_location.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {

struct LineColumn {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in code points
};

class SourceManager {
 public:
  // Reads `path` from disk. Returns nullopt (and sets `error` to the OS reason) if it
  // cannot be read. A file already loaded under the same canonical path is returned as is.
  std::optional<FileId> loadFile(const std::string& path, std::string* error = nullptr);

  // Adds an in-memory buffer under `displayName` (tests, stdin). Always succeeds.
  FileId addBuffer(std::string displayName, std::string text);

  // The name diagnostics print: the path as the user spelled it.
  const std::string& displayName(FileId file) const { return files_[file].displayName; }
  // The canonical path, used to recognise the same file reached by two import paths.
  const std::string& canonicalPath(FileId file) const { return files_[file].canonicalPath; }
  std::string_view text(FileId file) const { return files_[file].text; }
  std::size_t fileCount() const { return files_.size(); }

  LineColumn lineColumn(SourceLoc loc) const;
  // The text of line `line` (1-based) without its line terminator.
  std::string_view lineText(FileId file, std::uint32_t line) const;

 private:
  struct File {
    std::string displayName;
    std::string canonicalPath;
    std::string text;
    std::vector<std::uint32_t> lineStarts;  // byte offset of the first byte of each line
  };
  static std::vector<std::uint32_t> computeLineStarts(std::string_view text);

  std::vector<File> files_;
};

}  // namespace ormc
