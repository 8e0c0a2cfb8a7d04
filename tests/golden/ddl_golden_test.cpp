// Golden tests of the DDL emitter, run in-process: the CREATE script of every example schema and
// of the DDL cases in tests/golden/ddl/cases, for SQLite and for MySQL/MariaDB, compared with
// tests/golden/ddl (ORMC_UPDATE_GOLDEN=1 rewrites). Each script is generated twice to show the
// output is deterministic. tests/integration/test_ddl_catalog* load the same scripts into real
// databases.
#include "driver/driver.hpp"
#include "emit/sql/ddl_emitter.hpp"
#include "support/golden.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using ormc::test::checkGolden;

namespace {

const fs::path kSource = ORMC_SOURCE_DIR;

ormc::driver::Compilation compile(const fs::path& file) {
  ormc::driver::Options options;
  options.inputs = {file.string()};
  return ormc::driver::compile(options);
}

// Every schema with DDL goldens: (input, directory of its goldens).
std::vector<std::pair<fs::path, fs::path>> ddlSchemas() {
  std::vector<std::pair<fs::path, fs::path>> schemas = {
      {kSource / "schemas/blog.orm", kSource / "tests/golden/ddl"},
      {kSource / "schemas/shop.orm", kSource / "tests/golden/ddl"},
      {kSource / "schemas/imports/main.orm", kSource / "tests/golden/ddl"}};
  std::vector<fs::path> cases;
  for (const fs::directory_entry& entry : fs::directory_iterator(kSource / "tests/golden/ddl/cases")) {
    if (entry.path().extension() == ".orm") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  for (const fs::path& c : cases) schemas.emplace_back(c, c.parent_path());
  return schemas;
}

}  // namespace

TEST_CASE("the DDL of every schema matches its golden files, for both dialects") {
  std::vector<std::pair<fs::path, fs::path>> schemas = ddlSchemas();
  REQUIRE(schemas.size() >= 6);
  for (const auto& [input, goldenDir] : schemas) {
    CAPTURE(input.string());
    ormc::driver::Compilation compilation = compile(input);
    INFO(ormc::driver::renderDiagnostics(compilation, ormc::driver::DiagnosticsFormat::Text));
    REQUIRE(compilation.schema.has_value());
    for (const ormc::emit::sql::Dialect* dialect :
         {&ormc::emit::sql::sqliteDialect(), &ormc::emit::sql::mysqlDialect()}) {
      CAPTURE(dialect->name());
      ormc::emit::sql::DdlOptions options;
      options.source = input.filename().string();
      std::string script = ormc::emit::sql::emitDdl(*compilation.schema, *dialect, options);
      checkGolden(goldenDir / ormc::emit::sql::ddlFileName(input.stem().string(), *dialect), script);
      ormc::driver::Compilation again = compile(input);
      REQUIRE(again.schema.has_value());
      CHECK(ormc::emit::sql::emitDdl(*again.schema, *dialect, options) == script);
    }
  }
}

TEST_CASE("writeDdl puts the script in the sink as <stem>.<dialect>.sql") {
  ormc::driver::Compilation compilation = compile(kSource / "schemas/blog.orm");
  REQUIRE(compilation.schema.has_value());
  ormc::emit::MemorySink sink;
  ormc::emit::sql::writeDdl(*compilation.schema, ormc::emit::sql::mysqlDialect(), {"blog.orm"}, "blog", sink);
  REQUIRE(sink.files.count("blog.mysql.sql") == 1);
  CHECK(sink.files["blog.mysql.sql"] ==
        ormc::emit::sql::emitDdl(*compilation.schema, ormc::emit::sql::mysqlDialect(), {"blog.orm"}));
}
