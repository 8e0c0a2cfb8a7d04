// Diagnostics: what every stage reports into, and the two renderings users see
// (`file:line:col: error: message [E0201]` text with a caret line, or JSON lines).
// Stages collect and keep going; only the driver decides to stop.
#pragma once

#include "support/source_location.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace ormc {

class SourceManager;

enum class Severity { Error, Warning };

struct DiagnosticNote {
  SourceRange range;  // may be invalid: then the note is printed without a location
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;  // "E0201"; see support/diagnostic_codes.hpp
  SourceRange range;
  std::string message;  // lowercase start, no final period
  std::vector<std::string> help;  // "did you mean 'String'?"
  std::vector<DiagnosticNote> notes;  // "'User' first defined here"

  Diagnostic& addHelp(std::string text) {
    help.push_back(std::move(text));
    return *this;
  }
  Diagnostic& addNote(SourceRange where, std::string text) {
    notes.push_back({where, std::move(text)});
    return *this;
  }
};

class DiagnosticEngine {
 public:
  // After `errorLimit` errors, further reports are dropped and one E0109 is recorded.
  explicit DiagnosticEngine(std::size_t errorLimit = 50) : errorLimit_(errorLimit) {}

  // Records an error or warning. The returned reference stays valid until the next report;
  // use it at once to attach help lines and notes.
  Diagnostic& error(const char* code, SourceRange range, std::string message);
  Diagnostic& warning(const char* code, SourceRange range, std::string message);

  bool hasErrors() const { return errorCount_ > 0; }
  std::size_t errorCount() const { return errorCount_; }
  std::size_t warningCount() const { return warningCount_; }
  // True once the error limit is reached: stages may stop early, nothing more is recorded.
  bool reachedLimit() const { return errorCount_ >= errorLimit_; }

  // In report order.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // In source order: by file (load order), then offset; unlocated ones last; stable.
  std::vector<Diagnostic> sorted() const;

 private:
  Diagnostic& report(Severity severity, const char* code, SourceRange range, std::string message);

  std::vector<Diagnostic> diagnostics_;
  Diagnostic discarded_;
  std::size_t errorLimit_;
  std::size_t errorCount_ = 0;
  std::size_t warningCount_ = 0;
};

// The human format, one diagnostic after another, with source line and carets:
//   schemas/blog.orm:14:13: error: unknown type 'Strng' [E0201]
//      14 |   email     Strng(255)   @unique
//         |             ^~~~~
//   help: did you mean 'String'?
std::string renderText(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics);

// One JSON object per line with file, line, column, endLine, endColumn, severity, code,
// message, help[] and notes[].
std::string renderJson(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics);

// "2 errors, 1 warning" (empty when there is nothing to say).
std::string summary(std::size_t errors, std::size_t warnings);

}  // namespace ormc
