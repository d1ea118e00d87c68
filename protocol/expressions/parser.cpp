// A recursive-descent parser for DynamoDB's expression grammar that reports errors exactly where
// DynamoDB's own parser (an ANTLR one, embedded in DynamoDB Local) does. Three things decide that:
//  - Where a choice between alternatives needs lookahead, ANTLR reads ahead until one alternative
//    is left, or none (a syntax error at the token where the last ones died). `scan` does the
//    same: it tries each alternative without side effects and keeps where each one failed.
//  - "The expression has redundant parentheses" is checked while parsing, as soon as the outer
//    ")" of "((...))" is read, so it wins over a syntax error further on, but only once the
//    lookahead has committed to the alternative.
//  - Every other check on the text alone (function names and where they may appear, reserved
//    words, list indexes, repeated update clauses) runs over the finished tree, in text order:
//    the parser notes the first of them and reports it only when the whole text parsed.
#include "protocol/expressions/parser.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/expressions/lexer.h"
#include "protocol/expressions/reserved_words.h"

namespace ddblocal::expr {
namespace {

// DynamoDB's limit on an expression, in UTF-16 code units ("Expression parameters" in the
// Developer Guide's limits page says 4 KB).
constexpr std::size_t kMaxExpressionLength = 4096;
// A list index must fit a signed 32-bit integer.
constexpr std::uint64_t kMaxListIndex = 2147483647;
// Parentheses and function calls nest at most this deep. An expression DynamoDB accepts nests
// far less (it allows 300 operators, and two parentheses with no operator between them are
// "redundant"); the limit only keeps absurd input from exhausting the stack.
constexpr int kMaxNesting = 400;

ApiError invalid(ExpressionKind kind, std::string_view detail) {
  return ApiError::validation("Invalid " + std::string(expression_name(kind)) + ": " +
                              std::string(detail));
}

constexpr std::array<std::pair<TokenKind, CompareOp>, 6> kComparators = {{
    {TokenKind::kEq, CompareOp::kEq},
    {TokenKind::kNe, CompareOp::kNe},
    {TokenKind::kLt, CompareOp::kLt},
    {TokenKind::kLe, CompareOp::kLe},
    {TokenKind::kGt, CompareOp::kGt},
    {TokenKind::kGe, CompareOp::kGe},
}};

// The comparison a comparator token names, if it is one.
std::optional<CompareOp> comparator(TokenKind kind) {
  for (const auto& [token, op] : kComparators) {
    if (token == kind) {
      return op;
    }
  }
  return std::nullopt;
}

// A token that can follow the first operand of a condition: a comparator, IN or BETWEEN.
bool continues_operand_condition(TokenKind kind) {
  return comparator(kind) || kind == TokenKind::kIn || kind == TokenKind::kBetween;
}

bool is_id(TokenKind kind) {
  return kind == TokenKind::kName || kind == TokenKind::kNamePlaceholder;
}

// Joins operands into a right-leaning tree, as DynamoDB's grammar declares AND and OR
// right-associative.
Condition fold_right(Logical::Op op, std::vector<Condition> operands) {
  Condition result = std::move(operands.back());
  for (std::size_t i = operands.size() - 1; i-- > 0;) {
    Logical node{op, {}};
    node.operands.push_back(std::move(operands[i]));
    node.operands.push_back(std::move(result));
    result = Condition{std::move(node)};
  }
  return result;
}

class Parser {
 public:
  Parser(std::string_view text, ExpressionKind kind)
      : text_(text), kind_(kind), tokens_(tokenize(text)) {}

  // condition EOF
  bool condition(Condition& out) {
    bool grouped = false;
    return logical(Logical::Op::kOr, out, grouped) && expect(TokenKind::kEnd);
  }

  // (SET ... | REMOVE ... | ADD ... | DELETE ...)+ EOF
  bool update(UpdateExpression& out) {
    if (!is_clause(peek().kind)) {
      return fail(pos_);
    }
    while (is_clause(peek().kind)) {
      if (!update_clause(out)) {
        return false;
      }
    }
    return expect(TokenKind::kEnd);
  }

  // path (',' path)* EOF
  bool projection(Projection& out) {
    do {
      if (!parse_path(out.paths.emplace_back())) {
        return false;
      }
    } while (accept(TokenKind::kComma));
    return expect(TokenKind::kEnd);
  }

  // What a failed parse reports: a check made while parsing, else the syntax error.
  ApiError failure() const { return error_ ? *error_ : syntax_error(fail_at_); }
  // The first check on the parsed tree that failed, if any.
  const std::optional<ApiError>& tree_error() const { return tree_error_; }

 private:
  // Where an alternative tried by `scan` ended (ok) or failed.
  struct Scan {
    bool ok = false;
    std::size_t at = 0;
  };
  enum class Rule : std::uint8_t { kOperand, kGrouping, kArithmeticParens };

  const Token& token(std::size_t i) const { return tokens_[std::min(i, tokens_.size() - 1)]; }
  const Token& peek(std::size_t ahead = 0) const { return token(pos_ + ahead); }
  bool accept(TokenKind kind) {
    if (peek().kind != kind) {
      return false;
    }
    ++pos_;
    return true;
  }
  bool expect(TokenKind kind) { return accept(kind) || fail(pos_); }
  bool fail(std::size_t at) {
    fail_at_ = at;
    return false;
  }
  bool speculating() const { return speculating_ > 0; }

  // DynamoDB's syntax error names the token it could not use and quotes the text from the token
  // before it to the token after it, white space included.
  ApiError syntax_error(std::size_t at) const {
    const Token& bad = token(at);
    std::size_t begin = at > 0 ? token(at - 1).begin : 0;
    bool last = bad.kind == TokenKind::kEnd || token(at + 1).kind == TokenKind::kEnd;
    std::size_t end = last ? text_.size() : token(at + 1).end;
    std::string shown = bad.kind == TokenKind::kEnd ? "<EOF>" : std::string(bad.text);
    return invalid(kind_, "Syntax error; token: \"" + shown + "\", near: \"" +
                              std::string(text_.substr(begin, end - begin)) + "\"");
  }

  // Tries `rule` at token `at` without consuming anything or reporting redundant parentheses;
  // results are memoized, which keeps nested lookahead linear.
  Scan scan(Rule rule, std::size_t at) {
    auto [found, inserted] = scans_.try_emplace({rule, at});
    if (!inserted) {
      return found->second;
    }
    const std::size_t saved_pos = pos_;
    const int saved_nesting = nesting_;
    const int saved_context = context_;
    pos_ = at;
    ++speculating_;
    Operand operand;
    Condition condition;
    bool grouped = false;
    bool ok = rule == Rule::kOperand    ? parse_operand(operand)
              : rule == Rule::kGrouping ? grouping(condition, grouped)
                                        : arithmetic_parens(operand);
    --speculating_;
    found->second = {ok, ok ? pos_ : fail_at_};
    pos_ = saved_pos;
    nesting_ = saved_nesting;
    context_ = saved_context;
    return found->second;
  }

  // Both "( ... )" rules and function calls nest through here. Beyond the limit no expression is
  // valid; DynamoDB would report the doubled parentheses, or else the operators such nesting
  // needs (it allows 300).
  bool enter_nesting() {
    if (++nesting_ <= kMaxNesting) {
      return true;
    }
    // The "(" just read is token pos_ - 1; what matters is the token before it.
    return parse_error(pos_ > 1 && token(pos_ - 2).kind == TokenKind::kLeftParen
                           ? "The expression has redundant parentheses;"
                           : "The expression contains too many operators; operator count: 301");
  }

  // A check made while parsing: it stops the parse, speculative or not.
  bool parse_error(std::string_view detail) {
    error_ = invalid(kind_, detail);
    return false;
  }
  // Closes a "( ... )" whose content was itself parenthesized or not.
  bool close_parentheses(bool doubled) {
    if (!expect(TokenKind::kRightParen)) {
      return false;
    }
    --nesting_;
    return !doubled || speculating() || parse_error("The expression has redundant parentheses;");
  }
  // A check on the tree: the first one, in text order, is reported if the text parses.
  void tree_check(std::string detail) {
    if (!speculating() && !tree_error_) {
      tree_error_ = invalid(kind_, detail);
    }
  }

  // OR over ANDs over unary conditions. `grouped` is set when the whole condition is one
  // parenthesized condition, which is what a second pair of parentheses makes redundant.
  bool logical(Logical::Op op, Condition& out, bool& grouped) {
    TokenKind keyword = op == Logical::Op::kOr ? TokenKind::kOr : TokenKind::kAnd;
    auto operand = [&](Condition& c, bool& g) {
      return op == Logical::Op::kOr ? logical(Logical::Op::kAnd, c, g) : unary_condition(c, g);
    };
    std::vector<Condition> operands(1);
    if (!operand(operands.back(), grouped)) {
      return false;
    }
    for (bool ignored = false; accept(keyword); grouped = false) {
      if (!operand(operands.emplace_back(), ignored)) {
        return false;
      }
    }
    out = fold_right(op, std::move(operands));
    return true;
  }

  // NOT binds tighter than AND and OR; a chain of NOTs is read in a loop so that it costs no
  // stack.
  bool unary_condition(Condition& out, bool& grouped) {
    std::size_t nots = 0;
    while (accept(TokenKind::kNot)) {
      ++nots;
    }
    if (!primary_condition(out, grouped)) {
      return false;
    }
    for (; nots > 0; --nots, grouped = false) {
      Logical node{Logical::Op::kNot, {}};
      node.operands.push_back(std::move(out));
      out = Condition{std::move(node)};
    }
    return true;
  }

  // A comparison, IN, BETWEEN, a function, or a parenthesized condition. Which one is known only
  // after the first operand (or the parentheses) has been read.
  bool primary_condition(Condition& out, bool& grouped) {
    grouped = false;
    const std::size_t start = pos_;
    const TokenKind first = peek().kind;
    if (first != TokenKind::kLeftParen && !is_id(first) && first != TokenKind::kValuePlaceholder) {
      return fail(start);
    }
    Scan operand = scan(Rule::kOperand, start);
    if (error_) {
      return false;
    }
    if (operand.ok && continues_operand_condition(token(operand.at).kind)) {
      return operand_condition(out);
    }
    if (first == TokenKind::kLeftParen) {
      // The operand alternatives died at `operand.at`; the grouping wins if it got further, or
      // if it is complete (ANTLR then takes the one alternative that finished its rule).
      Scan group = scan(Rule::kGrouping, start);
      if (error_ || group.ok || group.at > operand.at) {
        return !error_ && grouping(out, grouped);
      }
      return fail(std::max(operand.at, group.at));
    }
    if (operand.ok && first == TokenKind::kName && token(start + 1).kind == TokenKind::kLeftParen) {
      FunctionCondition node;
      if (!function_call(node.name, node.arguments)) {
        return false;
      }
      out = Condition{std::move(node)};
      return true;
    }
    return fail(operand.at);
  }

  // operand (comparator operand | IN '(' operand (',' operand)* ')' | BETWEEN operand AND operand)
  bool operand_condition(Condition& out) {
    ++context_;
    Operand first;
    if (!parse_operand(first)) {
      return false;
    }
    TokenKind op = token(pos_++).kind;
    if (auto compare = comparator(op)) {
      Comparison node{*compare, std::move(first), {}};
      if (!parse_operand(node.right)) {
        return false;
      }
      out = Condition{std::move(node)};
    } else if (op == TokenKind::kIn) {
      In node{std::move(first), {}};
      if (!expect(TokenKind::kLeftParen)) {
        return false;
      }
      do {
        if (!parse_operand(node.candidates.emplace_back())) {
          return false;
        }
      } while (accept(TokenKind::kComma));
      if (!expect(TokenKind::kRightParen)) {
        return false;
      }
      out = Condition{std::move(node)};
    } else {
      Between node{std::move(first), {}, {}};
      if (!parse_operand(node.low) || !expect(TokenKind::kAnd) || !parse_operand(node.high)) {
        return false;
      }
      out = Condition{std::move(node)};
    }
    --context_;
    return true;
  }

  // '(' condition ')'
  bool grouping(Condition& out, bool& grouped) {
    ++pos_;
    bool inner_grouped = false;
    grouped = true;
    return enter_nesting() && logical(Logical::Op::kOr, out, inner_grouped) &&
           close_parentheses(inner_grouped);
  }

  // ID '(' operand (',' operand)* ')'. The checks DynamoDB makes on entering a call: the name,
  // then whether this kind of expression allows the function, then whether it may appear here.
  bool function_call(std::string& name, std::vector<Operand>& arguments) {
    name = std::string(peek().text);
    check_function(name);
    pos_ += 2;
    if (!enter_nesting()) {
      return false;
    }
    ++context_;
    do {
      if (!parse_operand(arguments.emplace_back())) {
        return false;
      }
    } while (accept(TokenKind::kComma));
    --context_;
    return close_parentheses(false);
  }

  void check_function(const std::string& name) {
    static constexpr std::array<std::string_view, 6> kConditionFunctions = {
        "attribute_exists", "attribute_not_exists",
        "attribute_type",   "begins_with",
        "contains",         "size"};
    bool in_condition = std::find(kConditionFunctions.begin(), kConditionFunctions.end(), name) !=
                        kConditionFunctions.end();
    if (!in_condition && name != "if_not_exists" && name != "list_append") {
      return tree_check("Invalid function name; function: " + name);
    }
    bool in_update = kind_ == ExpressionKind::kUpdate;
    if (in_condition == in_update) {
      return tree_check(std::string("The function is not allowed in ") +
                        (in_update ? "an update" : "a condition") +
                        " expression; function: " + name);
    }
    // Inside an operator or another call only size (conditions) and if_not_exists (updates)
    // may appear; at the top of a condition, only the functions that are conditions.
    bool nestable = name == (in_update ? "if_not_exists" : "size");
    if (context_ > 0 ? !nestable : !in_update && name == "size") {
      tree_check("The function is not allowed to be used this way in an expression; function: " +
                 name);
    }
  }

  // path | :value | function call | '(' operand ')'. `parenthesized` tells the caller whether a
  // pair of parentheses around it would be redundant.
  bool parse_operand(Operand& out, bool* parenthesized = nullptr) {
    const TokenKind first = peek().kind;
    if (parenthesized != nullptr) {
      *parenthesized = first == TokenKind::kLeftParen;
    }
    if (first == TokenKind::kLeftParen) {
      ++pos_;
      bool doubled = false;
      return enter_nesting() && parse_operand(out, &doubled) && close_parentheses(doubled);
    }
    if (first == TokenKind::kName && peek(1).kind == TokenKind::kLeftParen) {
      FunctionCall call;
      if (!function_call(call.name, call.arguments)) {
        return false;
      }
      out = Operand{std::move(call)};
      return true;
    }
    if (first == TokenKind::kValuePlaceholder) {
      out = Operand{ValueRef{std::string(token(pos_++).text), {}}};
      return true;
    }
    Path path;
    if (!parse_path(path)) {
      return false;
    }
    out = Operand{std::move(path)};
    return true;
  }

  // id ('.' id | '.' :value | '[' INDEX ']')*. DynamoDB's grammar takes ":value" after a dot (it
  // then fails to resolve it); the name of such an element keeps the ":".
  bool parse_path(Path& out) {
    if (!path_name(out, false)) {
      return false;
    }
    while (true) {
      if (accept(TokenKind::kDot)) {
        if (!path_name(out, true)) {
          return false;
        }
      } else if (accept(TokenKind::kLeftBracket)) {
        if (peek().kind != TokenKind::kIndex) {
          return fail(pos_);
        }
        std::string_view digits = token(pos_++).text;
        if (!expect(TokenKind::kRightBracket)) {
          return false;
        }
        out.elements.push_back({PathElement::Kind::kIndex, {}, {}, list_index(digits)});
      } else {
        return true;
      }
    }
  }

  bool path_name(Path& out, bool after_dot) {
    const Token& name = peek();
    if (!is_id(name.kind) && !(after_dot && name.kind == TokenKind::kValuePlaceholder)) {
      return fail(pos_);
    }
    if (name.kind == TokenKind::kName && is_reserved_word(name.text)) {
      tree_check("Attribute name is a reserved keyword; reserved keyword: " +
                 std::string(name.text));
    }
    out.elements.push_back({PathElement::Kind::kName, std::string(name.text), {}, 0});
    ++pos_;
    return true;
  }

  std::uint32_t list_index(std::string_view digits) {
    std::uint64_t value = 0;
    for (char digit : digits) {
      value = value * 10 + static_cast<std::uint64_t>(digit - '0');
      if (value > kMaxListIndex) {
        tree_check("List index is not within the allowable range; index: [" + std::string(digits) +
                   "]");
        return 0;
      }
    }
    return static_cast<std::uint32_t>(value);
  }

  static bool is_clause(TokenKind kind) {
    return kind == TokenKind::kSet || kind == TokenKind::kRemove || kind == TokenKind::kAdd ||
           kind == TokenKind::kDelete;
  }

  // One clause and its comma-separated actions. A clause used twice is reported once the second
  // one has been read.
  bool update_clause(UpdateExpression& out) {
    TokenKind keyword = token(pos_++).kind;
    do {
      if (!update_action(keyword, out)) {
        return false;
      }
    } while (accept(TokenKind::kComma));
    static constexpr std::array<std::pair<TokenKind, std::string_view>, 4> kClauses = {{
        {TokenKind::kSet, "SET"},
        {TokenKind::kRemove, "REMOVE"},
        {TokenKind::kAdd, "ADD"},
        {TokenKind::kDelete, "DELETE"},
    }};
    std::size_t index = 0;
    while (kClauses[index].first != keyword) {
      ++index;
    }
    auto clause = static_cast<UpdateClause>(index);
    if (std::find(out.clause_order.begin(), out.clause_order.end(), clause) !=
        out.clause_order.end()) {
      tree_check("The \"" + std::string(kClauses[index].second) +
                 "\" section can only be used once in an update expression;");
    } else {
      out.clause_order.push_back(clause);
    }
    return true;
  }

  // SET path = value | REMOVE path | ADD path :value | DELETE path :value
  bool update_action(TokenKind keyword, UpdateExpression& out) {
    Path path;
    if (!parse_path(path)) {
      return false;
    }
    if (keyword == TokenKind::kRemove) {
      out.remove.push_back({std::move(path)});
      return true;
    }
    if (keyword == TokenKind::kSet) {
      Operand value;
      if (!expect(TokenKind::kEq) || !set_value(value)) {
        return false;
      }
      out.set.push_back({std::move(path), std::move(value)});
      return true;
    }
    if (peek().kind != TokenKind::kValuePlaceholder) {
      return fail(pos_);
    }
    ValueRef value{std::string(token(pos_++).text), {}};
    if (keyword == TokenKind::kAdd) {
      out.add.push_back({std::move(path), std::move(value)});
    } else {
      out.del.push_back({std::move(path), std::move(value)});
    }
    return true;
  }

  // set_value: operand | arithmetic; arithmetic: operand ('+'|'-') operand | '(' arithmetic ')'.
  // `parenthesized` (for arithmetic) tells whether parentheses around it would be redundant.
  bool value_or_arithmetic(Operand& out, bool arithmetic_only, bool* parenthesized = nullptr) {
    const std::size_t start = pos_;
    const bool paren = peek().kind == TokenKind::kLeftParen;
    if (parenthesized != nullptr) {
      *parenthesized = false;
    }
    if (arithmetic_only && !paren) {
      return plus_minus(out);
    }
    Scan operand = scan(Rule::kOperand, start);
    if (error_) {
      return false;
    }
    bool plus = operand.ok && is_plus_minus(token(operand.at).kind);
    if (plus || (operand.ok && !arithmetic_only)) {
      return plus ? plus_minus(out) : parse_operand(out);
    }
    // The operand alternatives died at `operand.at`: '(' arithmetic ')' if it gets further.
    if (!paren) {
      return fail(operand.at);
    }
    Scan parens = scan(Rule::kArithmeticParens, start);
    if (!error_ && !parens.ok && parens.at <= operand.at) {
      return fail(std::max(parens.at, operand.at));
    }
    if (parenthesized != nullptr) {
      *parenthesized = true;
    }
    return !error_ && arithmetic_parens(out);
  }
  bool set_value(Operand& out) { return value_or_arithmetic(out, false); }

  bool arithmetic_parens(Operand& out) {
    bool doubled = false;
    return expect(TokenKind::kLeftParen) && enter_nesting() &&
           value_or_arithmetic(out, true, &doubled) && close_parentheses(doubled);
  }

  static bool is_plus_minus(TokenKind kind) {
    return kind == TokenKind::kPlus || kind == TokenKind::kMinus;
  }

  bool plus_minus(Operand& out) {
    ++context_;
    Arithmetic node;
    node.operands.resize(2);
    if (!parse_operand(node.operands[0])) {
      return false;
    }
    if (!is_plus_minus(peek().kind)) {
      return fail(pos_);
    }
    node.op = token(pos_++).kind == TokenKind::kPlus ? '+' : '-';
    if (!parse_operand(node.operands[1])) {
      return false;
    }
    --context_;
    out = Operand{std::move(node)};
    return true;
  }

  std::string_view text_;
  ExpressionKind kind_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  std::size_t fail_at_ = 0;
  int speculating_ = 0;
  int nesting_ = 0;
  // How many operators and calls enclose the current token: what DynamoDB calls the nesting
  // level when it decides where a function may appear.
  int context_ = 0;
  std::optional<ApiError> error_;
  std::optional<ApiError> tree_error_;
  std::map<std::pair<Rule, std::size_t>, Scan> scans_;
};

// The checks before parsing: empty text, then size.
Result<void> check_text(std::string_view text, ExpressionKind kind) {
  if (text.empty()) {
    return invalid(kind, "The expression can not be empty;");
  }
  std::size_t length = to_utf16(text).size();
  if (length <= kMaxExpressionLength) {
    return {};
  }
  std::string detail = "Expression size has exceeded the maximum allowed size;";
  // Only the condition-like expressions say how large they were.
  if (kind != ExpressionKind::kUpdate && kind != ExpressionKind::kProjection) {
    detail += " expression size: " + std::to_string(length);
  }
  return invalid(kind, detail);
}

template <typename Tree, typename Rule>
Result<Tree> parse(std::string_view text, ExpressionKind kind, Rule rule) {
  DDB_RETURN_IF_ERROR(check_text(text, kind));
  Parser parser(text, kind);
  Tree tree;
  if (!rule(parser, tree)) {
    return parser.failure();
  }
  if (parser.tree_error()) {
    return *parser.tree_error();
  }
  return tree;
}

}  // namespace

std::string_view expression_name(ExpressionKind kind) {
  switch (kind) {
    case ExpressionKind::kCondition:
      return "ConditionExpression";
    case ExpressionKind::kFilter:
      return "FilterExpression";
    case ExpressionKind::kKeyCondition:
      return "KeyConditionExpression";
    case ExpressionKind::kUpdate:
      return "UpdateExpression";
    case ExpressionKind::kProjection:
      return "ProjectionExpression";
    case ExpressionKind::kStatement:
      return "Statement";
  }
  return "ConditionExpression";
}

Result<Condition> parse_condition(std::string_view text, ExpressionKind kind) {
  return parse<Condition>(text, kind, [](Parser& p, Condition& out) { return p.condition(out); });
}

Result<UpdateExpression> parse_update(std::string_view text) {
  return parse<UpdateExpression>(text, ExpressionKind::kUpdate,
                                 [](Parser& p, UpdateExpression& out) { return p.update(out); });
}

Result<Projection> parse_projection(std::string_view text) {
  return parse<Projection>(text, ExpressionKind::kProjection,
                           [](Parser& p, Projection& out) { return p.projection(out); });
}

}  // namespace ddblocal::expr
