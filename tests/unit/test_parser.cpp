// The parse stage: AST dumps for each construct, and syntax errors as exact text.
#include "ast/ast_dump.hpp"
#include "parse/parser.hpp"

#include <doctest/doctest.h>

namespace {

struct Parsed {
  std::string ast;
  std::string errors;
};

Parsed parse(const std::string& text) {
  ormc::SourceManager sources;
  ormc::DiagnosticEngine diagnostics;
  ormc::FileId file = sources.addBuffer("t.orm", text);
  ormc::ast::File ast = ormc::parse::parseFile(sources, file, diagnostics);
  return {ormc::ast::dump(ast, sources), ormc::renderText(sources, diagnostics.sorted())};
}

// Only the "file:line:col: error: message [code]" lines.
std::string headlines(const std::string& rendered) {
  std::string out;
  std::size_t pos = 0;
  while (pos < rendered.size()) {
    std::size_t end = rendered.find('\n', pos);
    std::string line = rendered.substr(pos, end - pos);
    if (line.rfind("t.orm:", 0) == 0) out += line + "\n";
    pos = end == std::string::npos ? rendered.size() : end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("schema line, imports, enums and models") {
  Parsed p = parse(
      "schema acme.blog;\n"
      "import \"common.orm\";\n"
      "/// Roles.\n"
      "enum Role { admin, author\n  reader @map(\"r\") }\n"
      "model User {\n"
      "  /// Key.\n"
      "  id Int64 @id @autoincrement\n"
      "  name String(100)?\n"
      "  posts Post[]\n"
      "  @@index([name], name: \"by_name\")\n"
      "}\n");
  CHECK(p.errors.empty());
  CHECK(p.ast ==
        "schema acme.blog @1:1\n"
        "import \"common.orm\" @2:1\n"
        "doc \"Roles.\"\n"
        "enum Role @4:1\n"
        "  value admin @4:13\n"
        "  value author @4:20\n"
        "  value reader @5:3\n"
        "    @map(\"r\") @5:10\n"
        "model User @6:1\n"
        "  doc \"Key.\"\n"
        "  field id Int64 @8:3\n"
        "    @id @8:12\n"
        "    @autoincrement @8:16\n"
        "  field name String(100)? @9:3\n"
        "  field posts Post[] @10:3\n"
        "  @@index([name], name: \"by_name\") @11:3\n");
}

TEST_CASE("a one-line model and trailing commas in enums") {
  Parsed p = parse("model A { id Int64 @id }\nenum E { a, b, }\n");
  CHECK(p.errors.empty());
  CHECK(p.ast == "enum E @2:1\n  value a @2:10\n  value b @2:13\nmodel A @1:1\n  field id Int64 @1:11\n    @id @1:20\n");
}

TEST_CASE("attribute arguments span lines inside brackets") {
  Parsed p = parse("model P {\n  a U @relation(fields: [x,\n      y],\n    references: [id])\n}\n");
  CHECK(p.errors.empty());
  CHECK(p.ast.find("@relation(fields: [x, y], references: [id]) @2:7") != std::string::npos);
}

TEST_CASE("check expressions keep precedence") {
  Parsed p = parse("model A {\n  x Int @check(a + b * c >= 10 && !(d == 1) || e in [1, 2] && length(f) < -3)\n}\n");
  CHECK(p.errors.empty());
  CHECK(p.ast.find("@check(((((a + (b * c)) >= 10) && !(d == 1)) || ((e in [1, 2]) && (length(f) < -3))))") !=
        std::string::npos);
}

TEST_CASE("doc comments attach to the declaration below, not to a trailing one") {
  Parsed p = parse("model A {\n  x Int /// about x, trailing\n  /// about y\n  /// second line\n  y Int\n  //// plain\n  z Int\n}\n");
  CHECK(p.errors.empty());
  CHECK(p.ast ==
        "model A @1:1\n"
        "  field x Int @2:3\n"
        "  doc \"about y\\nsecond line\"\n"
        "  field y Int @5:3\n"
        "  field z Int @7:3\n");
}

TEST_CASE("string escapes are decoded") {
  Parsed p = parse("model A {\n  x String @default(\"q\\\"b\\\\n\\n\\t\\u{1F600}\")\n}\n");
  CHECK(p.errors.empty());
  CHECK(p.ast.find(R"(@default("q\"b\\n\n\t)" "\xF0\x9F\x98\x80" R"(") @2:12)") != std::string::npos);
}

TEST_CASE("syntax errors read like a person wrote them, and parsing goes on") {
  Parsed p = parse(
      "schema blog\n"
      "model User {\n"
      "  id Int64 @id\n"
      "  email\n"
      "  name String @unique unique\n"
      "}\n"
      "modle Foo {\n"
      "}\n"
      "enum E { a b }\n"
      "model Bar {\n"
      "  x Int @default(1\n"
      "}\n"
      "model Baz {\n"
      "  y Int\n");
  CHECK(headlines(p.errors) ==
        "t.orm:1:12: error: expected ';' after the schema name, found 'model' [E0101]\n"
        "t.orm:4:8: error: expected a type after field name 'email', found end of line [E0101]\n"
        "t.orm:5:23: error: unexpected 'unique' after field 'name' [E0101]\n"
        "t.orm:7:1: error: expected 'model' or 'enum', found 'modle' [E0101]\n"
        "t.orm:9:12: error: unexpected 'b' after value 'a' [E0101]\n"
        "t.orm:11:19: error: expected ',' or ')' in the arguments of '@default', found end of line [E0101]\n"
        "t.orm:14:8: error: expected '}' to close model 'Baz', found end of file [E0101]\n");
}

TEST_CASE("a misspelt keyword gets a suggestion") {
  Parsed p = parse("modle Foo {\n}\n");
  CHECK(p.errors.find("help: did you mean 'model'?") != std::string::npos);
}

TEST_CASE("lexical errors are located and reported once per run of bad characters") {
  Parsed p = parse("model A {\n  x Int @map(\"x\\q\") $$$\n  y \"open\n}\n/* never closed\n");
  CHECK(headlines(p.errors) ==
        "t.orm:2:16: error: invalid escape sequence '\\q' in string [E0107]\n"
        "t.orm:2:21: error: invalid characters starting with '$' [E0104]\n"
        "t.orm:3:5: error: unterminated string [E0102]\n"
        "t.orm:5:1: error: unterminated block comment [E0103]\n");
}

TEST_CASE("integers beyond 64 bits are refused") {
  Parsed p = parse("model A {\n  x Int @default(99999999999999999999)\n  y Int @default(-9223372036854775808)\n}\n");
  CHECK(headlines(p.errors) == "t.orm:2:18: error: integer 99999999999999999999 does not fit in 64 bits [E0108]\n");
}

TEST_CASE("nesting depth is bounded") {
  Parsed p = parse("model A {\n  x Int @check(" + std::string(300, '(') + ")\n}\n");
  CHECK(headlines(p.errors) == "t.orm:2:215: error: brackets nested too deeply (the limit is 200) [E0106]\n");
}
