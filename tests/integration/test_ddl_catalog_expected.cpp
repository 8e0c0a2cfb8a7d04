// The expected catalogs, their text form and the schemas the catalog tests load. See
// test_ddl_catalog.hpp. The expectations restate docs/language.md's type table and docs/ddl.md
// in the catalogs' own spelling; they call no emitter code.
#include "test_ddl_catalog.hpp"

#include "driver/driver.hpp"
#include "emit/sql/ddl_emitter.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>

namespace ormc::test::ddl {

namespace {

const std::filesystem::path kSource = ORMC_SOURCE_DIR;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string action(ir::ReferentialAction a) {
  switch (a) {
    case ir::ReferentialAction::NoAction: return "NO ACTION";
    case ir::ReferentialAction::Restrict: return "RESTRICT";
    case ir::ReferentialAction::Cascade: return "CASCADE";
    case ir::ReferentialAction::SetNull: return "SET NULL";
  }
  return "?";
}

std::string sqliteType(ir::ScalarKind kind) {
  switch (kind) {
    case ir::ScalarKind::Bool:
    case ir::ScalarKind::Int32:
    case ir::ScalarKind::Int64: return "INTEGER";
    case ir::ScalarKind::Float64: return "REAL";
    case ir::ScalarKind::Bytes: return "BLOB";
    default: return "TEXT";
  }
}

// An enum value as MariaDB lists it inside COLUMN_TYPE: quotes doubled, backslashes doubled.
std::string mariadbEnumValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// COLUMN_TYPE as MariaDB reports it, then the collation for the types that store text.
std::string mariadbType(const ir::Schema& schema, const ir::ColumnType& type) {
  std::string t;
  bool text = true;
  switch (type.kind) {
    case ir::ScalarKind::Bool: t = "tinyint(1)"; text = false; break;
    case ir::ScalarKind::Int32: t = "int(11)"; text = false; break;
    case ir::ScalarKind::Int64: t = "bigint(20)"; text = false; break;
    case ir::ScalarKind::Float64: t = "double"; text = false; break;
    case ir::ScalarKind::Decimal:
      t = "decimal(" + std::to_string(type.precision) + "," + std::to_string(type.scale) + ")";
      text = false;
      break;
    case ir::ScalarKind::String: t = type.length ? "varchar(" + std::to_string(type.length) + ")" : "text"; break;
    case ir::ScalarKind::Text: t = "longtext"; break;
    case ir::ScalarKind::Bytes: t = "longblob"; text = false; break;
    case ir::ScalarKind::Date: t = "date"; text = false; break;
    case ir::ScalarKind::DateTime: t = "datetime(6)"; text = false; break;
    case ir::ScalarKind::Uuid: t = "char(36)"; break;
    case ir::ScalarKind::Json: t = "longtext"; break;  // MariaDB's JSON is LONGTEXT + CHECK (json_valid)
    case ir::ScalarKind::Enum: {
      std::string values;
      for (const ir::EnumValue& v : schema.enums.at(type.enumIndex).values) {
        values += (values.empty() ? "" : ",") + mariadbEnumValue(v.dbValue);
      }
      t = "enum(" + values + ")";
      break;
    }
  }
  return text ? t + " utf8mb4_bin" : t;
}

// docs/ddl.md: a COMMENT is the doc with characters beyond U+FFFF written as \u{HEX}, cut to
// `limit` characters.
std::string mariadbComment(const std::string& doc, std::size_t limit) {
  std::u32string chars;
  for (std::size_t i = 0; i < doc.size();) {
    auto b = static_cast<unsigned char>(doc[i]);
    int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(doc[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(n);
    if (cp <= 0xFFFF) {
      chars += cp;
      continue;
    }
    std::ostringstream hex;
    hex << std::uppercase << std::hex << static_cast<std::uint32_t>(cp);
    for (char c : "\\u{" + hex.str() + "}") chars += static_cast<char32_t>(c);
  }
  if (chars.size() > limit) chars.resize(limit);
  std::string out;
  for (char32_t cp : chars) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::vector<std::string> columnNames(const ir::Entity& entity, const std::vector<std::size_t>& columns) {
  std::vector<std::string> names;
  for (std::size_t c : columns) names.push_back(entity.columns.at(c).name);
  return names;
}

bool startsWith(const std::vector<std::string>& index, const std::vector<std::string>& prefix) {
  return index.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), index.begin());
}

CatalogTable expectedTable(const ir::Schema& schema, const ir::Entity& entity, Backend backend) {
  const bool mariadb = backend == Backend::Mariadb;
  CatalogTable t;
  t.name = entity.table;
  if (mariadb) {
    t.options = {"engine=InnoDB", "collation=utf8mb4_bin", "comment=" + mariadbComment(entity.doc, 2048)};
  } else {
    t.options = {"strict=1", std::string("without_rowid=") + (entity.joinTable ? "1" : "0")};
  }
  for (const ir::Column& c : entity.columns) {
    CatalogColumn col;
    col.name = c.name;
    col.type = mariadb ? mariadbType(schema, c.type) : sqliteType(c.type.kind);
    col.notNull = !c.nullable;
    // uuid() is generated by the runtime: no SQL default.
    col.hasDefault = c.defaultValue.kind != ir::DefaultKind::None && c.defaultValue.kind != ir::DefaultKind::Uuid;
    col.autoincrement = c.autoincrement;
    if (mariadb) col.comment = mariadbComment(c.doc, 1024);
    t.columns.push_back(col);
  }
  t.primaryKey = columnNames(entity, entity.primaryKey.columns);
  for (const ir::Index& index : entity.indexes) {
    t.indexes.push_back({index.name, columnNames(entity, index.columns), index.unique});
  }
  for (const ir::ForeignKey& key : entity.foreignKeys) {
    const ir::Entity& target = schema.entities.at(key.targetEntity);
    t.foreignKeys.push_back({mariadb ? key.name : "", columnNames(entity, key.columns), target.table,
                             columnNames(target, key.targetColumns), action(key.onDelete), action(key.onUpdate)});
  }
  if (!mariadb) return t;

  // InnoDB backs every foreign key with an index whose first columns are the key's, in order;
  // where none of the table's indexes (primary key included) serves, it adds one named after
  // the constraint.
  std::vector<std::vector<std::string>> available = {t.primaryKey};
  for (const CatalogIndex& index : t.indexes) available.push_back(index.columns);
  for (const CatalogForeignKey& key : t.foreignKeys) {
    bool served = std::any_of(available.begin(), available.end(),
                              [&](const std::vector<std::string>& index) { return startsWith(index, key.columns); });
    if (served) continue;
    t.indexes.push_back({key.name, key.columns, false});
    available.push_back(key.columns);
  }
  for (const ir::Check& check : entity.checks) t.checks.push_back(check.name);
  // MariaDB's JSON adds a column-level CHECK (json_valid(...)) named after the column.
  for (const ir::Column& c : entity.columns) {
    if (c.type.kind == ir::ScalarKind::Json) t.checks.push_back(c.name);
  }
  t.constraints.push_back("PRIMARY KEY PRIMARY");
  for (const ir::Index& index : entity.indexes) {
    if (index.unique) t.constraints.push_back("UNIQUE " + index.name);
  }
  for (const ir::ForeignKey& key : entity.foreignKeys) t.constraints.push_back("FOREIGN KEY " + key.name);
  for (const std::string& check : t.checks) t.constraints.push_back("CHECK " + check);
  return t;
}

}  // namespace

std::string render(const Catalog& catalog) {
  std::vector<CatalogTable> tables = catalog.tables;
  std::sort(tables.begin(), tables.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::ostringstream out;
  for (CatalogTable& t : tables) {
    out << "table " << t.name << "\n";
    for (const std::string& option : t.options) out << "  option " << option << "\n";
    for (const CatalogColumn& c : t.columns) {
      out << "  column " << c.name << " " << c.type << (c.notNull ? " not null" : " null")
          << (c.hasDefault ? " default" : "") << (c.autoincrement ? " autoincrement" : "");
      if (!c.comment.empty()) out << " comment=" << c.comment;
      out << "\n";
    }
    out << "  primary key (" << join(t.primaryKey) << ")\n";
    std::sort(t.indexes.begin(), t.indexes.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const CatalogIndex& index : t.indexes) {
      out << "  " << (index.unique ? "unique " : "index ") << index.name << " (" << join(index.columns) << ")\n";
    }
    std::vector<std::string> keys;
    for (const CatalogForeignKey& k : t.foreignKeys) {
      keys.push_back("  foreign key " + k.name + (k.name.empty() ? "" : " ") + "(" + join(k.columns) + ") -> " +
                     k.target + " (" + join(k.targetColumns) + ") on delete " + k.onDelete + " on update " +
                     k.onUpdate + "\n");
    }
    std::sort(keys.begin(), keys.end());
    for (const std::string& key : keys) out << key;
    std::sort(t.checks.begin(), t.checks.end());
    for (const std::string& check : t.checks) out << "  check " << check << "\n";
    std::sort(t.constraints.begin(), t.constraints.end());
    for (const std::string& constraint : t.constraints) out << "  constraint " << constraint << "\n";
  }
  return out.str();
}

Catalog expectedCatalog(const ir::Schema& schema, Backend backend) {
  Catalog catalog;
  for (const ir::Entity& entity : schema.entities) catalog.tables.push_back(expectedTable(schema, entity, backend));
  return catalog;
}

std::vector<SchemaCase> schemaCases() {
  return {{"blog", kSource / "schemas/blog.orm"},
          {"shop", kSource / "schemas/shop.orm"},
          {"imports", kSource / "schemas/imports/main.orm"},
          {"reserved_words", kSource / "tests/golden/ddl/cases/reserved_words.orm"},
          {"cycles", kSource / "tests/golden/ddl/cases/cycles.orm"},
          {"literals", kSource / "tests/golden/ddl/cases/literals.orm"}};
}

SchemaCase schemaCase(const std::string& label) {
  for (const SchemaCase& c : schemaCases()) {
    if (c.label == label) return c;
  }
  FAIL("no schema case " << label);
  return {};
}

ir::Schema compileSchema(const std::filesystem::path& file) {
  driver::Options options;
  options.inputs = {file.string()};
  driver::Compilation compilation = driver::compile(options);
  INFO(driver::renderDiagnostics(compilation, driver::DiagnosticsFormat::Text));
  REQUIRE(compilation.schema.has_value());
  return *compilation.schema;
}

std::string ddlScript(const ir::Schema& schema, Backend backend, const std::string& source) {
  const emit::sql::Dialect& dialect =
      backend == Backend::Sqlite ? emit::sql::sqliteDialect() : emit::sql::mysqlDialect();
  return emit::sql::emitDdl(schema, dialect, {source});
}

}  // namespace ormc::test::ddl
