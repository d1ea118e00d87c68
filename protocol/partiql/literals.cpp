// Converting PartiQL literals to AttributeValues the way DynamoDB's converter does: every value
// is converted from its own root ("root", then "root.member" and "root[2]" inside it, as the
// messages name them), a parameter is accepted only as a whole value, a bag must hold only
// strings or only numbers, and a value may nest 32 levels (the item being the first).
#include "protocol/partiql/literals.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace ddblocal::partiql {
namespace {

// DynamoDB's nesting limit, counted as the wire decoder counts it: the item is level 1, a
// top-level attribute's value level 2, and a map or list may sit at most at level 32.
constexpr int kMaxNestingLevel = 32;

ApiError too_deep() {
  return ApiError::validation(
      "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
      "beyond supported limit");
}

// How DynamoDB names the kind of an expression where it expected a value.
std::string kind_name(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kPath:
      return "VariableReference";
    case Expr::Kind::kParameter:
      return "Parameter";
    case Expr::Kind::kCall:
      return e.text;
    case Expr::Kind::kMissing:
      return "MISSING";
    case Expr::Kind::kString:
    case Expr::Kind::kNumber:
    case Expr::Kind::kBool:
    case Expr::Kind::kNull:
    case Expr::Kind::kIonLiteral:
      return "Literal";
    case Expr::Kind::kTuple:
      return "Struct";
    case Expr::Kind::kList:
    case Expr::Kind::kBag:
      return "Seq";
    default:
      return "NAry";
  }
}

// The Ion type of a backtick literal, as DynamoDB names it in its refusal.
std::string ion_type(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const std::string_view body = first == std::string_view::npos ? "" : text.substr(first);
  if (body.starts_with("{{")) {
    return "BLOB";
  }
  if (body.starts_with("{")) {
    return "STRUCT";
  }
  if (body.starts_with("[")) {
    return "LIST";
  }
  if (body.starts_with("(")) {
    return "SEXP";
  }
  if (body.starts_with("\"") || body.starts_with("'''")) {
    return "STRING";
  }
  if (body.starts_with("'")) {
    return "SYMBOL";
  }
  if (body.empty() || !(std::isdigit(static_cast<unsigned char>(body[0])) || body[0] == '-')) {
    return body.starts_with("null")            ? "NULL"
           : body == "true" || body == "false" ? "BOOL"
                                               : "SYMBOL";
  }
  if (body.find_first_of("eE") != std::string_view::npos) {
    return "FLOAT";
  }
  return body.find('.') != std::string_view::npos ? "DECIMAL" : "INT";
}

class Converter {
 public:
  explicit Converter(std::span<const AttributeValue> parameters) : parameters_(parameters) {}

  // `e` as the value at `path`, itself at nesting `level`; `whole` when it is a whole
  // attribute's value, where a parameter may stand.
  Result<AttributeValue> convert(const Expr& e, const std::string& path, int level, bool whole) {
    switch (e.kind) {
      case Expr::Kind::kString:
        return AttributeValue(e.text);
      case Expr::Kind::kNumber:
        return number(e, path);
      case Expr::Kind::kBool:
        return AttributeValue(e.text == "true");
      case Expr::Kind::kNull:
        return AttributeValue(Null{});
      case Expr::Kind::kIonLiteral:
        return ApiError::validation("Ion Literals are not supported: " + ion_type(e.text) +
                                    " under key " + path + at(e.span));
      case Expr::Kind::kParameter:
        if (whole) {
          return parameters_[e.parameter];
        }
        break;
      case Expr::Kind::kTuple:
        return tuple(e, path, level);
      case Expr::Kind::kList:
        return list(e, path, level);
      case Expr::Kind::kBag:
        return bag(e, path);
      default:
        break;
    }
    return ApiError::validation("Unsupported data type: " + kind_name(e) + " under key " + path +
                                at(e.span));
  }

  // The members of a tuple, checked for string keys and duplicates; each value converted by
  // `value(key, value expression)`. A repeated key is placed at the key itself in an INSERT's
  // item, at the whole tuple inside a value (`key_places` false), as DynamoDB places them.
  template <typename Value>
  Result<Item> members(const Expr& tuple, const std::string& path, bool key_places, Value&& value) {
    Item item;
    for (std::size_t i = 0; i + 1 < tuple.children.size(); i += 2) {
      const Expr& key = tuple.children[i];
      if (key.kind != Expr::Kind::kString) {
        return ApiError::validation("Tuple keys must be of type String. Actual type: " +
                                    kind_name(key) + " under " + path + at(key.span));
      }
      if (key.text.empty()) {
        return ApiError::validation("Path component cannot be an empty string");
      }
      if (item.contains(key.text)) {
        return ApiError::validation("Duplicate keys in tuple. Key: " + key.text + " under " + path +
                                    at(key_places ? key.span : tuple.span));
      }
      DDB_ASSIGN_OR_RETURN(AttributeValue member, value(key.text, tuple.children[i + 1]));
      item.emplace(key.text, std::move(member));
    }
    return item;
  }

 private:
  Result<AttributeValue> number(const Expr& e, const std::string& path) {
    Result<Number> number = Number::parse(e.text);
    if (!number) {
      return ApiError::validation(number.error().message() + " under " + path);
    }
    if (number->is_zero() && e.text.starts_with("-") &&
        e.text.find_first_of(".eE") != std::string::npos) {
      return ApiError::validation("Negative zero decimal is not supported under key " + path +
                                  at(e.span));
    }
    return AttributeValue(std::move(number).value());
  }

  Result<AttributeValue> tuple(const Expr& e, const std::string& path, int level) {
    if (level > kMaxNestingLevel) {
      return too_deep();
    }
    DDB_ASSIGN_OR_RETURN(Item map,
                         members(e, path, false, [&](const std::string& key, const Expr& value) {
                           return convert(value, path + "." + key, level + 1, false);
                         }));
    return AttributeValue(std::move(map));
  }

  Result<AttributeValue> list(const Expr& e, const std::string& path, int level) {
    if (level > kMaxNestingLevel) {
      return too_deep();
    }
    AttributeList elements;
    for (std::size_t i = 0; i < e.children.size(); ++i) {
      DDB_ASSIGN_OR_RETURN(
          AttributeValue element,
          convert(e.children[i], path + "[" + std::to_string(i) + "]", level + 1, false));
      elements.push_back(std::move(element));
    }
    return AttributeValue(std::move(elements));
  }

  // A bag is a string set or a number set.
  Result<AttributeValue> bag(const Expr& e, const std::string& path) {
    if (e.children.empty()) {
      return ApiError::validation("Empty bags are not supported" + at(e.span));
    }
    constexpr std::string_view kUnsupported =
        "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";
    for (const Expr& element : e.children) {
      if (element.kind != Expr::Kind::kString && element.kind != Expr::Kind::kNumber) {
        return ApiError::validation(std::string(kUnsupported) + at(element.span));
      }
      if (element.kind != e.children.front().kind) {
        return ApiError::validation(std::string(kUnsupported));
      }
    }
    if (e.children.front().kind == Expr::Kind::kString) {
      return string_set(e);
    }
    NumberSet set;
    for (const Expr& element : e.children) {
      DDB_ASSIGN_OR_RETURN(AttributeValue member, number(element, path));
      set.members.push_back(*member.get_if<Number>());
    }
    std::sort(set.members.begin(), set.members.end());
    if (std::adjacent_find(set.members.begin(), set.members.end()) != set.members.end()) {
      return ApiError::validation("Input collection contains duplicates");
    }
    return AttributeValue(std::move(set));
  }

  static Result<AttributeValue> string_set(const Expr& e) {
    StringSet set;
    std::string written;
    for (const Expr& element : e.children) {
      set.members.push_back(element.text);
      written += (written.empty() ? "" : ", ") + element.text;
    }
    std::sort(set.members.begin(), set.members.end());
    if (std::adjacent_find(set.members.begin(), set.members.end()) != set.members.end()) {
      return ApiError::validation("One or more parameter values were invalid: Input collection [" +
                                  written + "] contains duplicates.");
    }
    return AttributeValue(std::move(set));
  }

  std::span<const AttributeValue> parameters_;
};

}  // namespace

Result<AttributeValue> literal_value(const Expr& literal,
                                     std::span<const AttributeValue> parameters) {
  return Converter(parameters).convert(literal, "root", 2, true);
}

Result<Item> literal_item(const Expr& tuple, std::span<const AttributeValue> parameters) {
  Converter converter(parameters);
  return converter.members(tuple, "root", true, [&](const std::string&, const Expr& value) {
    return converter.convert(value, "root", 2, true);
  });
}

bool is_literal(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kString:
    case Expr::Kind::kNumber:
    case Expr::Kind::kBool:
    case Expr::Kind::kNull:
    case Expr::Kind::kMissing:
    case Expr::Kind::kIonLiteral:
    case Expr::Kind::kParameter:
    case Expr::Kind::kTuple:
    case Expr::Kind::kList:
    case Expr::Kind::kBag:
      return true;
    default:
      return false;
  }
}

}  // namespace ddblocal::partiql
