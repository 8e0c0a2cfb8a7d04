// Diagnostic rendering: location, caret under the exact range, help and notes, JSON lines,
// source order, the error limit.
#include "support/diagnostic_codes.hpp"
#include "support/diagnostics.hpp"
#include "support/source_manager.hpp"

#include <doctest/doctest.h>

using namespace ormc;

namespace {

SourceRange at(FileId file, std::uint32_t begin, std::uint32_t end) { return {{file, begin}, {file, end}}; }

}  // namespace

TEST_CASE("text rendering: location, source line, caret, help and note") {
  SourceManager sources;
  FileId f = sources.addBuffer("schemas/blog.orm", "model User {\n  email     Strng(255)   @unique\n}\n");
  DiagnosticEngine engine;
  engine.error(codes::kUnknownType, at(f, 25, 30), "unknown type 'Strng'")
      .addHelp("did you mean 'String'?")
      .addNote(at(f, 6, 10), "in model 'User'");
  CHECK(renderText(sources, engine.sorted()) ==
        "schemas/blog.orm:2:13: error: unknown type 'Strng' [E0201]\n"
        "    2 |   email     Strng(255)   @unique\n"
        "      |             ^~~~~\n"
        "help: did you mean 'String'?\n"
        "schemas/blog.orm:1:7: note: in model 'User'\n"
        "    1 | model User {\n"
        "      |       ^~~~\n");
}

TEST_CASE("columns count code points, and tabs line up") {
  SourceManager sources;
  FileId f = sources.addBuffer("u.orm", "\t\xC3\xA9t\xC3\xA9 Strng\n");
  DiagnosticEngine engine;
  engine.error(codes::kUnknownType, at(f, 7, 12), "unknown type 'Strng'");
  CHECK(renderText(sources, engine.sorted()) ==
        "u.orm:1:6: error: unknown type 'Strng' [E0201]\n"
        "    1 | \t\xC3\xA9t\xC3\xA9 Strng\n"
        "      | \t    ^~~~~\n");
}

TEST_CASE("diagnostics are printed in source order, whatever the report order") {
  SourceManager sources;
  FileId a = sources.addBuffer("a.orm", "one\ntwo\n");
  FileId b = sources.addBuffer("b.orm", "three\n");
  DiagnosticEngine engine;
  engine.error(codes::kSyntax, at(b, 0, 5), "third");
  engine.warning(codes::kCppKeyword, at(a, 4, 7), "second");
  engine.error(codes::kSyntax, at(a, 0, 3), "first");
  std::vector<Diagnostic> sorted = engine.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].message == "first");
  CHECK(sorted[1].message == "second");
  CHECK(sorted[2].message == "third");
  CHECK(engine.errorCount() == 2);
  CHECK(engine.warningCount() == 1);
  CHECK(summary(2, 1) == "2 errors, 1 warning");
}

TEST_CASE("JSON lines carry the same facts") {
  SourceManager sources;
  FileId f = sources.addBuffer("j.orm", "model A {\n  x Strng\n}\n");
  DiagnosticEngine engine;
  engine.error(codes::kUnknownType, at(f, 14, 19), "unknown type 'Strng'").addHelp("did you mean 'String'?");
  CHECK(renderJson(sources, engine.sorted()) ==
        R"({"file":"j.orm","line":2,"column":5,"endLine":2,"endColumn":10,"severity":"error","code":"E0201",)"
        R"("message":"unknown type 'Strng'","help":["did you mean 'String'?"],"notes":[]})"
        "\n");
}

TEST_CASE("the error limit stops recording and says so once") {
  SourceManager sources;
  FileId f = sources.addBuffer("x.orm", "x\n");
  DiagnosticEngine engine(3);
  for (int i = 0; i < 10; ++i) engine.error(codes::kSyntax, at(f, 0, 1), "e");
  CHECK(engine.reachedLimit());
  std::vector<Diagnostic> all = engine.sorted();
  REQUIRE(all.size() == 4);
  CHECK(all.back().code == std::string(codes::kTooManyErrors));
}

TEST_CASE("very long lines are shown as a window around the range") {
  SourceManager sources;
  std::string line = std::string(500, 'a') + "BAD" + std::string(500, 'b');
  FileId f = sources.addBuffer("l.orm", line + "\n");
  DiagnosticEngine engine;
  engine.error(codes::kSyntax, at(f, 500, 503), "bad");
  std::string text = renderText(sources, engine.sorted());
  CHECK(text.find("| ..." + std::string(60, 'a') + "BAD") != std::string::npos);
  CHECK(text.find(std::string(63, ' ') + "^~~\n") != std::string::npos);
}
