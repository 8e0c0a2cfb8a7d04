// The `ormc` executable as users run it: subcommands, flags, output formats, exit status
// (0 clean, 1 schema errors, 2 usage or I/O error).
#include "support/golden.hpp"
#include "support/subprocess.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using ormc::test::run;

namespace {

const std::string kOrmc = ORMC_BINARY;
const fs::path kSource = ORMC_SOURCE_DIR;

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("ormc_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("check: a valid schema exits 0 and prints nothing but warnings") {
  auto r = run({kOrmc, "check", "blog.orm"}, (kSource / "schemas").string());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("error") == std::string::npos);
}

TEST_CASE("check: schema errors exit 1 with file:line:col diagnostics") {
  fs::path file = scratch("bad.orm");
  ormc::test::writeFile(file, "schema s;\nmodel User {\n  id Int64 @id\n  email Strng(255)\n}\n");
  auto r = run({kOrmc, "check", file.filename().string()}, file.parent_path().string());
  CHECK(r.status == 1);
  CHECK(r.err.find("bad.orm:4:9: error: unknown type 'Strng'") != std::string::npos);
  CHECK(r.err.find("[E0201]") != std::string::npos);
  CHECK(r.err.find("    4 |   email Strng(255)\n      |         ^~~~~\n") != std::string::npos);
  CHECK(r.err.find("help: did you mean 'String'?") != std::string::npos);
}

TEST_CASE("check: --diagnostics-format=json prints one JSON object per diagnostic") {
  fs::path file = scratch("bad_json.orm");
  ormc::test::writeFile(file, "schema s;\nmodel A {\n  id Int64 @id\n  x Strng\n  y Bool @default(3)\n}\n");
  auto r = run({kOrmc, "check", "--diagnostics-format=json", file.filename().string()}, file.parent_path().string());
  CHECK(r.status == 1);
  std::vector<std::string> lines = ormc::test::splitLines(r.err);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind(R"({"file":"bad_json.orm","line":4,"column":5,"endLine":4,"endColumn":10,"severity":"error","code":"E0201",)", 0) == 0);
  CHECK(lines[1].find(R"("line":5)") != std::string::npos);
}

TEST_CASE("check: a missing file or a bad flag is a usage error, exit 2") {
  CHECK(run({kOrmc, "check", "/nonexistent/x.orm"}).status == 2);
  CHECK(run({kOrmc, "check", "--dialect", "oracle", "x.orm"}).status == 2);
  CHECK(run({kOrmc, "frobnicate"}).status == 2);
  CHECK(run({kOrmc}).status == 2);
}

TEST_CASE("--help and --version") {
  auto help = run({kOrmc, "--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("check") != std::string::npos);
  CHECK(help.out.find("ir") != std::string::npos);
  auto version = run({kOrmc, "--version"});
  CHECK(version.status == 0);
  CHECK(version.out.rfind("ormc ", 0) == 0);
}

TEST_CASE("--dialect chooses which dialect rules apply") {
  fs::path file = scratch("dialect.orm");
  ormc::test::writeFile(file, "schema s;\nmodel A {\n  id Int64 @id\n  name String @unique\n}\n");
  auto both = run({kOrmc, "check", file.string()});
  CHECK(both.status == 1);
  CHECK(both.err.find("E0313") != std::string::npos);
  CHECK(run({kOrmc, "check", "--dialect", "mysql", file.string()}).status == 1);
  CHECK(run({kOrmc, "check", "--dialect", "sqlite", file.string()}).status == 0);
}

TEST_CASE("ir prints the IR as text and as JSON, nothing on errors") {
  auto text = run({kOrmc, "ir", "blog.orm"}, (kSource / "schemas").string());
  CHECK(text.status == 0);
  CHECK(text.out.find("entity User table users") != std::string::npos);
  auto json = run({kOrmc, "ir", "--json", "blog.orm"}, (kSource / "schemas").string());
  CHECK(json.status == 0);
  CHECK(json.out.find("\"table\": \"users\"") != std::string::npos);
  fs::path file = scratch("bad_ir.orm");
  ormc::test::writeFile(file, "schema s;\nmodel A {\n  x Int64\n}\n");
  auto bad = run({kOrmc, "ir", file.string()});
  CHECK(bad.status == 1);
  CHECK(bad.out.empty());
}

TEST_CASE("two root files compile together and imports are followed") {
  auto r = run({kOrmc, "check", "imports/main.orm"}, (kSource / "schemas").string());
  CHECK(r.status == 0);
  INFO(r.err);
}
