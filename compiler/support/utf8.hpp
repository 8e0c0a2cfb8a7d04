// UTF-8 decoding shared by the lexer front end and the diagnostic renderer, so that
// both agree on what one "column" is: a valid code point, or one invalid byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ormc::utf8 {

struct Decoded {
  char32_t codePoint = 0;  // U+FFFD when !valid
  std::uint32_t length = 1;  // bytes consumed, at least 1
  bool valid = true;
};

// Decodes the code point starting at text[pos] (pos < text.size()). Overlong forms,
// surrogates and values above U+10FFFF are invalid; an invalid sequence consumes one byte.
Decoded decode(std::string_view text, std::size_t pos);

// Appends the UTF-8 encoding of `cp` (which must be a valid scalar value).
void append(std::string& out, char32_t cp);

}  // namespace ormc::utf8
