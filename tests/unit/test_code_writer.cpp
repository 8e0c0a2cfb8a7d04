// CodeWriter: substitution, indentation, and loud failure on a missing variable.
#include "support/code_writer.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

TEST_CASE("code writer substitutes variables and indents non-empty lines") {
  ormc::CodeWriter w;
  w.emit("struct $name$ {\n", {{"name", "User"}});
  {
    auto in = w.indent();
    w.emit("$type$ $member$;\n\n", {{"type", "std::int64_t"}, {"member", "id"}});
    w.emit("// costs $$5\n");
  }
  w.emit("};\n");
  CHECK(w.text() == "struct User {\n  std::int64_t id;\n\n  // costs $5\n};\n");
}

TEST_CASE("code writer refuses a variable it was not given") {
  ormc::CodeWriter w;
  CHECK_THROWS_AS(w.emit("$missing$\n"), std::logic_error);
  CHECK_THROWS_AS(w.emit("$unclosed\n"), std::logic_error);
}
