// Name mapping: snake_case, C++ keyword escaping and constraint-name shortening. See names.hpp.
#include "support/names.hpp"

#include <algorithm>
#include <iterator>

namespace ormc::names {

namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
char toLower(char c) { return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Sorted, for binary search: the C++20 keywords and alternative tokens ([lex.key], [lex.digraph]).
constexpr std::string_view kCppKeywords[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "char16_t", "char32_t", "char8_t", "class", "co_await",
    "co_return", "co_yield", "compl", "concept", "const", "const_cast", "consteval",
    "constexpr", "constinit", "continue", "decltype", "default", "delete", "do", "double",
    "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept",
    "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public",
    "register", "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
    "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
    "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
};

}  // namespace

std::string snakeCase(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 4);
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (isUpper(c) && i > 0 && name[i - 1] != '_') {
      char prev = name[i - 1];
      bool nextLower = i + 1 < name.size() && isLower(name[i + 1]);
      // A word starts at an upper-case letter after a lower-case letter or digit
      // (`createdAt`), or at the last capital of an acronym before a word (`HTTPServer`).
      if (isLower(prev) || isDigit(prev) || (isUpper(prev) && nextLower)) out += '_';
    }
    out += toLower(c);
  }
  return out;
}

bool isCppKeyword(std::string_view name) {
  return std::binary_search(std::begin(kCppKeywords), std::end(kCppKeywords), name);
}

std::string cppIdentifier(std::string_view name) {
  std::string out(name);
  if (isCppKeyword(name)) out += '_';
  return out;
}

bool isReservedCppIdentifier(std::string_view name) {
  if (name.find("__") != std::string_view::npos) return true;
  return name.size() >= 2 && name[0] == '_' && isUpper(name[1]);
}

std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

std::string shortenIdentifier(std::string_view name, std::size_t limit) {
  if (name.size() <= limit) return std::string(name);
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint32_t hash = fnv1a(name);
  std::string suffix = "_";
  for (int shift = 28; shift >= 0; shift -= 4) suffix += kHex[(hash >> shift) & 0xF];
  std::size_t keep = limit - suffix.size();
  // Never cut a multi-byte UTF-8 sequence in half: back off over continuation bytes.
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return std::string(name.substr(0, keep)) + suffix;
}

std::size_t codePointCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace ormc::names
