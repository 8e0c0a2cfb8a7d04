// Golden tests of the C++ emitter, run in-process: the <stem>.orm.hpp and <stem>.orm.cpp of
// every example schema against tests/golden/cpp (ORMC_UPDATE_GOLDEN=1 rewrites them), each
// emitted twice to show the output is deterministic. tests/codegen compiles the same output.
#include "driver/driver.hpp"
#include "emit/cpp/entity_emitter.hpp"
#include "emit/output_sink.hpp"
#include "support/golden.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = ORMC_SOURCE_DIR;

// The schema of `file`, compiled from inside `dir` as `ormc generate file` would be run there.
ormc::ir::Schema compileIn(const fs::path& dir, const std::string& file) {
  fs::path previous = fs::current_path();
  fs::current_path(dir);
  ormc::driver::Options options;
  options.inputs = {file};
  ormc::driver::Compilation compilation = ormc::driver::compile(options);
  fs::current_path(previous);
  INFO(ormc::driver::renderDiagnostics(compilation, ormc::driver::DiagnosticsFormat::Text));
  REQUIRE(compilation.schema.has_value());
  return *compilation.schema;
}

}  // namespace

TEST_CASE("the C++ generated from every example schema matches its golden files") {
  const std::vector<std::pair<std::string, std::string>> schemas = {
      {"schemas", "blog.orm"}, {"schemas", "shop.orm"}, {"schemas/imports", "main.orm"}};
  for (const auto& [dir, file] : schemas) {
    CAPTURE(file);
    ormc::ir::Schema schema = compileIn(kSource / dir, file);
    ormc::emit::cpp::Options options{ORMC_VERSION, {file}};
    ormc::emit::MemorySink first, second;
    ormc::emit::cpp::emitEntities(schema, options, first);
    ormc::emit::cpp::emitEntities(schema, options, second);
    const std::string stem = fs::path(file).stem().string();
    REQUIRE(first.files.size() == 2);
    for (const std::string& name : {stem + ".orm.hpp", stem + ".orm.cpp"}) {
      REQUIRE(first.files.count(name) == 1);
      ormc::test::checkGolden(kSource / "tests/golden/cpp" / name, first.files[name]);
      CHECK(second.files[name] == first.files[name]);
    }
  }
}
