// Name mapping in one place: schema identifiers -> SQL names (snake_case), C++ identifiers
// (keywords escaped with a trailing '_'), and database-safe constraint names (shortened
// with a stable hash). Pure functions; no knowledge of the AST or IR.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ormc::names {

// The longest identifier MySQL accepts (tables, columns, constraints).
inline constexpr std::size_t kMaxIdentifierLength = 64;

// `createdAt` -> `created_at`, `BlogPost` -> `blog_post`, `HTTPServer` -> `http_server`,
// `userID` -> `user_id`, `v2Name` -> `v2_name`. Already snake_case input is returned as is.
std::string snakeCase(std::string_view name);

// True if `name` is a C++20 keyword or alternative token (`class`, `and`, `co_await`, ...).
bool isCppKeyword(std::string_view name);

// `name` as a C++ identifier: keywords get a trailing '_' (`class` -> `class_`).
std::string cppIdentifier(std::string_view name);

// True if C++ reserves `name` for the implementation: it contains "__", or starts with
// '_' followed by an uppercase letter.
bool isReservedCppIdentifier(std::string_view name);

// 32-bit FNV-1a of `text`: stable across platforms and runs.
std::uint32_t fnv1a(std::string_view text);

// `name` if it has at most `limit` bytes; otherwise its first bytes (cut at a UTF-8
// boundary) + '_' + 8 lowercase hex digits of fnv1a(name), at most `limit` bytes in all.
// `limit` must be at least 9.
std::string shortenIdentifier(std::string_view name, std::size_t limit = kMaxIdentifierLength);

// Number of code points in valid UTF-8 `text` (MySQL counts name length in characters).
std::size_t codePointCount(std::string_view text);

}  // namespace ormc::names
