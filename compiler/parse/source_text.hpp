// The schema text as ANTLR sees it (UTF-32 code points), and the way back from ANTLR's
// code-point indices to our byte offsets. Invalid UTF-8 is reported here (E0105) and
// replaced by U+FFFD, so the lexer never sees a byte sequence it cannot decode.
#pragma once

#include "support/diagnostics.hpp"
#include "support/source_location.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace antlr4 {
class Token;
}

namespace ormc::parse {

class SourceText {
 public:
  SourceText(FileId file, std::string_view bytes, DiagnosticEngine& diagnostics);

  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;

  const std::u32string& codePoints() const { return *codePoints_; }
  // Moves the decoded text into `owner` (ANTLR's input stream), which must outlive every
  // later use of this SourceText: one copy of the file's code points instead of two.
  void lendTo(std::u32string& owner) {
    owner.swap(storage_);
    codePoints_ = &owner;
  }
  FileId file() const { return file_; }

  // The location of code point `index` (index == size() is the end of the file).
  SourceLoc at(std::size_t index) const;
  // The bytes a token covers. Tokens conjured by error recovery have no text: their
  // range is empty, at the position ANTLR gave them.
  SourceRange range(const antlr4::Token* token) const;
  // The source bytes of a token (empty for a conjured one).
  std::string_view text(const antlr4::Token* token) const;
  // True if the code point at `index` stands for an invalid byte (already reported).
  bool isReplacement(std::size_t index) const;

 private:
  FileId file_;
  std::string_view bytes_;
  std::u32string storage_;
  const std::u32string* codePoints_ = &storage_;
  std::vector<std::uint32_t> byteOffsets_;  // per code point, plus the end; empty for pure ASCII
};

}  // namespace ormc::parse
