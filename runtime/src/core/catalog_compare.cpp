// Column types reduced to one spelling, and two catalogs compared line by line. See catalog.hpp.
// Pure functions over plain data: reading a live catalog is runtime/src/database/catalog.cpp.
#include "ormc/catalog.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace ormc {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Lower-case outside quotes, no spaces after a comma outside quotes; a quoted enum value is
// copied as it is, with its doubled quotes and backslash escapes (the server lists them so).
std::string mysqlSpelling(std::string_view type) {
  std::string out;
  for (std::size_t i = 0; i < type.size(); ++i) {
    const char c = type[i];
    if (c == '\'' || c == '"') {
      out += c;
      for (++i; i < type.size(); ++i) {
        out += type[i];
        if (type[i] == '\\' && i + 1 < type.size()) {
          out += type[++i];
        } else if (type[i] == c) {
          if (i + 1 < type.size() && type[i + 1] == c) {
            out += type[++i];
          } else {
            break;
          }
        }
      }
      continue;
    }
    if (c == ',') {
      out += c;
      while (i + 1 < type.size() && isSpace(type[i + 1])) ++i;
      continue;
    }
    out += lower(c);
  }
  return out;
}

// int(11) -> int, bigint(20) unsigned -> bigint unsigned: MariaDB and MySQL 5.7 report a display
// width that ormc never writes and MySQL 8 no longer shows. tinyint(1) keeps it: it means BOOLEAN.
std::string withoutDisplayWidth(std::string type) {
  static const char* const kIntegers[] = {"tinyint", "smallint", "mediumint", "integer", "int", "bigint"};
  for (const char* name : kIntegers) {
    const std::string base = name;
    if (type.compare(0, base.size(), base) != 0) continue;
    std::size_t at = base.size();
    std::string rest = type.substr(at);
    if (!rest.empty() && rest.front() == '(') {
      const std::size_t close = rest.find(')');
      const std::string width = close == std::string::npos ? "" : rest.substr(1, close - 1);
      const bool digits = !width.empty() && std::all_of(width.begin(), width.end(), isDigit);
      if (!digits) return type;
      if (base == "tinyint" && width == "1") return type;
      rest = rest.substr(close + 1);
    } else if (!rest.empty() && !isSpace(rest.front())) {
      continue;  // a longer name that starts with this one ("integer" when looking at "int")
    }
    return (base == "integer" ? std::string("int") : base) + rest;
  }
  return type;
}

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

std::string columnList(const std::vector<std::string>& columns) {
  std::string out = "(";
  for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? ", " : "") + columns[i];
  return out + ")";
}

const CatalogTable* findTable(const DatabaseCatalog& catalog, const std::string& name) {
  for (const CatalogTable& table : catalog.tables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

const CatalogColumn* findColumn(const CatalogTable& table, const std::string& name) {
  for (const CatalogColumn& column : table.columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

const CatalogIndex* findIndex(const CatalogTable& table, const std::string& name) {
  for (const CatalogIndex& index : table.indexes) {
    if (index.name == name) return &index;
  }
  return nullptr;
}

void compareColumns(const CatalogTable& expected, const CatalogTable& live, DialectKind kind,
                    std::vector<std::string>& out) {
  const std::string table = quoted(expected.name);
  for (const CatalogColumn& want : expected.columns) {
    const std::string what = "column " + table + "." + quoted(want.name) + ": ";
    const CatalogColumn* have = findColumn(live, want.name);
    if (!have) {
      out.push_back(what + "missing");
      continue;
    }
    const std::string wantType = normalizeColumnType(want.type, kind), haveType = normalizeColumnType(have->type, kind);
    if (wantType != haveType) out.push_back(what + "type " + haveType + " in the database, " + wantType + " in the schema");
    if (want.nullable != have->nullable) {
      out.push_back(what + (have->nullable ? "nullable in the database, NOT NULL in the schema"
                                           : "NOT NULL in the database, nullable in the schema"));
    }
  }
  for (const CatalogColumn& have : live.columns) {
    if (!findColumn(expected, have.name)) {
      out.push_back("column " + table + "." + quoted(have.name) + ": in the database, not in the schema");
    }
  }
}

void comparePrimaryKeys(const CatalogTable& expected, const CatalogTable& live, std::vector<std::string>& out) {
  if (expected.primaryKey == live.primaryKey) return;
  auto describe = [](const std::vector<std::string>& key) { return key.empty() ? std::string("none") : columnList(key); };
  out.push_back("primary key of " + quoted(expected.name) + ": " + describe(live.primaryKey) + " in the database, " +
                describe(expected.primaryKey) + " in the schema");
}

// InnoDB names the index it adds for a foreign key that no index serves after the key.
bool isForeignKeyIndex(const CatalogTable& live, const std::string& index) {
  return std::any_of(live.foreignKeys.begin(), live.foreignKeys.end(),
                     [&](const CatalogForeignKey& key) { return !key.name.empty() && key.name == index; });
}

void compareIndexes(const CatalogTable& expected, const CatalogTable& live, DialectKind kind,
                    std::vector<std::string>& out) {
  std::set<std::string> names;
  for (const CatalogIndex& index : expected.indexes) names.insert(index.name);
  for (const CatalogIndex& index : live.indexes) names.insert(index.name);
  auto describe = [](const CatalogIndex& index) { return columnList(index.columns) + (index.unique ? " unique" : ""); };
  for (const std::string& name : names) {
    const std::string what = "index " + quoted(name) + " on " + quoted(expected.name) + ": ";
    const CatalogIndex* want = findIndex(expected, name);
    const CatalogIndex* have = findIndex(live, name);
    if (!have) {
      out.push_back(what + "missing");
    } else if (!want) {
      if (kind == DialectKind::Mysql && isForeignKeyIndex(live, name)) continue;
      out.push_back(what + "in the database, not in the schema");
    } else if (want->columns != have->columns || want->unique != have->unique) {
      out.push_back(what + describe(*have) + " in the database, " + describe(*want) + " in the schema");
    }
  }
}

using KeyIdentity = std::tuple<std::vector<std::string>, std::string, std::vector<std::string>>;

KeyIdentity identity(const CatalogForeignKey& key) { return {key.columns, key.target, key.targetColumns}; }

void compareForeignKeys(const CatalogTable& expected, const CatalogTable& live, std::vector<std::string>& out) {
  // Keys are matched by what they connect; a key whose actions differ is the same key changed.
  std::vector<std::pair<KeyIdentity, std::string>> lines;
  std::vector<bool> matched(live.foreignKeys.size(), false);
  auto describe = [&](const CatalogForeignKey& key) {
    return "foreign key " + quoted(expected.name) + " " + columnList(key.columns) + " -> " + quoted(key.target) + " " +
           columnList(key.targetColumns) + ": ";
  };
  auto actions = [](const CatalogForeignKey& key) { return "ON DELETE " + key.onDelete + " ON UPDATE " + key.onUpdate; };
  for (const CatalogForeignKey& want : expected.foreignKeys) {
    const CatalogForeignKey* have = nullptr;
    for (std::size_t i = 0; i < live.foreignKeys.size() && !have; ++i) {
      if (matched[i] || identity(live.foreignKeys[i]) != identity(want)) continue;
      matched[i] = true;
      have = &live.foreignKeys[i];
    }
    if (!have) {
      lines.push_back({identity(want), describe(want) + "missing"});
    } else if (want.onDelete != have->onDelete || want.onUpdate != have->onUpdate) {
      lines.push_back({identity(want), describe(want) + actions(*have) + " in the database, " + actions(want) +
                                           " in the schema"});
    }
  }
  for (std::size_t i = 0; i < live.foreignKeys.size(); ++i) {
    if (matched[i]) continue;
    const CatalogForeignKey& have = live.foreignKeys[i];
    lines.push_back({identity(have), describe(have) + "in the database, not in the schema"});
  }
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [key, line] : lines) out.push_back(std::move(line));
}

}  // namespace

std::string normalizeColumnType(std::string_view type, DialectKind kind) {
  type = trimmed(type);
  if (kind == DialectKind::Sqlite) {
    std::string out;
    for (char c : type) out += upper(c);
    return out;
  }
  std::string out = mysqlSpelling(type);
  if (out == "boolean" || out == "bool") return "tinyint(1)";
  if (out == "json") return "longtext";  // MariaDB's JSON is an alias of LONGTEXT (with a CHECK)
  return withoutDisplayWidth(std::move(out));
}

std::vector<std::string> compareCatalogs(const DatabaseCatalog& expected, const DatabaseCatalog& live, DialectKind kind) {
  std::set<std::string> names;
  for (const CatalogTable& table : expected.tables) names.insert(table.name);
  for (const CatalogTable& table : live.tables) names.insert(table.name);
  std::vector<std::string> out;
  for (const std::string& name : names) {
    const CatalogTable* want = findTable(expected, name);
    const CatalogTable* have = findTable(live, name);
    if (!have) {
      out.push_back("table " + quoted(name) + ": missing");
      continue;
    }
    if (!want) {
      out.push_back("table " + quoted(name) + ": in the database, not in the schema");
      continue;
    }
    compareColumns(*want, *have, kind, out);
    comparePrimaryKeys(*want, *have, out);
    compareIndexes(*want, *have, kind, out);
    compareForeignKeys(*want, *have, out);
  }
  return out;
}

}  // namespace ormc
