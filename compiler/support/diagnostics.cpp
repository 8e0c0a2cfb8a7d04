// DiagnosticEngine and the text/JSON renderers. See diagnostics.hpp.
#include "support/diagnostics.hpp"

#include "support/diagnostic_codes.hpp"
#include "support/source_manager.hpp"
#include "support/utf8.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace ormc {

Diagnostic& DiagnosticEngine::error(const char* code, SourceRange range, std::string message) {
  return report(Severity::Error, code, range, std::move(message));
}

Diagnostic& DiagnosticEngine::warning(const char* code, SourceRange range, std::string message) {
  return report(Severity::Warning, code, range, std::move(message));
}

Diagnostic& DiagnosticEngine::report(Severity severity, const char* code, SourceRange range,
                                     std::string message) {
  if (reachedLimit()) {
    discarded_ = {};
    return discarded_;
  }
  if (severity == Severity::Error) ++errorCount_;
  else ++warningCount_;
  diagnostics_.push_back({severity, code, range, std::move(message), {}, {}});
  if (severity == Severity::Error && reachedLimit()) {
    Diagnostic limit{Severity::Error, codes::kTooManyErrors, range,
                     fmt::format("too many errors ({}), stopping here", errorLimit_), {}, {}};
    diagnostics_.push_back(std::move(limit));
    return diagnostics_[diagnostics_.size() - 2];
  }
  return diagnostics_.back();
}

std::vector<Diagnostic> DiagnosticEngine::sorted() const {
  std::vector<Diagnostic> result = diagnostics_;
  // The "too many errors" marker stays last whatever its location.
  std::stable_sort(result.begin(), result.end(), [](const Diagnostic& a, const Diagnostic& b) {
    bool aLimit = a.code == codes::kTooManyErrors, bLimit = b.code == codes::kTooManyErrors;
    if (aLimit != bLimit) return bLimit;
    if (a.range.valid() != b.range.valid()) return a.range.valid();
    if (!a.range.valid()) return false;
    if (a.range.begin.file != b.range.begin.file) return a.range.begin.file < b.range.begin.file;
    return a.range.begin.offset < b.range.begin.offset;
  });
  return result;
}

namespace {

const char* severityName(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}


// The source line made safe for a terminal: control characters and invalid UTF-8
// print as U+FFFD (one column each, as SourceManager counts them); tabs stay tabs.
std::string sanitizedLine(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    utf8::Decoded d = utf8::decode(line, i);
    bool control = d.codePoint < 0x20 || d.codePoint == 0x7F;
    if (!d.valid || (control && d.codePoint != '\t')) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(line.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

// Columns (1-based code points) of `line` up to `column`, as whitespace that lines up
// under the source line (tabs are kept so terminals expand them the same way).
std::string padTo(std::string_view line, std::uint32_t column) {
  std::string pad;
  std::uint32_t current = 1;
  for (std::size_t i = 0; i < line.size() && current < column; ++current) {
    utf8::Decoded d = utf8::decode(line, i);
    pad += d.codePoint == '\t' ? '\t' : ' ';
    i += d.length;
  }
  while (current++ < column) pad += ' ';
  return pad;
}

constexpr std::uint32_t kMaxShownColumns = 120;

// The byte offset of 1-based column `column` in `line` (or its end).
std::size_t byteOfColumn(std::string_view line, std::uint32_t column) {
  std::size_t i = 0;
  for (std::uint32_t current = 1; i < line.size() && current < column; ++current) i += utf8::decode(line, i).length;
  return i;
}

void renderSnippet(std::string& out, const SourceManager& sources, SourceRange range) {
  if (!range.valid()) return;
  LineColumn begin = sources.lineColumn(range.begin);
  LineColumn end = sources.lineColumn(range.end);
  std::string_view line = sources.lineText(range.begin.file, begin.line);
  std::uint32_t lineLength = 1;
  for (std::size_t i = 0; i < line.size(); ++lineLength) i += utf8::decode(line, i).length;
  // A range that runs past the line is underlined to the line's end; an empty range
  // (a missing token) still gets its caret.
  std::uint32_t last = end.line == begin.line ? end.column : lineLength;
  std::uint32_t width = last > begin.column ? last - begin.column : 1;
  std::uint32_t column = begin.column;
  // Show a window of a very long line (minified or hostile input), with the range in it.
  std::string prefix, suffix;
  if (lineLength > kMaxShownColumns) {
    std::uint32_t first = column > kMaxShownColumns / 2 ? column - kMaxShownColumns / 2 : 1;
    std::size_t from = byteOfColumn(line, first);
    std::size_t to = byteOfColumn(line, first + kMaxShownColumns);
    if (from > 0) prefix = "...";
    if (to < line.size()) suffix = "...";
    line = line.substr(from, to - from);
    column = column - first + 1 + static_cast<std::uint32_t>(prefix.size());
    width = std::min(width, kMaxShownColumns - (column - 1 - static_cast<std::uint32_t>(prefix.size())));
    width = std::max(width, 1u);
  }
  std::string number = std::to_string(begin.line);
  std::string gutter(std::max<std::size_t>(number.size(), 5), ' ');
  out += fmt::format("{:>{}} | {}{}{}\n", number, gutter.size(), prefix, sanitizedLine(line), suffix);
  out += fmt::format("{} | {}{}^{}\n", gutter, std::string(prefix.size(), ' '),
                     padTo(line, column - static_cast<std::uint32_t>(prefix.size())), std::string(width - 1, '~'));
}

std::string location(const SourceManager& sources, SourceRange range) {
  if (!range.valid()) return "ormc";
  LineColumn lc = sources.lineColumn(range.begin);
  return fmt::format("{}:{}:{}", sources.displayName(range.begin.file), lc.line, lc.column);
}

}  // namespace

std::string renderText(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += fmt::format("{}: {}: {} [{}]\n", location(sources, d.range), severityName(d.severity),
                       d.message, d.code);
    renderSnippet(out, sources, d.range);
    for (const std::string& help : d.help) out += fmt::format("help: {}\n", help);
    for (const DiagnosticNote& note : d.notes) {
      out += fmt::format("{}: note: {}\n", location(sources, note.range), note.message);
      renderSnippet(out, sources, note.range);
    }
  }
  return out;
}

std::string renderJson(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics) {
  auto place = [&](nlohmann::ordered_json& j, SourceRange range) {
    if (!range.valid()) {
      j["file"] = nullptr;
      return;
    }
    LineColumn begin = sources.lineColumn(range.begin);
    LineColumn end = sources.lineColumn(range.end);
    j["file"] = sources.displayName(range.begin.file);
    j["line"] = begin.line;
    j["column"] = begin.column;
    j["endLine"] = end.line;
    j["endColumn"] = end.column;
  };
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    nlohmann::ordered_json j;
    place(j, d.range);
    j["severity"] = severityName(d.severity);
    j["code"] = d.code;
    j["message"] = d.message;
    j["help"] = d.help;
    j["notes"] = nlohmann::ordered_json::array();
    for (const DiagnosticNote& note : d.notes) {
      nlohmann::ordered_json n;
      place(n, note.range);
      n["message"] = note.message;
      j["notes"].push_back(std::move(n));
    }
    // Replace, never throw, on invalid UTF-8 that reached a message through user text.
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::string summary(std::size_t errors, std::size_t warnings) {
  auto plural = [](std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  if (errors && warnings) return plural(errors, "error") + ", " + plural(warnings, "warning");
  if (errors) return plural(errors, "error");
  if (warnings) return plural(warnings, "warning");
  return {};
}

}  // namespace ormc
