// SourceText: UTF-8 -> UTF-32 for ANTLR, and code-point index -> byte offset back.
#include "parse/source_text.hpp"

#include "support/diagnostic_codes.hpp"
#include "support/utf8.hpp"

#include <antlr4-runtime.h>
#include <fmt/format.h>

namespace ormc::parse {

SourceText::SourceText(FileId file, std::string_view bytes, DiagnosticEngine& diagnostics)
    : file_(file), bytes_(bytes) {
  storage_.reserve(bytes.size());
  unsigned char highBits = 0;
  for (unsigned char c : bytes) highBits |= c;
  bool ascii = highBits < 0x80;
  if (ascii) {
    // The common case: one code point per byte, offsets are indexes.
    storage_.assign(bytes.begin(), bytes.end());
    return;
  }
  byteOffsets_.reserve(bytes.size() + 1);
  std::size_t pos = 0;
  // A byte-order mark is not part of the schema; it lexes as a space so columns stay true.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    storage_.push_back(U' ');
    byteOffsets_.push_back(0);
    pos = 3;
  }
  while (pos < bytes.size()) {
    utf8::Decoded d = utf8::decode(bytes, pos);
    if (!d.valid) {
      std::size_t runEnd = pos + 1;
      while (runEnd < bytes.size() && !utf8::decode(bytes, runEnd).valid) ++runEnd;
      if (!diagnostics.reachedLimit()) {
        diagnostics.error(codes::kInvalidUtf8,
                          {{file, static_cast<std::uint32_t>(pos)}, {file, static_cast<std::uint32_t>(runEnd)}},
                          fmt::format("invalid UTF-8 byte 0x{:02X}{}", static_cast<unsigned char>(bytes[pos]),
                                      runEnd - pos > 1 ? fmt::format(" (and {} more)", runEnd - pos - 1) : ""))
            .addHelp("schema files must be UTF-8 text");
      }
      for (; pos < runEnd; ++pos) {
        storage_.push_back(0xFFFD);
        byteOffsets_.push_back(static_cast<std::uint32_t>(pos));
      }
      continue;
    }
    storage_.push_back(d.codePoint);
    byteOffsets_.push_back(static_cast<std::uint32_t>(pos));
    pos += d.length;
  }
  byteOffsets_.push_back(static_cast<std::uint32_t>(bytes.size()));
}

SourceLoc SourceText::at(std::size_t index) const {
  if (index > codePoints_->size()) index = codePoints_->size();
  if (byteOffsets_.empty()) return {file_, static_cast<std::uint32_t>(index)};
  return {file_, byteOffsets_[index]};
}

SourceRange SourceText::range(const antlr4::Token* token) const {
  std::size_t start = token->getStartIndex();
  std::size_t stop = token->getStopIndex();
  if (start == INVALID_INDEX || token->getType() == antlr4::Token::EOF) {
    SourceLoc end = at(codePoints_->size());
    return {end, end};
  }
  if (stop == INVALID_INDEX || stop < start) return {at(start), at(start)};
  return {at(start), at(stop + 1)};
}

std::string_view SourceText::text(const antlr4::Token* token) const {
  SourceRange r = range(token);
  return bytes_.substr(r.begin.offset, r.end.offset - r.begin.offset);
}

bool SourceText::isReplacement(std::size_t index) const {
  if (index >= codePoints_->size() || (*codePoints_)[index] != 0xFFFD) return false;
  SourceLoc loc = at(index);
  return bytes_.substr(loc.offset, 3) != "\xEF\xBF\xBD";
}

}  // namespace ormc::parse
