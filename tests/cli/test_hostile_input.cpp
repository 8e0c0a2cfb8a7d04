// Hostile input never crashes the compiler: each file below gets a located diagnostic and
// exit status 1 (CTest's timeout bounds the time; speed itself is a benchmark's business).
#include "support/golden.hpp"
#include "support/subprocess.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>
#include <random>
#include <regex>

namespace fs = std::filesystem;
using ormc::test::run;

namespace {

const std::string kOrmc = ORMC_BINARY;

fs::path scratchDir() {
  fs::path dir = fs::temp_directory_path() / ("ormc_hostile_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// Writes `content` as `name`, runs `ormc check` on it, and checks for exit 1 and a first
// diagnostic of the form "name:line:col: error: ... [Ennnn]".
ormc::test::ProcessResult checkRejected(const std::string& name, const std::string& content) {
  fs::path dir = scratchDir();
  ormc::test::writeFile(dir / name, content);
  ormc::test::ProcessResult r = run({kOrmc, "check", name}, dir.string());
  CAPTURE(name);
  CHECK(r.status == 1);
  std::regex located("^" + std::regex_replace(name, std::regex(R"(\.)"), R"(\.)") +
                     R"(:\d+:\d+: error: .+ \[E\d{4}\])");
  std::string firstLine = r.err.substr(0, r.err.find('\n'));
  CHECK_MESSAGE(std::regex_search(firstLine, located), firstLine);
  return r;
}

std::string randomBytes(std::size_t size, unsigned seed) {
  std::mt19937 rng(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  return bytes;
}

}  // namespace

TEST_CASE("binary garbage") {
  checkRejected("garbage.orm", randomBytes(1 << 16, 7));
}

TEST_CASE("a 10 MB file of garbage") {
  checkRejected("big_garbage.orm", randomBytes(10 << 20, 11));
}

TEST_CASE("a 10 MB file of declarations with errors") {
  std::string text = "schema big;\n";
  for (int i = 0; text.size() < (10u << 20); ++i) {
    text += "model M" + std::to_string(i) + " {\n  id Int64 @id\n  name Strng(10)\n}\n";
  }
  auto r = checkRejected("big_models.orm", text);
  CHECK(r.err.find("too many errors") != std::string::npos);
}

TEST_CASE("10,000 nested parentheses in a check") {
  std::string text = "schema s;\nmodel A {\n  id Int64 @id\n  x Int32 @check(" + std::string(10000, '(') + "x > 0" +
                     std::string(10000, ')') + ")\n}\n";
  auto r = checkRejected("nested.orm", text);
  CHECK(r.err.find("[E0106]") != std::string::npos);
}

TEST_CASE("10,000 nested brackets and a long chain of negations") {
  std::string text = "schema s;\nmodel A {\n  id Int64 @id\n  x Int32 @check(" + std::string(10000, '!') +
                     std::string(10000, '[') + ")\n}\n";
  checkRejected("brackets.orm", text);
}

TEST_CASE("unterminated string") {
  auto r = checkRejected("string.orm", "schema s;\nmodel A {\n  id Int64 @id @map(\"id)\n}\n");
  CHECK(r.err.find("string.orm:3:21: error: unterminated string [E0102]") == 0);
}

TEST_CASE("unterminated block comment") {
  auto r = checkRejected("comment.orm", "schema s;\n/* model A {\n  id Int64 @id\n}\n");
  CHECK(r.err.find("comment.orm:2:1: error: unterminated block comment [E0103]") == 0);
}

TEST_CASE("invalid UTF-8") {
  auto r = checkRejected("utf8.orm", "schema s;\nmodel A\xFF\xFE {\n  id Int64 @id\n}\n");
  CHECK(r.err.find("utf8.orm:2:8: error: invalid UTF-8 byte 0xFF (and 1 more) [E0105]") == 0);
}

TEST_CASE("NUL bytes") {
  auto r = checkRejected("nul.orm", std::string("schema s;\nmodel A {\n  id Int64 @id\0\0\n}\n", 36));
  CHECK(r.err.find("nul.orm:3:15: error: invalid characters starting with U+0000 [E0104]") == 0);
}

TEST_CASE("an empty file is a valid, empty schema: a warning and exit 0") {
  fs::path dir = scratchDir();
  ormc::test::writeFile(dir / "empty.orm", "");
  auto r = run({kOrmc, "check", "empty.orm"}, dir.string());
  CHECK(r.status == 0);
  CHECK(r.err.find("empty.orm:1:1: warning:") == 0);
}

TEST_CASE("a file over the 64 MiB limit") {
  auto r = checkRejected("huge.orm", std::string((64u << 20) + 1, ' '));
  CHECK(r.err.find("[E0110]") != std::string::npos);
}

TEST_CASE("10,000 unary minus signs in a default") {
  std::string text = "schema s;\nmodel A {\n  id Int64 @id\n  x Int32 @default(" + std::string(10000, '-') + "1)\n}\n";
  auto r = checkRejected("minus.orm", text);
  CHECK(r.err.find("[E0106]") != std::string::npos);
}
