// @check and @@check: lowering to ir::CheckExpr over column indices, and the type rules
// pinned as exact text.
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

using namespace ormc;
using ormc::test::analyzeText;

namespace {

// A compact rendering of a lowered check: columns as #index.
std::string show(const ir::CheckExpr& e) {
  static const char* ops[] = {"||", "&&", "!", "-", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/"};
  switch (e.kind) {
    case ir::CheckKind::Column: return "#" + std::to_string(e.column);
    case ir::CheckKind::Length: return "length(#" + std::to_string(e.column) + ")";
    case ir::CheckKind::String: return "\"" + e.value + "\"";
    case ir::CheckKind::EnumValue: return "'" + e.value + "'";
    case ir::CheckKind::Integer:
    case ir::CheckKind::Decimal:
    case ir::CheckKind::Boolean: return e.value;
    case ir::CheckKind::Unary: return std::string(ops[static_cast<int>(e.op)]) + show(e.children[0]);
    case ir::CheckKind::Binary:
      return "(" + show(e.children[0]) + " " + ops[static_cast<int>(e.op)] + " " + show(e.children[1]) + ")";
    case ir::CheckKind::In: {
      std::string out = show(e.children[0]) + " in [";
      for (std::size_t i = 1; i < e.children.size(); ++i) out += (i > 1 ? ", " : "") + show(e.children[i]);
      return out + "]";
    }
  }
  return "?";
}

}  // namespace

TEST_CASE("checks lower to expressions over columns") {
  test::Analysis a = analyzeText(R"(schema t;
enum Role {
  admin
  reader @map("r")
}
model Person {
  id Int64 @id
  name String(10) @check(length(name) > 2)
  role Role @check(role != admin)
  age Int32
  active Bool
  born Date
  ratio Decimal(4,2)
  @@check(age >= 18 && active || !active)
  @@check(role in [admin, reader])
  @@check(-age < -5 + 1 * 2)
  @@check(born > "2020-01-01" && ratio <= 0.5)
  @@check(name in ["a", "b"] && active == true)
}
)");
  INFO(a.diagnostics);
  REQUIRE(a.schema);
  const std::vector<ir::Check>& checks = a.schema->entities[0].checks;
  REQUIRE(checks.size() == 7);
  CHECK(checks[0].name == "person_name_check");
  CHECK(show(checks[0].expr) == "(length(#1) > 2)");
  CHECK(checks[1].name == "person_role_check");
  CHECK(show(checks[1].expr) == "(#2 != 'admin')");
  CHECK(checks[2].name == "person_check");
  CHECK(show(checks[2].expr) == "(((#3 >= 18) && #4) || !#4)");
  CHECK(checks[3].name == "person_check1");
  CHECK(show(checks[3].expr) == "#2 in ['admin', 'r']");
  CHECK(show(checks[4].expr) == "(-#3 < (-5 + (1 * 2)))");
  CHECK(show(checks[5].expr) == "((#5 > \"2020-01-01\") && (#6 <= 0.5))");
  CHECK(checks[6].name == "person_check4");
  CHECK(show(checks[6].expr) == "(#1 in [\"a\", \"b\"] && (#4 == true))");
}

TEST_CASE("ill-typed checks") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum Role {\n"
      "  admin\n"
      "  reader\n"
      "}\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  name String(10)\n"
      "  role Role\n"
      "  age Int32\n"
      "  active Bool\n"
      "  born Date\n"
      "  j Json\n"
      "  @@check(age + 1 > \"x\")\n"
      "  @@check(length(age) > 1)\n"
      "  @@check(role < admin)\n"
      "  @@check(active > false)\n"
      "  @@check(age)\n"
      "  @@check(active && 1)\n"
      "  @@check(born < \"2020-13-01\")\n"
      "  @@check(j == \"{}\")\n"
      "  @@check(name in [1, 2])\n"
      "  @@check(role == \"admin\")\n"
      "  @@check(!age)\n"
      "  @@check(-name > 1)\n"
      "  @@check(name * 2 > 1)\n"
      "  @@check(age > [1])\n"
      "  @@check(length(name, age) > 1)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "14:11-24: error: cannot compare a number with a string [E0321]\n"
        "15:18-21: error: length() needs a String or Text field, but 'age' is a number [E0321]\n"
        "16:11-23: error: enum values can only be compared with == and != [E0321]\n"
        "17:11-25: error: booleans can only be compared with == and != [E0321]\n"
        "18:11-14: error: a check must be a condition, but this expression is a number [E0321]\n"
        "19:11-22: error: '&&' needs conditions on both sides, but the right side is a number [E0321]\n"
        "20:18-30: error: \"2020-13-01\" is not a valid date (write \"YYYY-MM-DD\") [E0321]\n"
        "21:11-12: error: Json cannot be compared in a check [E0321]\n"
        "22:20-21: error: cannot compare a string with a number [E0321]\n"
        "22:23-24: error: cannot compare a string with a number [E0321]\n"
        "23:11-26: error: cannot compare a value of enum 'Role' with a string [E0321]\n"
        "  help: write enum values without quotes, e.g. role == admin\n"
        "24:11-15: error: '!' needs a condition, but its operand is a number [E0321]\n"
        "25:11-16: error: '-' needs a number, but its operand is a string [E0321]\n"
        "26:11-19: error: '*' needs numbers on both sides, but the left side is a string [E0321]\n"
        "27:17-20: error: a list can only follow 'in' [E0321]\n"
        "28:11-28: error: length() takes one argument: a String or Text field [E0321]\n");
  CHECK_FALSE(a.schema.has_value());
}

TEST_CASE("unknown names and functions in checks") {
  test::Analysis a = analyzeText(
      "schema t;\n"
      "enum Role {\n"
      "  admin\n"
      "  reader\n"
      "}\n"
      "model A {\n"
      "  id Int64 @id\n"
      "  role Role\n"
      "  age Int32\n"
      "  @@check(role == amdin)\n"
      "  @@check(agee > 1)\n"
      "  @@check(now() > 1)\n"
      "  @@check(lenght(age) > 1)\n"
      "}\n");
  CHECK(a.diagnostics ==
        "10:19-24: error: unknown value 'amdin' of enum 'Role' [E0208]\n"
        "  help: did you mean 'admin'?\n"
        "11:11-15: error: unknown field 'agee' in check of model 'A' [E0207]\n"
        "  help: did you mean 'age'?\n"
        "12:11-16: error: function 'now' cannot be used in a check [E0321]\n"
        "  help: the only function in a check is length(field)\n"
        "13:11-22: error: function 'lenght' cannot be used in a check [E0321]\n"
        "  help: did you mean 'length'?\n");
  CHECK_FALSE(a.schema.has_value());
}
