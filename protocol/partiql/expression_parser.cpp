// The expression grammar of DynamoDB's PartiQL, by recursive descent. Syntax errors carry the
// detail DynamoDB gives for the same mistake (recorded against AWS, see /work/notes/partiql.md).
#include "protocol/partiql/expression_parser.h"

#include <array>
#include <optional>

#include "protocol/partiql/parser.h"

namespace ddblocal::partiql {
namespace {

constexpr std::string_view kMissingRightHandSide =
    "Missing right-hand side expression of infix operator";

// Keywords that name a function when a parenthesis follows them.
constexpr std::array<std::string_view, 19> kFunctionKeywords = {
    "avg",          "bit_length", "cast",      "char_length", "character_length",
    "coalesce",     "count",      "date_add",  "date_diff",   "exists",
    "extract",      "lower",      "max",       "min",         "nullif",
    "octet_length", "size",       "substring", "sum"};

// Keywords that are operators, never the start of a term.
constexpr std::array<std::string_view, 6> kOperatorKeywords = {"and", "or",   "is",
                                                               "in",  "like", "between"};

// The type names IS accepts, as DynamoDB spells them in its messages.
struct TypeName {
  std::string_view word;
  std::string_view name;
};
constexpr std::array<TypeName, 33> kTypeNames = {{
    {"missing", "MISSING"},
    {"null", "NULL"},
    {"bool", "BOOLEAN"},
    {"boolean", "BOOLEAN"},
    {"string", "STRING"},
    {"varchar", "STRING"},
    {"char", "STRING"},
    {"character", "STRING"},
    {"symbol", "SYMBOL"},
    {"int", "INTEGER"},
    {"integer", "INTEGER"},
    {"smallint", "INTEGER"},
    {"float", "FLOAT"},
    {"real", "FLOAT"},
    {"double", "FLOAT"},
    {"decimal", "DECIMAL"},
    {"dec", "DECIMAL"},
    {"numeric", "NUMERIC"},
    {"timestamp", "TIMESTAMP"},
    {"blob", "BLOB"},
    {"clob", "CLOB"},
    {"struct", "STRUCT"},
    {"tuple", "TUPLE"},
    {"list", "LIST"},
    {"sexp", "SEXP"},
    {"bag", "BAG"},
    // Names that are not reserved words.
    {"int2", "INTEGER"},
    {"integer2", "INTEGER"},
    {"int4", "INTEGER"},
    {"integer4", "INTEGER"},
    {"int8", "INTEGER"},
    {"integer8", "INTEGER"},
    {"bigint", "INTEGER"},
}};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::optional<std::string_view> type_name(std::string_view word) {
  for (const TypeName& type : kTypeNames) {
    if (type.word == word) {
      return type.name;
    }
  }
  return std::nullopt;
}

}  // namespace

ApiError ExpressionParser::unexpected(const Token& token) const {
  if (token.kind == TokenKind::kKeyword) {
    return malformed(contains(kOperatorKeywords, token.text) ? "Unexpected operator"
                                                             : "Unexpected keyword");
  }
  if (token.kind == TokenKind::kOperator) {
    return malformed("Unexpected operator");
  }
  return malformed(kUnexpectedTerm);
}

Result<void> ExpressionParser::right_hand_side() {
  if (at_end()) {
    return malformed(kMissingRightHandSide);
  }
  return {};
}

Result<Expr> ExpressionParser::expr() {
  if (++depth_ > kMaxNesting) {
    return malformed("Statement is nested too deeply");
  }
  Result<Expr> result = or_expr();
  --depth_;
  return result;
}

Expr ExpressionParser::binary(std::string op, Expr left, Expr right, SourceSpan span) {
  Expr e;
  e.kind = Expr::Kind::kBinary;
  e.text = std::move(op);
  e.span = span;
  e.children.push_back(std::move(left));
  e.children.push_back(std::move(right));
  return e;
}

Result<Expr> ExpressionParser::or_expr() {
  DDB_ASSIGN_OR_RETURN(Expr left, and_expr());
  while (is_keyword("or")) {
    const SourceSpan span = next().span;
    DDB_RETURN_IF_ERROR(right_hand_side());
    DDB_ASSIGN_OR_RETURN(Expr right, and_expr());
    left = binary("or", std::move(left), std::move(right), span);
  }
  return left;
}

Result<Expr> ExpressionParser::and_expr() {
  DDB_ASSIGN_OR_RETURN(Expr left, not_expr());
  while (is_keyword("and")) {
    const SourceSpan span = next().span;
    DDB_RETURN_IF_ERROR(right_hand_side());
    DDB_ASSIGN_OR_RETURN(Expr right, not_expr());
    left = binary("and", std::move(left), std::move(right), span);
  }
  return left;
}

Result<Expr> ExpressionParser::not_expr() {
  if (!is_keyword("not")) {
    return predicate();
  }
  Expr e;
  e.kind = Expr::Kind::kUnary;
  e.text = "not";
  e.span = next().span;
  if (++depth_ > kMaxNesting) {
    return malformed("Statement is nested too deeply");
  }
  if (at_end()) {
    return malformed(kUnexpectedTerm);
  }
  Result<Expr> operand = not_expr();
  --depth_;
  if (!operand) {
    return std::move(operand).error();
  }
  e.children.push_back(std::move(*operand));
  return e;
}

bool ExpressionParser::is_comparison(const Token& token) {
  static constexpr std::array<std::string_view, 7> kComparisons = {"=",  "<>", "!=", "<",
                                                                   "<=", ">",  ">="};
  return token.kind == TokenKind::kOperator && contains(kComparisons, token.text);
}

Result<Expr> ExpressionParser::predicate() {
  DDB_ASSIGN_OR_RETURN(Expr left, concatenation());
  for (;;) {
    if (is_comparison(peek())) {
      const Token& op = next();
      const std::string text = op.text == "!=" ? "<>" : op.text;
      const SourceSpan span = op.span;
      DDB_RETURN_IF_ERROR(right_hand_side());
      DDB_ASSIGN_OR_RETURN(Expr right, concatenation());
      left = binary(text, std::move(left), std::move(right), span);
      continue;
    }
    const bool negated = is_keyword("not") &&
                         (is_keyword("in", 1) || is_keyword("between", 1) || is_keyword("like", 1));
    if (negated) {
      next();
    }
    if (is_keyword("is")) {
      DDB_ASSIGN_OR_RETURN(left, is_type(std::move(left)));
    } else if (is_keyword("in")) {
      DDB_ASSIGN_OR_RETURN(left, in_list(std::move(left), negated));
    } else if (is_keyword("between")) {
      DDB_ASSIGN_OR_RETURN(left, between(std::move(left), negated));
    } else if (is_keyword("like")) {
      const SourceSpan span = next().span;
      DDB_RETURN_IF_ERROR(right_hand_side());
      DDB_ASSIGN_OR_RETURN(Expr pattern, concatenation());
      left = binary("like", std::move(left), std::move(pattern), span);
      left.negated = negated;
      if (accept_keyword("escape")) {
        DDB_ASSIGN_OR_RETURN(Expr escape, concatenation());
        (void)escape;
      }
    } else {
      return left;
    }
  }
}

Result<Expr> ExpressionParser::is_type(Expr operand) {
  Expr e;
  e.kind = Expr::Kind::kIs;
  e.span = next().span;  // IS
  e.negated = accept_keyword("not");
  const Token& word = peek();
  std::optional<std::string_view> name;
  if (word.kind == TokenKind::kKeyword || word.kind == TokenKind::kIdentifier) {
    name = type_name(lower_case(word.text));
  }
  if (!name) {
    return malformed("Expected type name");
  }
  next();
  // Two-word and parameterized type names: DOUBLE PRECISION, CHARACTER VARYING, VARCHAR(10).
  if (word.text == "double") {
    accept_keyword("precision");
  } else if (word.text == "character") {
    accept_keyword("varying");
  }
  if (accept(TokenKind::kLeftParen)) {
    while (peek().kind == TokenKind::kNumber || peek().kind == TokenKind::kComma) {
      next();
    }
    DDB_RETURN_IF_ERROR(expect(TokenKind::kRightParen, "Expected right parenthesis"));
  }
  e.text = std::string(*name);
  e.children.push_back(std::move(operand));
  return e;
}

Result<Expr> ExpressionParser::in_list(Expr value, bool negated) {
  Expr e;
  e.kind = Expr::Kind::kIn;
  e.negated = negated;
  e.span = next().span;  // IN
  DDB_RETURN_IF_ERROR(right_hand_side());
  Expr candidates;
  if (peek().kind == TokenKind::kLeftParen) {
    // (a, b, ...) is a list here; (a) a list of one.
    candidates.kind = Expr::Kind::kList;
    candidates.span = next().span;
    DDB_RETURN_IF_ERROR(elements(candidates.children, TokenKind::kRightParen));
  } else {
    DDB_ASSIGN_OR_RETURN(candidates, concatenation());
  }
  e.children.push_back(std::move(value));
  e.children.push_back(std::move(candidates));
  return e;
}

Result<Expr> ExpressionParser::between(Expr value, bool negated) {
  Expr e;
  e.kind = Expr::Kind::kBetween;
  e.negated = negated;
  e.span = next().span;  // BETWEEN
  DDB_RETURN_IF_ERROR(right_hand_side());
  DDB_ASSIGN_OR_RETURN(Expr low, concatenation());
  DDB_RETURN_IF_ERROR(expect_keyword("and", "Expected AND"));
  DDB_RETURN_IF_ERROR(right_hand_side());
  DDB_ASSIGN_OR_RETURN(Expr high, concatenation());
  e.children.push_back(std::move(value));
  e.children.push_back(std::move(low));
  e.children.push_back(std::move(high));
  return e;
}

Result<Expr> ExpressionParser::concatenation() {
  DDB_ASSIGN_OR_RETURN(Expr left, additive());
  while (is_operator("||")) {
    const SourceSpan span = next().span;
    DDB_RETURN_IF_ERROR(right_hand_side());
    DDB_ASSIGN_OR_RETURN(Expr right, additive());
    left = binary("||", std::move(left), std::move(right), span);
  }
  return left;
}

Result<Expr> ExpressionParser::additive() {
  DDB_ASSIGN_OR_RETURN(Expr left, multiplicative());
  while (is_operator("+") || is_operator("-")) {
    const Token& op = next();
    const std::string text = op.text;
    const SourceSpan span = op.span;
    DDB_RETURN_IF_ERROR(right_hand_side());
    DDB_ASSIGN_OR_RETURN(Expr right, multiplicative());
    left = binary(text, std::move(left), std::move(right), span);
  }
  return left;
}

Result<Expr> ExpressionParser::multiplicative() {
  DDB_ASSIGN_OR_RETURN(Expr left, unary());
  while (is_operator("*") || is_operator("/") || is_operator("%")) {
    const Token& op = next();
    const std::string text = op.text;
    const SourceSpan span = op.span;
    DDB_RETURN_IF_ERROR(right_hand_side());
    DDB_ASSIGN_OR_RETURN(Expr right, unary());
    left = binary(text, std::move(left), std::move(right), span);
  }
  return left;
}

Result<Expr> ExpressionParser::unary() {
  if (!is_operator("-") && !is_operator("+")) {
    return postfix();
  }
  const Token& sign = next();
  const std::string text = sign.text;
  const SourceSpan span = sign.span;
  if (at_end()) {
    return malformed(kUnexpectedTerm);
  }
  if (peek().kind == TokenKind::kNumber) {
    DDB_ASSIGN_OR_RETURN(Expr number, postfix());
    if (text == "-" && number.kind == Expr::Kind::kNumber) {
      number.text.insert(0, "-");
    }
    return number;
  }
  if (is_operator("-") || is_operator("+")) {
    return malformed("Unexpected operator");
  }
  Expr e;
  e.kind = Expr::Kind::kUnary;
  e.text = text;
  e.span = span;
  DDB_ASSIGN_OR_RETURN(Expr operand, postfix());
  e.children.push_back(std::move(operand));
  return e;
}

Result<Expr> ExpressionParser::postfix() {
  DDB_ASSIGN_OR_RETURN(Expr e, term());
  while (peek().kind == TokenKind::kDot || peek().kind == TokenKind::kLeftBracket) {
    if (e.kind != Expr::Kind::kPath) {
      return malformed("Unexpected token after expression");
    }
    DDB_ASSIGN_OR_RETURN(PathStep step, path_step());
    e.steps.push_back(std::move(step));
  }
  return e;
}

Result<PathStep> ExpressionParser::path_step() {
  PathStep step;
  if (accept(TokenKind::kDot)) {
    step.span = peek().span;
    if (is_operator("*")) {
      next();
      step.kind = PathStep::Kind::kUnpivot;
      return step;
    }
    if (peek().kind != TokenKind::kIdentifier && peek().kind != TokenKind::kQuotedIdentifier) {
      return malformed("Invalid path dot component");
    }
    step.text = next().text;
    return step;
  }
  next();  // [
  step.span = peek().span;
  if (is_operator("*")) {
    next();
    step.kind = PathStep::Kind::kWildcard;
  } else if (peek().kind == TokenKind::kString) {
    step.text = next().text;
  } else if (peek().kind == TokenKind::kNumber || is_operator("-")) {
    DDB_ASSIGN_OR_RETURN(Expr index, expr());
    step.kind =
        index.kind == Expr::Kind::kNumber ? PathStep::Kind::kIndex : PathStep::Kind::kUnsupported;
    step.text = index.text;
    step.span = index.span;
  } else {
    if (peek().kind == TokenKind::kRightBracket) {
      return malformed(kUnexpectedTerm);
    }
    DDB_ASSIGN_OR_RETURN(Expr index, expr());
    step.kind = PathStep::Kind::kUnsupported;
    step.span = index.span;
  }
  DDB_RETURN_IF_ERROR(expect(TokenKind::kRightBracket, "Expected right bracket"));
  return step;
}

Result<Expr> ExpressionParser::term() {
  const Token& token = peek();
  Expr e;
  e.span = token.span;
  switch (token.kind) {
    case TokenKind::kString:
      e.kind = Expr::Kind::kString;
      e.text = next().text;
      return e;
    case TokenKind::kNumber:
      e.kind = Expr::Kind::kNumber;
      e.text = next().text;
      return e;
    case TokenKind::kIonLiteral:
      e.kind = Expr::Kind::kIonLiteral;
      e.text = next().text;
      return e;
    case TokenKind::kParameter:
      next();
      e.kind = Expr::Kind::kParameter;
      e.parameter = parameters_++;
      return e;
    case TokenKind::kIdentifier:
    case TokenKind::kQuotedIdentifier:
      return name_term();
    case TokenKind::kKeyword:
      return keyword_term();
    case TokenKind::kLeftParen:
      return parenthesized();
    case TokenKind::kLeftBracket:
      return collection(Expr::Kind::kList, TokenKind::kRightBracket);
    case TokenKind::kLeftBag:
      return collection(Expr::Kind::kBag, TokenKind::kRightBag);
    case TokenKind::kLeftBrace:
      return tuple();
    case TokenKind::kOperator:
      if (token.text == "@") {
        next();
        return name_term();
      }
      return unexpected(token);
    default:
      return unexpected(token);
  }
}

Result<Expr> ExpressionParser::name_term() {
  const Token& token = peek();
  if (token.kind != TokenKind::kIdentifier && token.kind != TokenKind::kQuotedIdentifier) {
    return unexpected(token);
  }
  Expr e;
  e.span = token.span;
  const bool bare = token.kind == TokenKind::kIdentifier;
  e.text = next().text;
  if (bare && peek().kind == TokenKind::kLeftParen) {
    return call(std::move(e));
  }
  e.kind = Expr::Kind::kPath;
  return e;
}

Result<Expr> ExpressionParser::call(Expr e) {
  e.kind = Expr::Kind::kCall;
  e.text = lower_case(e.text);
  next();  // (
  if (e.text == "count" && is_operator("*")) {
    next();
    DDB_RETURN_IF_ERROR(expect(TokenKind::kRightParen, "Expected right parenthesis"));
    return e;
  }
  DDB_RETURN_IF_ERROR(elements(e.children, TokenKind::kRightParen));
  return e;
}

Result<Expr> ExpressionParser::keyword_term() {
  const Token& token = peek();
  Expr e;
  e.span = token.span;
  if (token.text == "true" || token.text == "false") {
    e.kind = Expr::Kind::kBool;
    e.text = next().text;
    return e;
  }
  if (token.text == "null" || token.text == "missing") {
    e.kind = token.text == "null" ? Expr::Kind::kNull : Expr::Kind::kMissing;
    e.text = next().text;
    return e;
  }
  if (contains(kFunctionKeywords, token.text) && peek(1).kind == TokenKind::kLeftParen) {
    e.text = next().text;
    return call(std::move(e));
  }
  if (token.text == "select") {
    return malformed("Unexpected keyword");
  }
  return unexpected(token);
}

Result<Expr> ExpressionParser::parenthesized() {
  const SourceSpan span = next().span;
  if (++depth_ > kMaxNesting) {
    return malformed("Statement is nested too deeply");
  }
  if (at_end()) {
    return malformed(kUnexpectedTerm);
  }
  DDB_ASSIGN_OR_RETURN(Expr inner, expr());
  --depth_;
  if (peek().kind == TokenKind::kComma) {
    Expr list;
    list.kind = Expr::Kind::kList;
    list.span = span;
    list.children.push_back(std::move(inner));
    next();
    DDB_RETURN_IF_ERROR(elements(list.children, TokenKind::kRightParen));
    return list;
  }
  DDB_RETURN_IF_ERROR(expect(TokenKind::kRightParen, "Expected right parenthesis"));
  return inner;
}

Result<void> ExpressionParser::elements(std::vector<Expr>& into, TokenKind close) {
  if (accept(close)) {
    return {};
  }
  for (;;) {
    if (at_end()) {
      return malformed(kUnexpectedTerm);
    }
    DDB_ASSIGN_OR_RETURN(Expr element, expr());
    into.push_back(std::move(element));
    if (accept(close)) {
      return {};
    }
    if (!accept(TokenKind::kComma)) {
      return at_end() ? malformed(kUnexpectedTerm) : malformed("Expected argument delimiter");
    }
  }
}

Result<Expr> ExpressionParser::collection(Expr::Kind kind, TokenKind close) {
  Expr e;
  e.kind = kind;
  e.span = next().span;
  if (++depth_ > kMaxNesting) {
    return malformed("Statement is nested too deeply");
  }
  DDB_RETURN_IF_ERROR(elements(e.children, close));
  --depth_;
  return e;
}

Result<Expr> ExpressionParser::tuple() {
  Expr e;
  e.kind = Expr::Kind::kTuple;
  e.span = next().span;
  if (++depth_ > kMaxNesting) {
    return malformed("Statement is nested too deeply");
  }
  if (accept(TokenKind::kRightBrace)) {
    --depth_;
    return e;
  }
  for (;;) {
    if (at_end()) {
      return malformed(kUnexpectedTerm);
    }
    DDB_ASSIGN_OR_RETURN(Expr key, expr());
    DDB_RETURN_IF_ERROR(expect(TokenKind::kColon, "Expected colon"));
    if (at_end()) {
      return malformed(kUnexpectedTerm);
    }
    DDB_ASSIGN_OR_RETURN(Expr value, expr());
    e.children.push_back(std::move(key));
    e.children.push_back(std::move(value));
    if (accept(TokenKind::kRightBrace)) {
      --depth_;
      return e;
    }
    if (!accept(TokenKind::kComma)) {
      return at_end() ? malformed(kUnexpectedTerm) : malformed("Expected argument delimiter");
    }
  }
}

}  // namespace ddblocal::partiql
