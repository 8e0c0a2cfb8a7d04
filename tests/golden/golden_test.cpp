// Golden tests of the front end, run in-process: the exact diagnostics of every invalid
// schema in tests/diagnostics/cases, and the IR (JSON and text) of every valid schema in
// schemas/. Each case is also compiled twice to show the output is deterministic.
#include "driver/driver.hpp"
#include "ir/ir_json.hpp"
#include "ir/ir_text.hpp"
#include "support/golden.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>

namespace fs = std::filesystem;
using ormc::test::checkGolden;

namespace {

const fs::path kSource = ORMC_SOURCE_DIR;

// Compiles `file` from inside `dir`, as a user would run `ormc check file` there, so that
// paths in diagnostics are the short relative ones.
ormc::driver::Compilation compileIn(const fs::path& dir, const std::string& file) {
  fs::path previous = fs::current_path();
  fs::current_path(dir);
  ormc::driver::Options options;
  options.inputs = {file};
  ormc::driver::Compilation compilation = ormc::driver::compile(options);
  fs::current_path(previous);
  return compilation;
}

std::vector<fs::path> filesIn(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The diagnostic codes named on the first line of a case file.
std::vector<std::string> expectedCodes(const fs::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  std::vector<std::string> codes;
  static const std::regex code(R"(\b[EW]\d{4}\b)");
  for (auto it = std::sregex_iterator(first.begin(), first.end(), code); it != std::sregex_iterator(); ++it) {
    codes.push_back(it->str());
  }
  return codes;
}

}  // namespace

TEST_CASE("diagnostics of every invalid schema match their golden files") {
  const fs::path cases = kSource / "tests/diagnostics/cases";
  std::vector<fs::path> inputs = filesIn(cases, ".orm");
  REQUIRE(inputs.size() >= 40);
  for (const fs::path& input : inputs) {
    const std::string name = input.filename().string();
    CAPTURE(name);
    ormc::driver::Compilation first = compileIn(cases, name);
    std::string text = ormc::driver::renderDiagnostics(first, ormc::driver::DiagnosticsFormat::Text);
    checkGolden(fs::path(input).replace_extension(".stderr"), text);
    // The first line names the codes the case is about ("// expect: E0201 ..."): each must
    // be reported, and the run fails exactly when one of them is an error code.
    std::vector<std::string> expected = expectedCodes(input);
    REQUIRE_MESSAGE(!expected.empty(), "the first line of a case must be // expect: CODE...");
    bool expectsError = false;
    for (const std::string& code : expected) {
      CHECK_MESSAGE(text.find("[" + code + "]") != std::string::npos, code);
      expectsError = expectsError || code[0] == 'E';
    }
    CHECK(first.diagnostics.hasErrors() == expectsError);
    ormc::driver::Compilation second = compileIn(cases, name);
    CHECK(ormc::driver::renderDiagnostics(second, ormc::driver::DiagnosticsFormat::Text) == text);
  }
}

TEST_CASE("the IR of every valid schema matches its golden files") {
  const std::vector<std::pair<std::string, std::string>> schemas = {
      {"schemas", "blog.orm"}, {"schemas", "shop.orm"}, {"schemas/imports", "main.orm"}};
  for (const auto& [dir, file] : schemas) {
    CAPTURE(file);
    ormc::driver::Compilation compilation = compileIn(kSource / dir, file);
    INFO(ormc::driver::renderDiagnostics(compilation, ormc::driver::DiagnosticsFormat::Text));
    REQUIRE(compilation.schema.has_value());
    const std::string stem = fs::path(file).stem().string();
    std::string json = ormc::ir::toJson(*compilation.schema).dump(2) + "\n";
    std::string text = ormc::ir::toText(*compilation.schema);
    checkGolden(kSource / "tests/golden/ir" / (stem + ".ir.json"), json);
    checkGolden(kSource / "tests/golden/ir" / (stem + ".ir.txt"), text);
    ormc::driver::Compilation again = compileIn(kSource / dir, file);
    REQUIRE(again.schema.has_value());
    CHECK(ormc::ir::toJson(*again.schema).dump(2) + "\n" == json);
  }
}
