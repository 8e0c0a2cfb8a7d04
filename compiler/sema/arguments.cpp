// Attribute argument binding and value shapes. See arguments.hpp.
#include "sema/arguments.hpp"

#include "support/diagnostic_codes.hpp"
#include "support/suggest.hpp"

#include <fmt/format.h>

namespace ormc::sema {

namespace {

std::string parameterList(std::span<const Parameter> params) {
  std::string out;
  for (const Parameter& p : params) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

void addUsage(Diagnostic& d, std::string_view usage) {
  if (!usage.empty()) d.addHelp(fmt::format("write {}", usage));
}

// The argument's name for messages: "argument 'fields' of @relation" or "the argument of @map".
std::string describeArgument(const ast::Argument& argument, const ast::Attribute& attribute) {
  if (argument.name) return fmt::format("argument '{}' of {}", argument.name->name, attributeName(attribute));
  return fmt::format("the argument of {}", attributeName(attribute));
}

}  // namespace

std::string attributeName(const ast::Attribute& attribute) {
  return (attribute.block ? "@@" : "@") + attribute.name.name;
}

std::optional<std::vector<const ast::Argument*>> bindArguments(const ast::Attribute& attribute,
                                                               std::span<const Parameter> params,
                                                               std::string_view usage,
                                                               DiagnosticEngine& diags) {
  std::vector<const ast::Argument*> slots(params.size(), nullptr);
  bool ok = true;
  std::size_t nextPositional = 0;
  for (const ast::Argument& argument : attribute.arguments) {
    if (!argument.name) {
      while (nextPositional < params.size() &&
             (!params[nextPositional].positional || slots[nextPositional])) {
        ++nextPositional;
      }
      if (nextPositional == params.size()) {
        Diagnostic& d = diags.error(codes::kAttributeArguments, argument.range,
                                    fmt::format("unexpected argument in {}", attributeName(attribute)));
        addUsage(d, usage);
        ok = false;
        continue;
      }
      slots[nextPositional++] = &argument;
      continue;
    }
    std::size_t i = 0;
    while (i < params.size() && params[i].name != argument.name->name) ++i;
    if (i == params.size()) {
      std::vector<std::string> names;
      for (const Parameter& p : params) names.emplace_back(p.name);
      Diagnostic& d = diags.error(codes::kAttributeArguments, argument.name->range,
                                  fmt::format("unknown argument '{}' in {}", argument.name->name,
                                              attributeName(attribute)));
      std::string hint = didYouMean(argument.name->name, names);
      if (!hint.empty()) d.addHelp(hint);
      else if (names.empty()) d.addHelp(fmt::format("{} takes no arguments", attributeName(attribute)));
      else d.addHelp(fmt::format("{} takes {}", attributeName(attribute), parameterList(params)));
      ok = false;
      continue;
    }
    if (slots[i]) {
      diags.error(codes::kAttributeArguments, argument.range,
                  fmt::format("argument '{}' given twice in {}", params[i].name, attributeName(attribute)))
          .addNote(slots[i]->range, "first given here");
      ok = false;
      continue;
    }
    slots[i] = &argument;
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (!params[i].required || slots[i]) continue;
    Diagnostic& d = diags.error(codes::kAttributeArguments, attribute.range,
                                fmt::format("missing argument '{}' in {}", params[i].name,
                                            attributeName(attribute)));
    addUsage(d, usage);
    ok = false;
  }
  if (!ok) return std::nullopt;
  return slots;
}

bool expectNoArguments(const ast::Attribute& attribute, DiagnosticEngine& diags) {
  if (attribute.arguments.empty()) return true;
  SourceRange range = join(attribute.arguments.front().range, attribute.arguments.back().range);
  diags.error(codes::kAttributeArguments, range,
              fmt::format("{} takes no arguments", attributeName(attribute)));
  return false;
}

std::optional<std::string> readString(const ast::Argument& argument, const ast::Attribute& attribute,
                                      std::string_view what, DiagnosticEngine& diags) {
  if (argument.value.kind == ast::ExprKind::String) return argument.value.text;
  if (argument.value.kind == ast::ExprKind::Error) return std::nullopt;
  diags.error(codes::kAttributeArguments, argument.value.range,
              fmt::format("{} must be a string: {}", describeArgument(argument, attribute), what));
  return std::nullopt;
}

const ast::Expr* readNameList(const ast::Argument& argument, const ast::Attribute& attribute,
                              std::string_view what, DiagnosticEngine& diags) {
  const ast::Expr& value = argument.value;
  if (value.kind == ast::ExprKind::Error) return nullptr;
  bool names = value.kind == ast::ExprKind::List;
  for (const ast::Expr& item : value.children) {
    if (item.kind == ast::ExprKind::Error) return nullptr;
    if (item.kind != ast::ExprKind::Name) names = false;
  }
  if (!names) {
    diags.error(codes::kAttributeArguments, value.range,
                fmt::format("{} must be a list of field names, e.g. [{}]",
                            describeArgument(argument, attribute), what));
    return nullptr;
  }
  if (value.children.empty()) {
    diags.error(codes::kAttributeArguments, value.range,
                fmt::format("{} must name at least one field", describeArgument(argument, attribute)));
    return nullptr;
  }
  return &value;
}

std::optional<ir::ReferentialAction> readAction(const ast::Argument& argument,
                                                const ast::Attribute& attribute,
                                                DiagnosticEngine& diags) {
  static const std::vector<std::string> kNames = {"Cascade", "Restrict", "SetNull", "NoAction"};
  const ast::Expr& value = argument.value;
  if (value.kind == ast::ExprKind::Error) return std::nullopt;
  if (value.kind == ast::ExprKind::Name) {
    if (value.text == "Cascade") return ir::ReferentialAction::Cascade;
    if (value.text == "Restrict") return ir::ReferentialAction::Restrict;
    if (value.text == "SetNull") return ir::ReferentialAction::SetNull;
    if (value.text == "NoAction") return ir::ReferentialAction::NoAction;
    Diagnostic& d = diags.error(codes::kAttributeArguments, value.range,
                                fmt::format("unknown referential action '{}'", value.text));
    std::string hint = didYouMean(value.text, kNames);
    d.addHelp(hint.empty() ? "use one of Cascade, Restrict, SetNull, NoAction" : hint);
    return std::nullopt;
  }
  diags.error(codes::kAttributeArguments, value.range,
              fmt::format("{} must be one of Cascade, Restrict, SetNull, NoAction",
                          describeArgument(argument, attribute)));
  return std::nullopt;
}

}  // namespace ormc::sema
