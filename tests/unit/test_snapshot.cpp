// Migration snapshots: the IR written as JSON reads back into the same IR, for every example
// schema, and a damaged snapshot is refused with where it is damaged.
#include "ir/ir_json.hpp"
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string readSchema(const std::string& name) {
  std::ifstream in(std::string(ORMC_SOURCE_DIR) + "/schemas/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("snapshot: every example schema reads back from its JSON unchanged") {
  for (const char* name : {"blog.orm", "shop.orm"}) {
    CAPTURE(name);
    ormc::test::Analysis analysis = ormc::test::analyzeFiles({{name, readSchema(name)}});
    REQUIRE(analysis.schema);
    const nlohmann::ordered_json written = ormc::ir::toJson(*analysis.schema);
    const ormc::ir::Schema read = ormc::ir::fromJson(written);
    CHECK(ormc::ir::toJson(read) == written);
    // Indices were rebuilt, not just names copied: the foreign keys point at the same tables.
    REQUIRE(read.entities.size() == analysis.schema->entities.size());
    for (std::size_t e = 0; e < read.entities.size(); ++e) {
      for (std::size_t k = 0; k < read.entities[e].foreignKeys.size(); ++k) {
        CHECK(read.entities[e].foreignKeys[k].targetEntity == analysis.schema->entities[e].foreignKeys[k].targetEntity);
      }
    }
  }
}

TEST_CASE("snapshot: a damaged document is refused with where it is damaged") {
  ormc::test::Analysis analysis = ormc::test::analyzeFiles({{"blog.orm", readSchema("blog.orm")}});
  REQUIRE(analysis.schema);
  nlohmann::ordered_json json = ormc::ir::toJson(*analysis.schema);
  auto message = [](const nlohmann::ordered_json& document) {
    try {
      ormc::ir::fromJson(document);
    } catch (const std::runtime_error& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  nlohmann::ordered_json noColumns = json;
  noColumns["entities"][0].erase("columns");
  CHECK(message(noColumns) == "snapshot: entities (User): missing \"columns\"");
  nlohmann::ordered_json badType = json;
  badType["entities"][0]["columns"][0]["type"]["kind"] = "Int128";
  CHECK(message(badType) == "snapshot: entities (User).id: unknown value \"Int128\"");
  nlohmann::ordered_json badIndex = json;
  badIndex["entities"][0]["indexes"][0]["columns"][0] = "nope";
  CHECK(message(badIndex) == "snapshot: entities (User) index users_email_key: no column \"nope\" in table users");
  CHECK(message(nlohmann::ordered_json::object()) == "snapshot: the document: missing \"namespace\"");
}
