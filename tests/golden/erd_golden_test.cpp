// Golden tests of the ER diagram emitters, run in-process: Mermaid and Graphviz dot of the blog
// and shop schemas, compared with tests/golden/erd (ORMC_UPDATE_GOLDEN=1 rewrites), each
// generated twice to show the output is deterministic. The cli test `ormc_erd_dot_renders`
// checks that Graphviz accepts the dot output.
#include "driver/driver.hpp"
#include "emit/erd/dot_emitter.hpp"
#include "emit/erd/mermaid_emitter.hpp"
#include "support/golden.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using ormc::test::checkGolden;

namespace {

const fs::path kSource = ORMC_SOURCE_DIR;

}  // namespace

TEST_CASE("the ER diagrams of the example schemas match their golden files") {
  for (const char* name : {"blog", "shop"}) {
    CAPTURE(name);
    ormc::driver::Options options;
    options.inputs = {(kSource / "schemas" / (std::string(name) + ".orm")).string()};
    ormc::driver::Compilation compilation = ormc::driver::compile(options);
    REQUIRE(compilation.schema.has_value());
    ormc::emit::erd::ErdOptions erdOptions{std::string(name) + ".orm"};
    std::string mermaid = ormc::emit::erd::emitMermaid(*compilation.schema, erdOptions);
    std::string dot = ormc::emit::erd::emitDot(*compilation.schema, erdOptions);
    checkGolden(kSource / "tests/golden/erd" / (std::string(name) + ".mmd"), mermaid);
    checkGolden(kSource / "tests/golden/erd" / (std::string(name) + ".dot"), dot);
    CHECK(ormc::emit::erd::emitMermaid(*compilation.schema, erdOptions) == mermaid);
    CHECK(ormc::emit::erd::emitDot(*compilation.schema, erdOptions) == dot);
  }
}

TEST_CASE("every foreign key is one relationship line with its cardinality") {
  ormc::driver::Options options;
  options.inputs = {(kSource / "schemas/blog.orm").string()};
  ormc::driver::Compilation compilation = ormc::driver::compile(options);
  REQUIRE(compilation.schema.has_value());
  std::string mermaid = ormc::emit::erd::emitMermaid(*compilation.schema, {});
  // Post.author: required many-to-one; Profile.user: required one-to-one; the join table's two keys.
  CHECK(mermaid.find("users ||--o{ post : \"author\"") != std::string::npos);
  CHECK(mermaid.find("users ||--o| profile : \"user\"") != std::string::npos);
  CHECK(mermaid.find("post ||--o{ post_tag : \"post_id\"") != std::string::npos);
  CHECK(mermaid.find("tag ||--o{ post_tag : \"tag_name\"") != std::string::npos);
  CHECK(mermaid.find("Int64 id PK") != std::string::npos);
  CHECK(mermaid.find("String(255) email UK") != std::string::npos);
  CHECK(mermaid.find("Decimal(12_2) balance") != std::string::npos);
  std::string dot = ormc::emit::erd::emitDot(*compilation.schema, {});
  CHECK(dot.find("arrowtail=crowodot, arrowhead=teetee, label=\"author\"") != std::string::npos);
  CHECK(dot.find("(join table)") != std::string::npos);
}
