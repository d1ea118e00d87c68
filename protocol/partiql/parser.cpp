// The statement grammar of DynamoDB's PartiQL: SELECT, INSERT, UPDATE (and its FROM-first form),
// DELETE and EXISTS(SELECT ...), on the expression grammar of expression_parser.h. Syntax errors
// carry the detail DynamoDB gives for the same mistake (recorded against AWS, see
// /work/notes/partiql.md); the forms its PartiQL refuses get its messages.
#include "protocol/partiql/parser.h"

#include <utility>

#include "protocol/partiql/expression_parser.h"

namespace ddblocal::partiql {
namespace {

class StatementParser : public ExpressionParser {
 public:
  using ExpressionParser::ExpressionParser;

  Result<Statement> statement() {
    Statement result;
    const Token& first = peek();
    if (is_keyword("select")) {
      DDB_ASSIGN_OR_RETURN(auto select, select_statement());
      result.node = std::move(select);
    } else if (is_keyword("insert")) {
      DDB_ASSIGN_OR_RETURN(auto insert, insert_statement());
      result.node = std::move(insert);
    } else if (is_keyword("update")) {
      DDB_ASSIGN_OR_RETURN(auto update, update_statement());
      result.node = std::move(update);
    } else if (is_keyword("from")) {
      DDB_ASSIGN_OR_RETURN(auto update, from_first_update());
      result.node = std::move(update);
    } else if (is_keyword("delete")) {
      DDB_ASSIGN_OR_RETURN(auto del, delete_statement());
      result.node = std::move(del);
    } else if (is_keyword("exists") && peek(1).kind == TokenKind::kLeftParen &&
               peek(2).kind == TokenKind::kKeyword && peek(2).text == "select") {
      DDB_ASSIGN_OR_RETURN(auto exists, exists_statement());
      result.node = std::move(exists);
    } else {
      return unsupported_statement(first);
    }
    DDB_RETURN_IF_ERROR(finish());
    result.parameter_count = parameter_count();
    return result;
  }

 private:
  // ---- statements ----

  // A statement that starts with no DML keyword: DDL, or an expression DynamoDB does not run.
  Result<Statement> unsupported_statement(const Token& first) {
    if (first.kind == TokenKind::kKeyword && (first.text == "create" || first.text == "drop")) {
      const bool index = is_keyword("index", 1);
      if (index || is_keyword("table", 1)) {
        return ApiError::validation(std::string("Unsupported operation: ") +
                                    (first.text == "create" ? "Create" : "Drop") +
                                    (index ? "Index" : "Table"));
      }
    }
    Result<Expr> expression = expr();
    if (!expression || !finish()) {
      return malformed("Expected data manipulation");
    }
    return ApiError::validation("Unsupported operation: " + node_name(*expression));
  }

  // The name DynamoDB gives an expression it will not run as a statement.
  static std::string node_name(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::kPath:
        return e.steps.empty() ? "Id" : "Path";
      case Expr::Kind::kParameter:
        return "Parameter";
      case Expr::Kind::kCall:
        return "Call";
      case Expr::Kind::kIs:
        return "IsType";
      case Expr::Kind::kTuple:
        return "Struct";
      case Expr::Kind::kList:
        return "List";
      case Expr::Kind::kBag:
        return "Bag";
      case Expr::Kind::kMissing:
        return "Missing";
      case Expr::Kind::kIn:
        return "InCollection";
      case Expr::Kind::kBetween:
        return "Between";
      case Expr::Kind::kUnary:
      case Expr::Kind::kBinary:
        return "NAry";
      default:
        return "Lit";
    }
  }

  Result<SelectStatement> select_statement() {
    next();  // SELECT
    SelectStatement select;
    if (is_keyword("value") || is_keyword("pivot")) {
      return ApiError::validation("Select projection doesn't support value or pivot keywords");
    }
    if (is_keyword("all") || is_keyword("distinct")) {
      return malformed("Unexpected keyword");
    }
    if (is_operator("*")) {
      next();
      select.star = true;
      if (peek().kind == TokenKind::kComma) {
        return ApiError::validation(
            "Other attributes should not be present in the projection when '*' is used.");
      }
    } else {
      DDB_RETURN_IF_ERROR(projection_list(select.projection));
    }
    if (!accept_keyword("from")) {
      return at_end() ? malformed("Missing FROM after SELECT list") : unexpected(peek());
    }
    if (at_end()) {
      return malformed(kUnexpectedTerm);
    }
    DDB_ASSIGN_OR_RETURN(select.from, table_name());
    DDB_RETURN_IF_ERROR(no_alias());
    if (peek().kind == TokenKind::kComma || is_keyword("join") || is_keyword("inner") ||
        is_keyword("cross") || is_keyword("left") || is_keyword("right") || is_keyword("full") ||
        is_keyword("outer")) {
      return ApiError::validation("Only select from a single table or index is supported.");
    }
    if (accept_keyword("where")) {
      DDB_ASSIGN_OR_RETURN(select.where, expr());
    }
    DDB_RETURN_IF_ERROR(unsupported_clauses());
    if (accept_keyword("order")) {
      DDB_RETURN_IF_ERROR(expect_keyword("by", "Expected BY"));
      DDB_RETURN_IF_ERROR(order_keys(select.order_by));
    }
    DDB_RETURN_IF_ERROR(unsupported_clauses());
    return select;
  }

  Result<void> projection_list(std::vector<Expr>& projection) {
    for (;;) {
      DDB_ASSIGN_OR_RETURN(Expr item, expr());
      if (is_keyword("as") ||
          (peek().kind == TokenKind::kIdentifier || peek().kind == TokenKind::kQuotedIdentifier)) {
        return ApiError::validation("Aliasing is not supported");
      }
      projection.push_back(std::move(item));
      if (is_operator("*")) {
        return ApiError::validation(
            "Other attributes should not be present in the projection when '*' is used.");
      }
      if (!accept(TokenKind::kComma)) {
        return {};
      }
      if (is_operator("*")) {
        return ApiError::validation(
            "Other attributes should not be present in the projection when '*' is used.");
      }
    }
  }

  Result<void> order_keys(std::vector<OrderKey>& keys) {
    do {
      OrderKey key;
      DDB_ASSIGN_OR_RETURN(key.key, expr());
      if (accept_keyword("desc")) {
        key.descending = true;
      } else {
        accept_keyword("asc");
      }
      keys.push_back(std::move(key));
    } while (accept(TokenKind::kComma));
    return {};
  }

  // GROUP BY, HAVING, LIMIT and OFFSET parse, but DynamoDB runs none of them.
  Result<void> unsupported_clauses() {
    if (is_keyword("group") || is_keyword("having")) {
      return ApiError::validation(is_keyword("group") ? "Unsupported clause: GROUP BY"
                                                      : "Unsupported clause: HAVING");
    }
    if (is_keyword("limit") || (peek().kind == TokenKind::kIdentifier && peek().text == "OFFSET")) {
      const std::string clause = is_keyword("limit") ? "LIMIT" : "OFFSET";
      next();
      if (at_end()) {
        return malformed(kUnexpectedTerm);
      }
      DDB_ASSIGN_OR_RETURN(Expr argument, expr());
      return ApiError::validation("Unsupported clause: " + clause + at(argument.span));
    }
    return {};
  }

  Result<InsertStatement> insert_statement() {
    next();  // INSERT
    DDB_RETURN_IF_ERROR(expect_keyword("into", "Expected INTO"));
    InsertStatement insert;
    DDB_ASSIGN_OR_RETURN(insert.into, table_name());
    if (peek().kind == TokenKind::kLeftBag) {
      return ApiError::validation(
          "Unsupported operation: Inserting multiple items in a single statement is not "
          "supported, use \"INSERT INTO tableName VALUE item\" instead");
    }
    DDB_RETURN_IF_ERROR(expect_keyword("value", "Expected VALUE"));
    DDB_ASSIGN_OR_RETURN(insert.value, expr());
    if (is_keyword("returning")) {
      return ApiError::validation("RETURNING is not supported in INSERT");
    }
    return insert;
  }

  Result<UpdateStatement> update_statement() {
    next();  // UPDATE
    UpdateStatement update;
    DDB_ASSIGN_OR_RETURN(update.table, table_name());
    DDB_RETURN_IF_ERROR(no_alias());
    DDB_RETURN_IF_ERROR(update_actions(update.actions));
    if (accept_keyword("where")) {
      DDB_ASSIGN_OR_RETURN(update.where, expr());
    }
    DDB_ASSIGN_OR_RETURN(update.returning, returning());
    return update;
  }

  // FROM table [WHERE condition] SET ... | REMOVE ...: an UPDATE written the other way round.
  Result<UpdateStatement> from_first_update() {
    next();  // FROM
    UpdateStatement update;
    DDB_ASSIGN_OR_RETURN(update.table, table_name());
    DDB_RETURN_IF_ERROR(no_alias());
    if (accept_keyword("where")) {
      DDB_ASSIGN_OR_RETURN(update.where, expr());
    }
    DDB_RETURN_IF_ERROR(update_actions(update.actions));
    DDB_ASSIGN_OR_RETURN(update.returning, returning());
    return update;
  }

  // One or more SET and REMOVE clauses, each with one or more comma-separated actions.
  Result<void> update_actions(std::vector<UpdateAction>& actions) {
    if (!is_keyword("set") && !is_keyword("remove")) {
      return malformed("Expected data manipulation");
    }
    while (is_keyword("set") || is_keyword("remove")) {
      const bool remove = next().text == "remove";
      do {
        UpdateAction action;
        action.remove = remove;
        if (at_end()) {
          return malformed(remove ? kUnexpectedTerm : "Expected assignment for SET");
        }
        DDB_ASSIGN_OR_RETURN(action.target, postfix());
        if (!remove) {
          if (!is_operator("=")) {
            return malformed("Expected assignment for SET");
          }
          next();
          DDB_RETURN_IF_ERROR(right_hand_side());
          DDB_ASSIGN_OR_RETURN(action.value, expr());
        }
        actions.push_back(std::move(action));
      } while (accept(TokenKind::kComma));
    }
    return {};
  }

  Result<DeleteStatement> delete_statement() {
    next();  // DELETE
    DDB_RETURN_IF_ERROR(expect_keyword("from", "Expected FROM"));
    DeleteStatement del;
    DDB_ASSIGN_OR_RETURN(del.from, table_name());
    DDB_RETURN_IF_ERROR(no_alias());
    if (accept_keyword("where")) {
      DDB_ASSIGN_OR_RETURN(del.where, expr());
    }
    DDB_ASSIGN_OR_RETURN(del.returning, returning());
    if (del.returning != Returning::kNone && del.returning != Returning::kAllOld) {
      return ApiError::validation("Invalid returning clause: RETURNING " +
                                  std::string(returning_text(del.returning)) +
                                  ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }
    return del;
  }

  Result<ExistsStatement> exists_statement() {
    next();  // EXISTS
    next();  // (
    ExistsStatement exists;
    DDB_ASSIGN_OR_RETURN(exists.select, select_statement());
    DDB_RETURN_IF_ERROR(expect(TokenKind::kRightParen, "Expected right parenthesis"));
    return exists;
  }

  static std::string_view returning_text(Returning returning) {
    switch (returning) {
      case Returning::kAllOld:
        return "ALL OLD *";
      case Returning::kModifiedOld:
        return "MODIFIED OLD *";
      case Returning::kAllNew:
        return "ALL NEW *";
      case Returning::kModifiedNew:
        return "MODIFIED NEW *";
      case Returning::kNone:
        break;
    }
    return "";
  }

  // RETURNING (ALL | MODIFIED) (OLD | NEW) *, once.
  Result<Returning> returning() {
    if (!accept_keyword("returning")) {
      return Returning::kNone;
    }
    const bool all = is_keyword("all");
    if (!all && !is_keyword("modified")) {
      return malformed("Expected returning mapping");
    }
    next();
    const bool old = is_keyword("old");
    if (!old && !is_keyword("new")) {
      return malformed("Expected returning mapping");
    }
    next();
    if (!is_operator("*")) {
      return ApiError::validation(
          "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
    }
    next();
    if (peek().kind == TokenKind::kComma) {
      return ApiError::validation(
          "Invalid syntax with multiple returning elements in RETURNING clause");
    }
    if (all) {
      return old ? Returning::kAllOld : Returning::kAllNew;
    }
    return old ? Returning::kModifiedOld : Returning::kModifiedNew;
  }

  // "table", table, or "table"."index".
  Result<TableName> table_name() {
    TableName name;
    name.span = peek().span;
    if (peek().kind != TokenKind::kIdentifier && peek().kind != TokenKind::kQuotedIdentifier) {
      return malformed("Expected identifier for simple path");
    }
    name.table = next().text;
    if (accept(TokenKind::kDot)) {
      if (peek().kind != TokenKind::kIdentifier && peek().kind != TokenKind::kQuotedIdentifier) {
        return malformed("Invalid path dot component");
      }
      name.index = next().text;
      if (peek().kind == TokenKind::kDot || peek().kind == TokenKind::kLeftBracket) {
        return ApiError::validation("A path may contain at most 2 components in the FROM clause");
      }
    }
    return name;
  }

  // An alias after the table name, which DynamoDB refuses.
  Result<void> no_alias() {
    if (is_keyword("as") || is_keyword("at") || peek().kind == TokenKind::kIdentifier ||
        peek().kind == TokenKind::kQuotedIdentifier) {
      return ApiError::validation("Aliasing is not supported");
    }
    return {};
  }
};

}  // namespace

Result<Statement> parse_statement(std::string_view text) {
  DDB_ASSIGN_OR_RETURN(std::vector<Token> tokens, tokenize(text));
  if (tokens.size() == 1) {
    return malformed("");
  }
  StatementParser parser(std::move(tokens));
  return parser.statement();
}

}  // namespace ddblocal::partiql
