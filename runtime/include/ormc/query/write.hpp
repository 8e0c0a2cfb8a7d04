// Writes by predicate and many-to-many links:
//
//   db.update<User>().set(q::User.karma, q::User.karma + 1).where(q::User.role == Role::admin).execute();
//   db.remove<User>().where(q::User.karma < 0).execute();
//   db.link(q::Post.tags, post, tag);  db.unlink(q::Post.tags, post, tag);
//
// execute() returns the number of rows affected. An UPDATE by predicate also sets @updatedAt
// columns it does not set itself and bumps @version columns, as update(obj) does.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/query/expression.hpp"
#include "ormc/query/keys.hpp"
#include "ormc/query/run.hpp"
#include "ormc/query/select.hpp"
#include "ormc/query/table.hpp"

#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ormc::query {

// `column = value` in an UPDATE's SET list.
template <auto M, class V>
struct Assignment {
  static constexpr bool dynamicShape = V::dynamicShape;
  V value;
  void render(RenderContext& c) const {
    c.dialect.appendIdentifier(c.sql, meta::column<M>().name);  // SQLite refuses a qualified name here
    c.sql += " = ";
    value.render(c);
  }
  void bind(BindContext& b) const { value.bind(b); }
};

template <class Owner, Entity T, class Assignments = std::tuple<>, class Where = NoCondition>
class UpdateQuery {
 public:
  UpdateQuery(Owner& owner) : owner_(&owner) {}
  UpdateQuery(Owner* owner, Assignments assignments, Where where)
      : owner_(owner), assignments_(std::move(assignments)), where_(std::move(where)) {}

  // Sets `column` to `value`: a value of the column's type, or an expression of T's columns
  // (q::User.karma + 1).
  template <auto M, class V>
  auto set(Column<M>, V&& value) const {
    static_assert(std::is_same_v<meta::OwnerOf<M>, T>, "ormc: set() assigns a column of the model being updated");
    static_assert(std::is_same_v<std::remove_cvref_t<V>, std::nullopt_t> || operandsFit<Column<M>, V>,
                  "ormc: set() assigns a value of the column's own type (a string does not go into an integer column)");
    auto node = [&] {
      if constexpr (std::is_same_v<std::remove_cvref_t<V>, std::nullopt_t>) {
        static_assert(isNullable<meta::MemberType<M>>, "ormc: set(column, std::nullopt) needs a nullable column");
        return NullLiteral{};
      } else if constexpr (operandsFit<Column<M>, V>) {
        return detail::operand<meta::MemberType<M>>(std::forward<V>(value));
      } else {
        return NullLiteral{};  // refused above; no further errors
      }
    }();
    static_assert(subsetOf<typename decltype(node)::Entities, TypeList<T>>,
                  "ormc: set() computes a value from columns of the model being updated only");
    auto added = std::tuple_cat(assignments_, std::tuple{Assignment<M, decltype(node)>{std::move(node)}});
    return UpdateQuery<Owner, T, decltype(added), Where>(owner_, std::move(added), where_);
  }

  template <class P>
  auto where(P&& condition) const {
    static_assert(Predicate<P>, "ormc: where() takes a condition (a comparison such as User.karma > 5), not a value");
    static_assert(subsetOf<typename std::remove_cvref_t<P>::Entities, TypeList<T>>,
                  "ormc: where() of an update uses columns of the model being updated only");
    using Condition = std::remove_cvref_t<P>;
    auto both = andAlso(where_, Condition(std::forward<P>(condition)));
    return UpdateQuery<Owner, T, Assignments, decltype(both)>(owner_, assignments_, std::move(both));
  }

  // Runs the UPDATE; returns the number of rows it matched.
  std::int64_t execute() const {
    static_assert(std::tuple_size_v<Assignments> > 0, "ormc: an update needs at least one set()");
    return owner_->withConnection([&](Connection& connection) { return executeWrite(connection, source()); });
  }

  std::string to_sql(const Dialect& dialect) const { return renderWrite(dialect, source()); }

 private:
  template <auto M, class A>
  struct IsAssignmentOf : std::false_type {};
  template <auto M, auto N, class V>
  struct IsAssignmentOf<M, Assignment<N, V>> : std::bool_constant<meta::detail::sameMember<M, N>()> {};
  template <auto M, class Tuple>
  struct AssignedIn;
  template <auto M, class... As>
  struct AssignedIn<M, std::tuple<As...>> : std::bool_constant<(IsAssignmentOf<M, As>::value || ... || false)> {};
  // The statement sets column M itself.
  template <auto M>
  static constexpr bool assigned = AssignedIn<M, Assignments>::value;

  WriteSource source() const {
    return WriteSource{
        this, [](const void* self, RenderContext& c) { static_cast<const UpdateQuery*>(self)->render(c); },
        [](const void* self, BindContext& b) {
          const UpdateQuery& query = *static_cast<const UpdateQuery*>(self);
          std::apply([&](const auto&... a) { (a.bind(b), ...); }, query.assignments_);
          query.bindAutomatic(b);
          query.where_.bind(b);
        }};
  }

  void render(RenderContext& c) const {
    c.sql += "UPDATE ";
    c.dialect.appendIdentifier(c.sql, meta::Model<T>::table);
    c.sql += " SET ";
    bool first = true;
    std::apply([&](const auto&... a) { ((c.sql += first ? "" : ", ", first = false, a.render(c)), ...); }, assignments_);
    meta::forEachColumn<T>([&](const auto& column) {
      using C = std::remove_cvref_t<decltype(column)>;
      if constexpr (!assigned<C::member>) {
        if (column.updatedAt || column.version) {
          c.sql += ", ";
          c.dialect.appendIdentifier(c.sql, column.name);
          c.sql += " = ";
          if (column.updatedAt) {
            c.sql += '?';
          } else {
            c.dialect.appendIdentifier(c.sql, column.name);
            c.sql += " + 1";
          }
        }
      }
    });
    if constexpr (!std::is_same_v<Where, NoCondition>) {
      c.sql += " WHERE ";
      where_.render(c);
    }
  }

  void bindAutomatic(BindContext& b) const {
    const DateTime now = currentDateTime();
    meta::forEachColumn<T>([&](const auto& column) {
      using C = std::remove_cvref_t<decltype(column)>;
      if constexpr (!assigned<C::member> && std::is_same_v<typename C::Scalar, DateTime>) {
        if (column.updatedAt) bindValue(b.statement, b.index++, now);
      }
    });
  }

  Owner* owner_;
  Assignments assignments_{};
  Where where_{};
};

template <class Owner, Entity T, class Where = NoCondition>
class DeleteQuery {
 public:
  DeleteQuery(Owner& owner) : owner_(&owner) {}
  DeleteQuery(Owner* owner, Where where) : owner_(owner), where_(std::move(where)) {}

  template <class P>
  auto where(P&& condition) const {
    static_assert(Predicate<P>, "ormc: where() takes a condition (a comparison such as User.karma > 5), not a value");
    static_assert(subsetOf<typename std::remove_cvref_t<P>::Entities, TypeList<T>>,
                  "ormc: where() of a delete uses columns of the model being deleted from only");
    using Condition = std::remove_cvref_t<P>;
    auto both = andAlso(where_, Condition(std::forward<P>(condition)));
    return DeleteQuery<Owner, T, decltype(both)>(owner_, std::move(both));
  }

  // Runs the DELETE; returns the number of rows deleted.
  std::int64_t execute() const {
    return owner_->withConnection([&](Connection& connection) { return executeWrite(connection, source()); });
  }

  std::string to_sql(const Dialect& dialect) const { return renderWrite(dialect, source()); }

 private:
  WriteSource source() const {
    return WriteSource{this, [](const void* self, RenderContext& c) { static_cast<const DeleteQuery*>(self)->render(c); },
                       [](const void* self, BindContext& b) { static_cast<const DeleteQuery*>(self)->where_.bind(b); }};
  }

  void render(RenderContext& c) const {
    c.sql += "DELETE FROM ";
    c.dialect.appendIdentifier(c.sql, meta::Model<T>::table);
    if constexpr (!std::is_same_v<Where, NoCondition>) {
      c.sql += " WHERE ";
      where_.render(c);
    }
  }

  Owner* owner_;
  Where where_{};
};

// INSERT or DELETE of the join-table row that links `entity` and `target` through the
// many-to-many relation R. link() of a pair already linked is a UniqueViolation.
template <class R>
std::int64_t linkRows(Connection& connection, const typename R::Entity& entity, const typename R::Target& target,
                      bool link) {
  constexpr const auto& relation = R::descriptor();
  static_assert(relation.kind == meta::RelationKind::ManyToMany,
                "ormc: link() and unlink() apply to many-to-many relations; set the foreign key for the others");
  using Descriptor = std::remove_cvref_t<decltype(relation)>;
  const Dialect& dialect = connection.dialect();
  std::string sql;
  if (link) {
    sql = "INSERT INTO ";
    dialect.appendIdentifier(sql, relation.joinTable);
    sql += " (";
    bool first = true;
    for (std::string_view column : relation.joinColumns) {
      sql += first ? "" : ", ";
      first = false;
      dialect.appendIdentifier(sql, column);
    }
    for (std::string_view column : relation.joinTargetColumns) {
      sql += ", ";
      dialect.appendIdentifier(sql, column);
    }
    sql += ") VALUES (";
    for (std::size_t i = 0; i < Descriptor::Local::size + Descriptor::Remote::size; ++i) sql += i == 0 ? "?" : ", ?";
    sql += ')';
  } else {
    sql = "DELETE FROM ";
    dialect.appendIdentifier(sql, relation.joinTable);
    sql += " WHERE ";
    keys::renderColumns(dialect, sql, relation.joinTable, relation.joinColumns);
    sql += " = ";
    keys::renderPlaceholders(sql, Descriptor::Local::size);
    sql += " AND ";
    keys::renderColumns(dialect, sql, relation.joinTable, relation.joinTargetColumns);
    sql += " = ";
    keys::renderPlaceholders(sql, Descriptor::Remote::size);
  }
  PreparedStatement statement = connection.prepare(sql);
  auto local = keys::valueOf<typename Descriptor::Local>(entity);
  auto remote = keys::valueOf<typename Descriptor::Remote>(target);
  int index = keys::bind(*statement, *local, 1);
  keys::bind(*statement, *remote, index);
  statement->step();
  return connection.changes();
}

}  // namespace ormc::query
