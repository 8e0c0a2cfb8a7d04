// Joins along declared relations: join(q::Post.author) adds the author's table to the query
// with the ON condition the relation's metadata gives, so a join can never name the wrong
// columns. A many-to-many relation joins through its join table.
#pragma once

#include "ormc/query/expression.hpp"
#include "ormc/query/keys.hpp"
#include "ormc/query/table.hpp"

#include <cstddef>
#include <string>

namespace ormc::query {

enum class JoinKind : std::uint8_t { Inner, Left };

template <class R, JoinKind Kind>
struct Join {
  using Relation = R;
  using Entity = typename R::Entity;
  using Target = typename R::Target;
  static constexpr JoinKind kind = Kind;

  void render(RenderContext& c) const {
    constexpr const auto& relation = R::descriptor();
    using Descriptor = std::remove_cvref_t<decltype(relation)>;
    constexpr auto local = keys::columnNames<typename Descriptor::Local>();
    constexpr auto remote = keys::columnNames<typename Descriptor::Remote>();
    const std::string_view join = Kind == JoinKind::Inner ? " JOIN " : " LEFT JOIN ";
    const std::string_view from = meta::Model<Entity>::table;
    const std::string_view to = meta::Model<Target>::table;
    if constexpr (relation.kind == meta::RelationKind::ManyToMany) {
      c.sql += join;
      c.dialect.appendIdentifier(c.sql, relation.joinTable);
      c.sql += " ON ";
      on(c, relation.joinTable, relation.joinColumns, from, local);
      c.sql += join;
      c.dialect.appendIdentifier(c.sql, to);
      c.sql += " ON ";
      on(c, to, remote, relation.joinTable, relation.joinTargetColumns);
    } else {
      c.sql += join;
      c.dialect.appendIdentifier(c.sql, to);
      c.sql += " ON ";
      on(c, to, remote, from, local);
    }
  }

 private:
  // "a"."x" = "b"."y" AND ... for each pair of columns.
  template <std::size_t N>
  static void on(RenderContext& c, std::string_view leftTable, const std::array<std::string_view, N>& leftColumns,
                 std::string_view rightTable, const std::array<std::string_view, N>& rightColumns) {
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) c.sql += " AND ";
      c.dialect.appendIdentifier(c.sql, leftTable);
      c.sql += '.';
      c.dialect.appendIdentifier(c.sql, leftColumns[i]);
      c.sql += " = ";
      c.dialect.appendIdentifier(c.sql, rightTable);
      c.sql += '.';
      c.dialect.appendIdentifier(c.sql, rightColumns[i]);
    }
  }
};

}  // namespace ormc::query
