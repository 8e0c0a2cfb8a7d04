// AST text dump. See ast_dump.hpp.
#include "ast/ast_dump.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ormc::ast {

namespace {


class Dumper {
 public:
  explicit Dumper(const SourceManager& sources) : sources_(sources) {}

  std::string run(const File& file) {
    if (file.schema) {
      std::string path;
      for (const Identifier& part : file.schema->path) path += (path.empty() ? "" : ".") + part.name;
      line(0, fmt::format("schema {} @{}", path, at(file.schema->range)));
    }
    for (const ImportDecl& import : file.imports) line(0, fmt::format("import {} @{}", quoted(import.path), at(import.range)));
    for (const EnumDecl& e : file.enums) dumpEnum(e);
    for (const ModelDecl& m : file.models) dumpModel(m);
    return out_;
  }

 private:
  static std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

  std::string at(SourceRange range) const {
    LineColumn lc = sources_.lineColumn(range.begin);
    return fmt::format("{}:{}", lc.line, lc.column);
  }

  void line(int depth, const std::string& text) {
    out_ += std::string(static_cast<std::size_t>(depth) * 2, ' ') + text + "\n";
  }

  void doc(int depth, const std::string& text) {
    if (!text.empty()) line(depth, "doc " + quoted(text));
  }

  void attributes(int depth, const std::vector<Attribute>& list) {
    for (const Attribute& a : list) {
      std::string args;
      for (const Argument& arg : a.arguments) {
        if (!args.empty()) args += ", ";
        if (arg.name) args += arg.name->name + ": ";
        args += dump(arg.value);
      }
      line(depth, fmt::format("{}{}{} @{}", a.block ? "@@" : "@", a.name.name,
                              a.hasArgumentList ? "(" + args + ")" : "", at(a.range)));
    }
  }

  void dumpEnum(const EnumDecl& e) {
    doc(0, e.doc);
    line(0, fmt::format("enum {}{} @{}", e.name.name, e.broken ? " (broken)" : "", at(e.range)));
    for (const EnumValueDecl& v : e.values) {
      doc(1, v.doc);
      line(1, fmt::format("value {}{} @{}", v.name.name, v.broken ? " (broken)" : "", at(v.range)));
      attributes(2, v.attributes);
    }
    attributes(1, e.attributes);
  }

  void dumpModel(const ModelDecl& m) {
    doc(0, m.doc);
    line(0, fmt::format("model {}{} @{}", m.name.name, m.broken ? " (broken)" : "", at(m.range)));
    for (const FieldDecl& f : m.fields) {
      doc(1, f.doc);
      if (f.broken) {
        line(1, fmt::format("field {} (broken) @{}", f.name.name, at(f.range)));
        continue;
      }
      std::string args;
      for (const TypeArgument& a : f.type.arguments) args += (args.empty() ? "" : ",") + a.digits;
      line(1, fmt::format("field {} {}{}{} @{}", f.name.name, f.type.name.name, args.empty() ? "" : "(" + args + ")",
                          f.type.list ? "[]" : (f.type.optional ? "?" : ""), at(f.range)));
      attributes(2, f.attributes);
    }
    attributes(1, m.attributes);
  }

  const SourceManager& sources_;
  std::string out_;
};

}  // namespace

std::string dump(const Expr& e) {
  auto list = [](const std::vector<Expr>& items, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < items.size(); ++i) out += (i > from ? ", " : "") + dump(items[i]);
    return out;
  };
  switch (e.kind) {
    case ExprKind::Error: return "<error>";
    case ExprKind::Integer:
    case ExprKind::Decimal:
    case ExprKind::Boolean:
    case ExprKind::Name: return e.text;
    case ExprKind::String: return nlohmann::json(e.text).dump();
    case ExprKind::Call: return e.text + "(" + list(e.children, 0) + ")";
    case ExprKind::List: return "[" + list(e.children, 0) + "]";
    case ExprKind::Unary: return std::string(spelling(e.op)) + (e.children.empty() ? "?" : dump(e.children[0]));
    case ExprKind::Binary:
      if (e.children.size() != 2) return "<error>";
      return "(" + dump(e.children[0]) + " " + spelling(e.op) + " " + dump(e.children[1]) + ")";
    case ExprKind::In:
      if (e.children.size() != 2) return "<error>";
      return "(" + dump(e.children[0]) + " in " + dump(e.children[1]) + ")";
  }
  return "<error>";
}

std::string dump(const File& file, const SourceManager& sources) { return Dumper(sources).run(file); }

}  // namespace ormc::ast
