// Schema diff: matches tables, columns, indexes, foreign keys, checks and enum values of two
// schemas, then lists the operations by kind in the order they must run. See diff.hpp.
#include "migrate/diff.hpp"

#include "ir/ir_names.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>

namespace ormc::migration {

namespace {

using ir::kNone;

constexpr std::size_t kKinds = static_cast<std::size_t>(OperationKind::AddCheck) + 1;

std::string typeText(const ir::Schema& schema, const ir::ColumnType& type) {
  std::string out = ir::toString(type.kind);
  if (type.kind == ir::ScalarKind::String && type.length) out += "(" + std::to_string(type.length) + ")";
  if (type.kind == ir::ScalarKind::Decimal) {
    out += "(" + std::to_string(type.precision) + "," + std::to_string(type.scale) + ")";
  }
  if (type.kind == ir::ScalarKind::Enum) out = schema.enums.at(type.enumIndex).name;
  return out;
}

// Every value of `from` fits `to` unchanged.
bool widens(const ir::ColumnType& from, const ir::ColumnType& to) {
  using K = ir::ScalarKind;
  if (from.kind == to.kind) {
    switch (from.kind) {
      case K::String:
        return to.length == 0 || (from.length != 0 && to.length >= from.length);
      case K::Decimal:
        return to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale;
      default:
        return true;
    }
  }
  if (from.kind == K::Int32 && (to.kind == K::Int64 || to.kind == K::Float64)) return true;
  if (from.kind == K::String && to.kind == K::Text) return true;
  if ((from.kind == K::Int32 || from.kind == K::Int64) && to.kind == K::Decimal) {
    const std::uint32_t digits = from.kind == K::Int32 ? 10 : 19;
    return to.precision - to.scale >= digits;
  }
  return false;
}

bool sameType(const ir::Schema& before, const ir::Column& a, const ir::Schema& after, const ir::Column& b) {
  return a.type.kind == b.type.kind && a.type.length == b.type.length && a.type.precision == b.type.precision &&
         a.type.scale == b.type.scale && a.autoincrement == b.autoincrement &&
         (a.type.kind != ir::ScalarKind::Enum ||
          before.enums.at(a.type.enumIndex).name == after.enums.at(b.type.enumIndex).name);
}

std::vector<std::string> columnNames(const ir::Entity& entity, const std::vector<std::size_t>& columns) {
  std::vector<std::string> out;
  for (std::size_t c : columns) out.push_back(entity.columns.at(c).name);
  return out;
}

// Entities in `chosen` ordered so that a table comes after the tables its foreign keys
// reference (among `chosen`); a cycle is cut where it is found.
std::vector<std::size_t> parentsFirst(const ir::Schema& schema, const std::vector<std::size_t>& chosen) {
  std::vector<std::size_t> order;
  std::map<std::size_t, int> mark;
  for (std::size_t e : chosen) mark[e] = 0;
  std::function<void(std::size_t)> visit = [&](std::size_t e) {
    mark[e] = 1;
    for (const ir::ForeignKey& fk : schema.entities[e].foreignKeys) {
      auto it = mark.find(fk.targetEntity);
      if (it != mark.end() && it->second == 0) visit(fk.targetEntity);
    }
    mark[e] = 2;
    order.push_back(e);
  };
  for (std::size_t e : chosen) {
    if (mark[e] == 0) visit(e);
  }
  return order;
}

class Differ {
 public:
  Differ(const ir::Schema& before, const ir::Schema& after, const Match* preset)
      : before_(before), after_(after), preset_(preset) {}

  Diff run() {
    match_.column.assign(after_.entities.size(), {});
    if (preset_ != nullptr) {
      oldOf_ = preset_->entity;
      oldMatched_.assign(before_.entities.size(), false);
      for (std::size_t o : oldOf_) {
        if (o != kNone) oldMatched_[o] = true;
      }
    } else {
      matchEntities();
    }
    diffEnums();
    std::vector<std::size_t> created;
    for (std::size_t n = 0; n < after_.entities.size(); ++n) {
      if (oldOf_[n] == kNone) {
        created.push_back(n);
      } else {
        diffEntity(oldOf_[n], n);
      }
    }
    for (std::size_t n : parentsFirst(after_, created)) {
      add({.kind = OperationKind::CreateTable, .table = after_.entities[n].table, .entity = n});
    }
    std::vector<std::size_t> dropped;
    for (std::size_t o = 0; o < before_.entities.size(); ++o) {
      if (!oldMatched_[o]) dropped.push_back(o);
    }
    std::vector<std::size_t> droppedOrder = parentsFirst(before_, dropped);
    std::reverse(droppedOrder.begin(), droppedOrder.end());
    for (std::size_t o : droppedOrder) {
      const ir::Entity& entity = before_.entities[o];
      add({.kind = OperationKind::DropTable,
           .table = entity.table,
           .before = true,
           .entity = o,
           .loss = "drops table " + entity.table + " and every row in it"});
    }
    noteUnhinted(dropped, created);

    Diff out;
    match_.entity = oldOf_;
    out.match = std::move(match_);
    for (auto& bucket : buckets_) {
      for (Operation& operation : bucket) out.operations.push_back(std::move(operation));
    }
    out.notes = std::move(notes_);
    return out;
  }

 private:
  void add(Operation operation) { buckets_[static_cast<std::size_t>(operation.kind)].push_back(std::move(operation)); }

  // New entities to old ones: by @@renamed(from:), then by model name, then (join tables) by table.
  void matchEntities() {
    oldOf_.assign(after_.entities.size(), kNone);
    oldMatched_.assign(before_.entities.size(), false);
    auto claim = [&](std::size_t n, auto matches) {
      for (std::size_t o = 0; o < before_.entities.size(); ++o) {
        if (!oldMatched_[o] && before_.entities[o].joinTable == after_.entities[n].joinTable &&
            matches(before_.entities[o])) {
          oldOf_[n] = o;
          oldMatched_[o] = true;
          return;
        }
      }
    };
    for (std::size_t n = 0; n < after_.entities.size(); ++n) {
      const std::string& from = after_.entities[n].renamedFrom;
      if (!from.empty()) claim(n, [&](const ir::Entity& old) { return old.name == from; });
    }
    for (std::size_t n = 0; n < after_.entities.size(); ++n) {
      if (oldOf_[n] == kNone) claim(n, [&](const ir::Entity& old) { return old.name == after_.entities[n].name; });
    }
    for (std::size_t n = 0; n < after_.entities.size(); ++n) {
      if (oldOf_[n] == kNone) claim(n, [&](const ir::Entity& old) { return old.table == after_.entities[n].table; });
    }
  }

  // The table an old table is called after the migration (itself if it is dropped).
  std::string newTableName(std::size_t oldEntity) const {
    for (std::size_t n = 0; n < oldOf_.size(); ++n) {
      if (oldOf_[n] == oldEntity) return after_.entities[n].table;
    }
    return before_.entities[oldEntity].table;
  }

  // Columns of the new table that hold an enum named `name`, as "table.column".
  std::string columnsOfEnum(const std::string& name) const {
    std::string out;
    for (const ir::Entity& entity : after_.entities) {
      for (const ir::Column& column : entity.columns) {
        if (column.type.kind == ir::ScalarKind::Enum && after_.enums.at(column.type.enumIndex).name == name) {
          out += (out.empty() ? "" : ", ") + entity.table + "." + column.name;
        }
      }
    }
    return out;
  }

  void diffEnums() {
    for (const ir::Enum& now : after_.enums) {
      auto old = std::find_if(before_.enums.begin(), before_.enums.end(), [&](const ir::Enum& e) { return e.name == now.name; });
      if (old == before_.enums.end()) continue;  // a new enum changes no table by itself
      auto stored = [](const ir::Enum& e) {
        std::vector<std::string> values;
        for (const ir::EnumValue& v : e.values) values.push_back(v.dbValue);
        return values;
      };
      std::vector<std::string> was = stored(*old), is = stored(now), added, removed;
      for (const std::string& v : is) {
        if (std::find(was.begin(), was.end(), v) == was.end()) added.push_back(v);
      }
      for (const std::string& v : was) {
        if (std::find(is.begin(), is.end(), v) == is.end()) removed.push_back(v);
      }
      if (!added.empty()) add({.kind = OperationKind::AddEnumValues, .name = now.name, .values = added});
      if (!removed.empty()) {
        std::string values;
        for (const std::string& v : removed) values += (values.empty() ? "'" : ", '") + v + "'";
        const std::string columns = columnsOfEnum(now.name);
        add({.kind = OperationKind::RemoveEnumValues,
             .name = now.name,
             .values = removed,
             .loss = "removes " + values + " from enum " + now.name +
                     (columns.empty() ? "" : ": rows of " + columns + " holding them are refused")});
      }
    }
  }

  void diffEntity(std::size_t o, std::size_t n) {
    const ir::Entity& old = before_.entities[o];
    const ir::Entity& now = after_.entities[n];
    if (old.table != now.table) {
      add({.kind = OperationKind::RenameTable, .table = now.table, .name = now.table, .from = old.table, .entity = n});
    }
    // Columns: by @renamed(from:) on the field that stores it, then by name.
    std::vector<std::size_t> oldColumnOf(now.columns.size(), kNone);
    std::vector<bool> oldColumnMatched(old.columns.size(), false);
    if (preset_ != nullptr) {
      oldColumnOf = preset_->column.at(n);
      for (std::size_t k : oldColumnOf) {
        if (k != kNone) oldColumnMatched[k] = true;
      }
    }
    for (const ir::Field& field : now.fields) {
      if (preset_ != nullptr) break;
      if (field.kind != ir::FieldKind::Scalar || field.renamedFrom.empty()) continue;
      for (std::size_t c = 0; c < old.columns.size(); ++c) {
        if (!oldColumnMatched[c] && old.columns[c].field == field.renamedFrom) {
          oldColumnOf[field.column] = c;
          oldColumnMatched[c] = true;
        }
      }
    }
    for (std::size_t c = 0; c < now.columns.size() && preset_ == nullptr; ++c) {
      if (oldColumnOf[c] != kNone) continue;
      for (std::size_t k = 0; k < old.columns.size(); ++k) {
        if (!oldColumnMatched[k] && old.columns[k].name == now.columns[c].name) {
          oldColumnOf[c] = k;
          oldColumnMatched[k] = true;
        }
      }
    }
    match_.column[n] = oldColumnOf;
    // Old column names as they are after the renames, for comparing keys and indexes.
    std::vector<std::string> renamedOld(old.columns.size());
    for (std::size_t k = 0; k < old.columns.size(); ++k) renamedOld[k] = old.columns[k].name;
    std::vector<std::size_t> addedColumns, droppedColumns;
    for (std::size_t c = 0; c < now.columns.size(); ++c) {
      const std::size_t k = oldColumnOf[c];
      if (k == kNone) {
        addedColumns.push_back(c);
        continue;
      }
      renamedOld[k] = now.columns[c].name;
      if (old.columns[k].name != now.columns[c].name) {
        add({.kind = OperationKind::RenameColumn,
             .table = now.table,
             .name = now.columns[c].name,
             .from = old.columns[k].name,
             .entity = n,
             .item = c});
      }
      diffColumn(o, k, n, c);
    }
    for (std::size_t c : addedColumns) {
      const ir::Column& column = now.columns[c];
      add({.kind = OperationKind::AddColumn, .table = now.table, .name = column.name, .entity = n, .item = c});
      if (!column.nullable && column.defaultValue.kind == ir::DefaultKind::None && !column.autoincrement) {
        notes_.push_back(now.table + "." + column.name +
                         " is required and has no @default: adding it fails if the table has rows");
      }
    }
    for (std::size_t k = 0; k < old.columns.size(); ++k) {
      if (oldColumnMatched[k]) continue;
      droppedColumns.push_back(k);
      add({.kind = OperationKind::DropColumn,
           .table = now.table,
           .name = old.columns[k].name,
           .before = true,
           .entity = o,
           .item = k,
           .loss = "drops column " + now.table + "." + old.columns[k].name + " and its data"});
    }
    if (!addedColumns.empty() && !droppedColumns.empty()) {
      std::string gone, fresh;
      for (std::size_t k : droppedColumns) gone += (gone.empty() ? "" : ", ") + old.columns[k].name;
      for (std::size_t c : addedColumns) fresh += (fresh.empty() ? "" : ", ") + now.columns[c].name;
      notes_.push_back("in " + now.table + ", " + gone + " disappeared and " + fresh +
                       " appeared: without @renamed(from: \"...\") on the new field this drops the old column and "
                       "its data and adds an empty one");
    }

    auto mapped = [&](const std::vector<std::size_t>& columns) {
      std::vector<std::string> out;
      for (std::size_t k : columns) out.push_back(renamedOld[k]);
      return out;
    };
    if (mapped(old.primaryKey.columns) != columnNames(now, now.primaryKey.columns)) {
      add({.kind = OperationKind::ChangePrimaryKey, .table = now.table, .name = now.primaryKey.name, .entity = n,
           .beforeEntity = o});
    }
    diffItems(old.indexes, now.indexes, o, n, OperationKind::DropIndex, OperationKind::AddIndex,
              [&](const ir::Index& a, const ir::Index& b) {
                return a.unique == b.unique && mapped(a.columns) == columnNames(now, b.columns);
              });
    diffItems(old.foreignKeys, now.foreignKeys, o, n, OperationKind::DropForeignKey, OperationKind::AddForeignKey,
              [&](const ir::ForeignKey& a, const ir::ForeignKey& b) {
                const ir::Entity& oldTarget = before_.entities.at(a.targetEntity);
                const ir::Entity& newTarget = after_.entities.at(b.targetEntity);
                return mapped(a.columns) == columnNames(now, b.columns) && newTableName(a.targetEntity) == newTarget.table &&
                       columnNames(oldTarget, a.targetColumns) == columnNames(newTarget, b.targetColumns) &&
                       a.onDelete == b.onDelete && a.onUpdate == b.onUpdate;
              });
    diffItems(old.checks, now.checks, o, n, OperationKind::DropCheck, OperationKind::AddCheck,
              [&](const ir::Check& a, const ir::Check& b) { return ir::checkText(old, a.expr) == ir::checkText(now, b.expr); });
  }

  // Items matched by name; one that changed is dropped and added again.
  template <class Item, class Same>
  void diffItems(const std::vector<Item>& old, const std::vector<Item>& now, std::size_t o, std::size_t n,
                 OperationKind drop, OperationKind create, Same same) {
    // Drops run before renames (the order of OperationKind), so they name the old table.
    const std::string& oldTable = before_.entities[o].table;
    const std::string& table = after_.entities[n].table;
    std::vector<bool> kept(now.size(), false);
    for (std::size_t k = 0; k < old.size(); ++k) {
      auto it = std::find_if(now.begin(), now.end(), [&](const Item& item) { return item.name == old[k].name; });
      if (it != now.end() && same(old[k], *it)) {
        kept[static_cast<std::size_t>(it - now.begin())] = true;
      } else {
        add({.kind = drop, .table = oldTable, .name = old[k].name, .before = true, .entity = o, .item = k});
      }
    }
    for (std::size_t i = 0; i < now.size(); ++i) {
      if (!kept[i]) add({.kind = create, .table = table, .name = now[i].name, .entity = n, .item = i});
    }
  }

  void diffColumn(std::size_t o, std::size_t k, std::size_t n, std::size_t c) {
    const ir::Column& a = before_.entities[o].columns[k];
    const ir::Column& b = after_.entities[n].columns[c];
    ColumnChange change;
    change.type = !sameType(before_, a, after_, b);
    change.nullability = a.nullable != b.nullable;
    change.defaultValue = !(a.defaultValue.kind == b.defaultValue.kind && a.defaultValue.value == b.defaultValue.value);
    if (!change.type && !change.nullability && !change.defaultValue) return;
    const std::string where = after_.entities[n].table + "." + b.name;
    std::string loss;
    if (change.type && !(a.type.kind != ir::ScalarKind::Enum && widens(a.type, b.type))) {
      loss = "changes " + where + " from " + typeText(before_, a.type) + " to " + typeText(after_, b.type) +
             ": values that do not fit are lost or refused";
    }
    if (a.nullable && !b.nullable && b.defaultValue.kind == ir::DefaultKind::None) {
      loss += (loss.empty() ? "" : "; ") + std::string("makes ") + where +
              " required without a default: rows where it is NULL are refused";
    }
    add({.kind = OperationKind::AlterColumn,
         .table = after_.entities[n].table,
         .name = b.name,
         .entity = n,
         .item = c,
         .beforeEntity = o,
         .beforeItem = k,
         .change = change,
         .loss = loss});
  }

  void noteUnhinted(const std::vector<std::size_t>& dropped, const std::vector<std::size_t>& created) {
    if (dropped.empty() || created.empty()) return;
    std::string gone, fresh;
    for (std::size_t o : dropped) {
      if (!before_.entities[o].joinTable) gone += (gone.empty() ? "" : ", ") + before_.entities[o].name;
    }
    for (std::size_t n : created) {
      if (!after_.entities[n].joinTable) fresh += (fresh.empty() ? "" : ", ") + after_.entities[n].name;
    }
    if (gone.empty() || fresh.empty()) return;
    notes_.push_back("model " + gone + " disappeared and " + fresh +
                     " appeared: without @@renamed(from: \"...\") on the new model this drops the old table and "
                     "its rows and creates an empty one");
  }

  const ir::Schema& before_;
  const ir::Schema& after_;
  const Match* preset_;  // the pairing to use, or null to find it
  Match match_;
  std::vector<std::size_t> oldOf_;  // per new entity: the old one it continues, or kNone
  std::vector<bool> oldMatched_;
  std::array<std::vector<Operation>, kKinds> buckets_;
  std::vector<std::string> notes_;
};

}  // namespace

const char* toString(OperationKind kind) {
  switch (kind) {
    case OperationKind::DropForeignKey: return "drop foreign key";
    case OperationKind::DropIndex: return "drop index";
    case OperationKind::DropCheck: return "drop check";
    case OperationKind::RenameTable: return "rename table";
    case OperationKind::RenameColumn: return "rename column";
    case OperationKind::CreateTable: return "create table";
    case OperationKind::AddEnumValues: return "add enum values";
    case OperationKind::AddColumn: return "add column";
    case OperationKind::AlterColumn: return "alter column";
    case OperationKind::RemoveEnumValues: return "remove enum values";
    case OperationKind::DropColumn: return "drop column";
    case OperationKind::ChangePrimaryKey: return "change primary key";
    case OperationKind::DropTable: return "drop table";
    case OperationKind::AddIndex: return "add index";
    case OperationKind::AddForeignKey: return "add foreign key";
    case OperationKind::AddCheck: return "add check";
  }
  return "?";
}

std::vector<const Operation*> Diff::destructive() const {
  std::vector<const Operation*> out;
  for (const Operation& operation : operations) {
    if (operation.destructive()) out.push_back(&operation);
  }
  return out;
}

Diff diff(const ir::Schema& before, const ir::Schema& after) { return Differ(before, after, nullptr).run(); }

Diff diffBack(const ir::Schema& before, const ir::Schema& after, const Diff& up) {
  Match back;
  back.entity.assign(before.entities.size(), kNone);
  back.column.resize(before.entities.size());
  for (std::size_t o = 0; o < before.entities.size(); ++o) back.column[o].assign(before.entities[o].columns.size(), kNone);
  for (std::size_t n = 0; n < up.match.entity.size(); ++n) {
    const std::size_t o = up.match.entity[n];
    if (o == kNone) continue;
    back.entity[o] = n;
    for (std::size_t c = 0; c < up.match.column[n].size(); ++c) {
      if (up.match.column[n][c] != kNone) back.column[o][up.match.column[n][c]] = c;
    }
  }
  Diff down = Differ(after, before, &back).run();
  down.notes.clear();  // said once, for the way up
  return down;
}

std::string describe(const Operation& operation) {
  std::string out = toString(operation.kind);
  switch (operation.kind) {
    case OperationKind::CreateTable:
    case OperationKind::DropTable:
      return out + " " + operation.table;
    case OperationKind::RenameTable:
      return out + " " + operation.from + " to " + operation.name;
    case OperationKind::RenameColumn:
      return out + " " + operation.table + "." + operation.from + " to " + operation.name;
    case OperationKind::AddColumn:
    case OperationKind::DropColumn:
      return out + " " + operation.table + "." + operation.name;
    case OperationKind::AlterColumn: {
      std::string what;
      if (operation.change.type) what += "type";
      if (operation.change.nullability) what += std::string(what.empty() ? "" : ", ") + "nullability";
      if (operation.change.defaultValue) what += std::string(what.empty() ? "" : ", ") + "default";
      return out + " " + operation.table + "." + operation.name + " (" + what + ")";
    }
    case OperationKind::AddEnumValues:
    case OperationKind::RemoveEnumValues: {
      std::string values;
      for (const std::string& v : operation.values) values += (values.empty() ? "'" : ", '") + v + "'";
      return out + " " + operation.name + ": " + values;
    }
    default:
      return out + " " + operation.name + " on " + operation.table;
  }
}

}  // namespace ormc::migration
