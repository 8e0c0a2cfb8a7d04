// Renders the synthetic benchmark schema as .orm and proto3 text from one column table, so the
// two files always describe the same models; and writes them to disk.
#include "schema_gen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace ormc::bench {
namespace {

constexpr int kMaxModels = 99999;
constexpr int kModelsPerEnum = 20;
constexpr const char* kEnumValues[] = {"draft", "active", "suspended", "archived", "deleted"};

// One column of a model, in both languages.
struct Column {
  std::string name;
  std::string ormType;  // without the nullability mark
  bool nullable = false;
  std::string ormAttributes;
  std::string protoType;
};

std::string modelName(int i) { return fmt::format("Entity{:05d}", i); }
std::string enumName(int e) { return fmt::format("Status{:05d}", e); }
int enumCount(int models) { return std::max(1, models / kModelsPerEnum); }
int parentOf(int i) { return (i - 1) / 2; }
// SetNull needs a nullable FK, so every fourth relation is optional and the rest cascade.
bool hasOptionalParent(int i) { return i % 4 == 0; }

std::vector<Column> columnsOf(int i, int models) {
  const std::string status = enumName(i % enumCount(models));
  std::vector<Column> columns;
  columns.push_back({"id", "Int64", false, "@id @autoincrement", "int64"});
  if (i == 0) {
    columns.push_back({"sortOrder", "Int32", false, "@default(1)", "int32"});
  } else {
    columns.push_back({"parentId", "Int64", hasOptionalParent(i), "", "int64"});
  }
  columns.push_back({"code", "String(64)", false, "@unique", "string"});
  columns.push_back({"name", "String(100)", false, "", "string"});
  columns.push_back({"title", "String(200)", true, "", "string"});
  columns.push_back({"description", "Text", true, "", "string"});
  columns.push_back({"status", status, false, "@default(active)", status});
  columns.push_back({"priority", "Int32", false, "@default(0) @check(priority >= 0)", "int32"});
  columns.push_back({"score", "Float64", false, "@default(0.5)", "double"});
  columns.push_back({"amount", "Decimal(12,2)", false, "@default(0.00)", "string"});
  columns.push_back({"active", "Bool", false, "@default(true)", "bool"});
  columns.push_back({"createdAt", "DateTime", false, "@default(now())", "int64"});
  columns.push_back({"updatedAt", "DateTime", false, "@updatedAt", "int64"});
  columns.push_back({"birthday", "Date", true, "", "string"});
  columns.push_back({"externalId", "Uuid", false, "@default(uuid())", "string"});
  columns.push_back({"payload", "Json", true, "", "string"});
  columns.push_back({"attachment", "Bytes", true, "@map(\"attachment_data\")", "bytes"});
  columns.push_back({"counter", "Int64", false, "@default(0)", "int64"});
  columns.push_back({"version", "Int32", false, "@version", "int32"});
  columns.push_back({"slug", "String(191)", false, "@index", "string"});
  return columns;
}

std::vector<int> childrenOf(int i, int models) {
  std::vector<int> children;
  for (int child : {2 * i + 1, 2 * i + 2}) {
    if (child < models) children.push_back(child);
  }
  return children;
}

std::string childField(int child) { return fmt::format("child{:05d}", child); }

void appendOrmModel(std::string& out, int i, int models) {
  fmt::format_to(std::back_inserter(out), "/// Synthetic model {}.\nmodel {} {{\n", i, modelName(i));
  for (const Column& c : columnsOf(i, models)) {
    const std::string type = c.ormType + (c.nullable ? "?" : "");
    if (c.ormAttributes.empty()) {
      fmt::format_to(std::back_inserter(out), "  {:<12} {}\n", c.name, type);
      continue;
    }
    fmt::format_to(std::back_inserter(out), "  {:<12} {:<14} {}\n", c.name, type, c.ormAttributes);
  }
  if (i > 0) {
    const bool optional = hasOptionalParent(i);
    fmt::format_to(std::back_inserter(out),
                   "  {:<12} {:<14} @relation(fields: [parentId], references: [id], onDelete: {})\n", "parent",
                   modelName(parentOf(i)) + (optional ? "?" : ""), optional ? "SetNull" : "Cascade");
  }
  for (int child : childrenOf(i, models)) {
    fmt::format_to(std::back_inserter(out), "  {:<12} {}[]\n", childField(child), modelName(child));
  }
  fmt::format_to(std::back_inserter(out), "\n  @@unique([{}, name])\n  @@index([status, createdAt])\n",
                 i == 0 ? "sortOrder" : "parentId");
  if (i % 5 == 0) fmt::format_to(std::back_inserter(out), "  @@map(\"tbl_entity_{:05d}\")\n", i);
  out += "}\n\n";
}

void appendProtoMessage(std::string& out, int i, int models) {
  fmt::format_to(std::back_inserter(out), "// Synthetic model {}.\nmessage {} {{\n", i, modelName(i));
  int number = 1;
  for (const Column& c : columnsOf(i, models)) {
    fmt::format_to(std::back_inserter(out), "  {}{} {} = {};\n", c.nullable ? "optional " : "", c.protoType, c.name,
                   number++);
  }
  if (i > 0) fmt::format_to(std::back_inserter(out), "  {} parent = {};\n", modelName(parentOf(i)), number++);
  for (int child : childrenOf(i, models)) {
    fmt::format_to(std::back_inserter(out), "  repeated {} {} = {};\n", modelName(child), childField(child), number++);
  }
  out += "}\n\n";
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

SyntheticSchema generateSchema(int models) {
  if (models < 1 || models > kMaxModels) {
    throw std::invalid_argument(fmt::format("model count must be in 1..{}, got {}", kMaxModels, models));
  }
  SyntheticSchema schema;
  std::string& orm = schema.orm;
  std::string& proto = schema.proto;
  // Roughly 1.2 KB (.orm) and 0.7 KB (.proto) per model; reserving avoids regrowth at N=4000.
  orm.reserve(static_cast<std::size_t>(models) * 1400);
  proto.reserve(static_cast<std::size_t>(models) * 900);

  fmt::format_to(std::back_inserter(orm),
                 "// Synthetic schema for the compiler-speed benchmark: {} models. Generated by "
                 "ormc_bench_gen_schema; do not edit.\nschema bench;\n\n",
                 models);
  fmt::format_to(std::back_inserter(proto),
                 "// Synthetic schema for the compiler-speed benchmark: {} models. Generated by "
                 "ormc_bench_gen_schema; do not edit.\nsyntax = \"proto3\";\n\npackage bench;\n\n",
                 models);

  for (int e = 0; e < enumCount(models); ++e) {
    fmt::format_to(std::back_inserter(orm), "/// Synthetic enum {}.\nenum {} {{\n", e, enumName(e));
    // proto3 enum values share their package's scope, hence the enum-name prefix there.
    fmt::format_to(std::back_inserter(proto), "// Synthetic enum {}.\nenum {} {{\n", e, enumName(e));
    int number = 0;
    for (const char* value : kEnumValues) {
      const bool mapped = std::string_view(value) == "suspended";
      fmt::format_to(std::back_inserter(orm), "  {}{}\n", value, mapped ? " @map(\"susp\")" : "");
      fmt::format_to(std::back_inserter(proto), "  {}_{} = {};\n", upper(enumName(e)), upper(value), number++);
    }
    orm += "}\n\n";
    proto += "}\n\n";
  }

  for (int i = 0; i < models; ++i) {
    appendOrmModel(orm, i, models);
    appendProtoMessage(proto, i, models);
  }
  return schema;
}

SchemaFiles writeSchemaFiles(int models, const std::filesystem::path& dir) {
  const SyntheticSchema schema = generateSchema(models);
  std::filesystem::create_directories(dir);
  SchemaFiles files{dir / fmt::format("bench_{}.orm", models), dir / fmt::format("bench_{}.proto", models)};
  writeFile(files.orm, schema.orm);
  writeFile(files.proto, schema.proto);
  return files;
}

}  // namespace ormc::bench
