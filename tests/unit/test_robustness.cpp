// Damaged versions of the example schemas never crash the front end or lose the error:
// every byte prefix of blog.orm, and shop.orm with any one line removed or any one line
// cut in half, go through parse and sema in-process (fast enough to try them all).
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace {

std::string readSchema(const std::string& name) {
  std::ifstream in(std::string(ORMC_SOURCE_DIR) + "/schemas/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  return lines;
}

std::string joinExcept(const std::vector<std::string>& lines, std::size_t skip, std::size_t keepChars) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += i == skip ? lines[i].substr(0, keepChars) : lines[i];
  return out;
}

// A schema the front end rejected must say why; one it accepted must have produced an IR.
void checkConsistent(const ormc::test::Analysis& a) {
  bool errors = false;
  for (const ormc::Diagnostic& d : a.list) errors = errors || d.severity == ormc::Severity::Error;
  CHECK(errors != a.schema.has_value());
}

}  // namespace

TEST_CASE("every prefix of blog.orm") {
  std::string blog = readSchema("blog.orm");
  REQUIRE(blog.size() > 1000);
  for (std::size_t cut = 0; cut <= blog.size(); ++cut) {
    CAPTURE(cut);
    checkConsistent(ormc::test::analyzeFiles({{"blog.orm", blog.substr(0, cut)}}));
  }
}

TEST_CASE("shop.orm with one line removed or cut in half") {
  std::vector<std::string> lines = splitLines(readSchema("shop.orm"));
  REQUIRE(lines.size() > 300);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i);
    checkConsistent(ormc::test::analyzeFiles({{"shop.orm", joinExcept(lines, i, 0)}}));
    checkConsistent(ormc::test::analyzeFiles({{"shop.orm", joinExcept(lines, i, lines[i].size() / 2)}}));
  }
}
