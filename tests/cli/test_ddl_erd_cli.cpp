// `ormc ddl` and `ormc erd` as users run them: output on stdout, exactly one --dialect for ddl,
// usage errors exit 2, schema errors exit 1 with nothing on stdout.
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
  fs::path dir = fs::temp_directory_path() / ("ormc_ddl_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("ddl prints the script of the chosen dialect, the same as the golden file") {
  auto sqlite = run({kOrmc, "ddl", "blog.orm", "--dialect", "sqlite"}, (kSource / "schemas").string());
  CHECK(sqlite.status == 0);
  CHECK(sqlite.out == ormc::test::readFile(kSource / "tests/golden/ddl/blog.sqlite.sql"));
  auto mysql = run({kOrmc, "ddl", "--dialect=mysql", "blog.orm"}, (kSource / "schemas").string());
  CHECK(mysql.status == 0);
  CHECK(mysql.out == ormc::test::readFile(kSource / "tests/golden/ddl/blog.mysql.sql"));
  auto imports = run({kOrmc, "ddl", "imports/main.orm", "--dialect", "mysql"}, (kSource / "schemas").string());
  CHECK(imports.status == 0);
  CHECK(imports.out == ormc::test::readFile(kSource / "tests/golden/ddl/main.mysql.sql"));
}

TEST_CASE("ddl needs exactly one known dialect: anything else is a usage error, exit 2") {
  const std::string dir = (kSource / "schemas").string();
  auto none = run({kOrmc, "ddl", "blog.orm"}, dir);
  CHECK(none.status == 2);
  CHECK(none.out.empty());
  CHECK(none.err.find("exactly one --dialect") != std::string::npos);
  auto two = run({kOrmc, "ddl", "blog.orm", "--dialect", "sqlite,mysql"}, dir);
  CHECK(two.status == 2);
  CHECK(two.out.empty());
  auto repeated = run({kOrmc, "ddl", "blog.orm", "--dialect", "sqlite", "--dialect", "mysql"}, dir);
  CHECK(repeated.status == 2);
  CHECK(repeated.out.empty());
  CHECK(run({kOrmc, "ddl", "blog.orm", "--dialect", "oracle"}, dir).status == 2);
  CHECK(run({kOrmc, "ddl", "--dialect", "sqlite"}, dir).status == 2);
  CHECK(run({kOrmc, "ddl", "/nonexistent/x.orm", "--dialect", "sqlite"}).status == 2);
}

TEST_CASE("ddl applies only the chosen dialect's rules, and schema errors exit 1 and print no SQL") {
  fs::path file = scratch("dialect.orm");
  ormc::test::writeFile(file, "schema s;\nmodel A {\n  id Int64 @id\n  name String @unique\n}\n");
  auto sqlite = run({kOrmc, "ddl", file.string(), "--dialect", "sqlite"});
  CHECK(sqlite.status == 0);
  CHECK(sqlite.out.find("CREATE UNIQUE INDEX \"a_name_key\" ON \"a\" (\"name\");") != std::string::npos);
  auto mysql = run({kOrmc, "ddl", file.string(), "--dialect", "mysql"});
  CHECK(mysql.status == 1);
  CHECK(mysql.out.empty());
  CHECK(mysql.err.find("E0313") != std::string::npos);
}

TEST_CASE("erd prints Mermaid by default and dot on request") {
  const std::string dir = (kSource / "schemas").string();
  auto mermaid = run({kOrmc, "erd", "blog.orm"}, dir);
  CHECK(mermaid.status == 0);
  CHECK(mermaid.out == ormc::test::readFile(kSource / "tests/golden/erd/blog.mmd"));
  auto dot = run({kOrmc, "erd", "blog.orm", "--format", "dot"}, dir);
  CHECK(dot.status == 0);
  CHECK(dot.out == ormc::test::readFile(kSource / "tests/golden/erd/blog.dot"));
  CHECK(run({kOrmc, "erd", "blog.orm", "--format", "svg"}, dir).status == 2);
  fs::path bad = scratch("bad_erd.orm");
  ormc::test::writeFile(bad, "schema s;\nmodel A {\n  x Int64\n}\n");
  auto broken = run({kOrmc, "erd", bad.string()});
  CHECK(broken.status == 1);
  CHECK(broken.out.empty());
}
