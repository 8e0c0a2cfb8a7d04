// Statement splitting and classification by a small lexer over MySQL's quoting and comment
// rules (backslash escapes on, as the session's sql_mode leaves them).
#include "mysql_sql_text.hpp"

#include <array>
#include <cstddef>
#include <string>

namespace ormc::mysql {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::size_t lineEnd(std::string_view s, std::size_t from) {
  std::size_t end = s.find('\n', from);
  return end == npos ? s.size() : end + 1;
}

// The index just past a comment starting at `i`, or `i` if none starts there. MySQL wants
// white space after "--", so "1--1" is arithmetic, not a comment.
std::size_t skipComment(std::string_view s, std::size_t i) {
  if (s[i] == '#') return lineEnd(s, i);
  if (s.compare(i, 2, "--") == 0 && (i + 2 == s.size() || isSpace(s[i + 2]))) return lineEnd(s, i);
  if (s.compare(i, 2, "/*") == 0) {
    std::size_t end = s.find("*/", i + 2);
    return end == npos ? s.size() : end + 2;
  }
  return i;
}

// The index just past the quoted text whose opening quote is at `i`. A doubled quote stays
// inside; a backslash escapes the next character in strings but not in `identifiers`.
std::size_t skipQuoted(std::string_view s, std::size_t i) {
  const char quote = s[i];
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\' && quote != '`') {
      ++i;
      continue;
    }
    if (s[i] != quote) continue;
    if (i + 1 < s.size() && s[i + 1] == quote) {
      ++i;
      continue;
    }
    return i + 1;
  }
  return s.size();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The first `N` words of `sql`, upper-cased; missing words are empty.
template <std::size_t N>
std::array<std::string, N> leadingWords(std::string_view sql) {
  std::array<std::string, N> words;
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < sql.size() && count < N) {
    if (isSpace(sql[i])) {
      ++i;
      continue;
    }
    if (std::size_t after = skipComment(sql, i); after != i) {
      i = after;
      continue;
    }
    if (!isWordChar(sql[i])) break;  // punctuation: the words that matter come first
    for (; i < sql.size() && isWordChar(sql[i]); ++i) {
      char c = sql[i];
      words[count] += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    ++count;
  }
  return words;
}

}  // namespace

SqlKind classify(std::string_view sql) noexcept {
  std::array<std::string, 3> w;
  try {
    w = leadingWords<3>(sql);
  } catch (...) {
    return SqlKind::Other;  // out of memory for a few short words: bookkeeping only
  }
  const std::string& first = w[0];
  if (first == "START" && w[1] == "TRANSACTION") return SqlKind::Begin;
  if (first == "BEGIN" && w[1] != "NOT") return SqlKind::Begin;  // BEGIN NOT ATOMIC is a block
  if (first == "COMMIT") return SqlKind::End;
  if (first == "ROLLBACK") return (w[1] == "TO" || w[2] == "TO") ? SqlKind::Other : SqlKind::End;
  if (first == "INSERT" || first == "REPLACE") return SqlKind::Insert;
  if (first == "UPDATE" || first == "DELETE") return SqlKind::Modify;
  if (first == "CREATE" || first == "DROP") return w[1] == "TEMPORARY" ? SqlKind::Other : SqlKind::ImplicitCommit;
  if (first == "ALTER" || first == "RENAME" || first == "TRUNCATE" || first == "LOCK" || first == "UNLOCK" ||
      first == "GRANT" || first == "REVOKE") {
    return SqlKind::ImplicitCommit;
  }
  return SqlKind::Other;
}

std::vector<std::string_view> splitStatements(std::string_view script) {
  std::vector<std::string_view> statements;
  std::size_t start = 0;
  bool hasCode = false;  // the current piece holds more than white space and comments
  std::size_t i = 0;
  while (i < script.size()) {
    const char c = script[i];
    if (c == '\'' || c == '"' || c == '`') {
      i = skipQuoted(script, i);
      hasCode = true;
      continue;
    }
    if (std::size_t after = skipComment(script, i); after != i) {
      if (script.compare(i, 3, "/*!") == 0 || script.compare(i, 4, "/*M!") == 0) hasCode = true;  // runs
      i = after;
      continue;
    }
    if (c == ';') {
      if (hasCode) statements.push_back(trim(script.substr(start, i - start)));
      start = i + 1;
      hasCode = false;
      ++i;
      continue;
    }
    if (!isSpace(c)) hasCode = true;
    ++i;
  }
  if (hasCode) statements.push_back(trim(script.substr(start)));
  return statements;
}

}  // namespace ormc::mysql
