// Helpers for the sema unit tests: parse snippets, analyze them, and render the
// diagnostics compactly with exact ranges ("3:9-14: error: unknown type 'Strng' [E0201]").
#pragma once

#include <doctest/doctest.h>

#include "parse/parser.hpp"
#include "sema/sema.hpp"
#include "support/source_manager.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ormc::test {

struct Analysis {
  std::optional<ir::Schema> schema;
  std::string diagnostics;  // every diagnostic with help lines and notes
  std::string headlines;    // only the first line of each diagnostic
  std::vector<Diagnostic> list;
};

inline std::string rangeText(const SourceManager& sources, SourceRange range, bool withFile) {
  if (!range.valid()) return "-";
  LineColumn b = sources.lineColumn(range.begin);
  LineColumn e = sources.lineColumn(range.end);
  std::string out = withFile ? sources.displayName(range.begin.file) + ":" : "";
  out += std::to_string(b.line) + ":" + std::to_string(b.column) + "-";
  if (e.line != b.line) out += std::to_string(e.line) + ":";
  return out + std::to_string(e.column);
}

// Files are (name, text); the first is the root. Only diagnostics in a file other than the
// first carry the file name.
inline Analysis analyzeFiles(const std::vector<std::pair<std::string, std::string>>& files,
                             sema::Options options = {}) {
  SourceManager sources;
  DiagnosticEngine diagnostics;
  std::vector<ast::File> asts;
  for (const auto& [name, text] : files) {
    FileId id = sources.addBuffer(name, text);
    asts.push_back(parse::parseFile(sources, id, diagnostics));
  }
  Analysis a;
  a.schema = sema::analyze(asts, options, diagnostics);
  a.list = diagnostics.sorted();
  for (const Diagnostic& d : a.list) {
    bool other = d.range.valid() && d.range.begin.file != 0;
    std::string head = rangeText(sources, d.range, other) + ": " +
                       (d.severity == Severity::Error ? "error" : "warning") + ": " + d.message + " [" + d.code + "]\n";
    a.headlines += head;
    a.diagnostics += head;
    for (const std::string& help : d.help) a.diagnostics += "  help: " + help + "\n";
    for (const DiagnosticNote& note : d.notes) {
      a.diagnostics += "  note " + rangeText(sources, note.range, note.range.valid() && note.range.begin.file != 0) +
                       ": " + note.message + "\n";
    }
  }
  return a;
}

inline sema::Options noMysql() {
  sema::Options options;
  options.targetMysql = false;
  return options;
}

inline Analysis analyzeText(const std::string& text, sema::Options options = {}) {
  return analyzeFiles({{"t.orm", text}}, options);
}

// Index of the entity called `name`; fails the test if there is none.
inline std::size_t entityIndex(const ir::Schema& schema, const std::string& name) {
  for (std::size_t i = 0; i < schema.entities.size(); ++i) {
    if (schema.entities[i].name == name) return i;
  }
  return ir::kNone;
}

// The IR of `text` (a schema without its `schema` line, which is added); fails the test with the
// diagnostics if it does not compile.
inline ir::Schema compileSchema(const std::string& text) {
  Analysis analysis = analyzeFiles({{"schema.orm", "schema app;\n" + text}});
  INFO(analysis.diagnostics);
  REQUIRE(analysis.schema);
  return *analysis.schema;
}

}  // namespace ormc::test
