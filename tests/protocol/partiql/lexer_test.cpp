// Tests for the PartiQL lexer: token kinds, quoting, comments, positions in UTF-16 columns, and
// what it cannot read.
#include "protocol/partiql/lexer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::partiql {
namespace {

std::vector<Token> tokens_of(std::string_view text) {
  Result<std::vector<Token>> tokens = tokenize(text);
  EXPECT_TRUE(tokens.has_value()) << text;
  return tokens ? *tokens : std::vector<Token>{};
}

TEST(PartiqlLexer, ReadsKeywordsInAnyCaseAndKeepsNamesAsWritten) {
  std::vector<Token> tokens = tokens_of("SeLeCt Name FROM \"my\"\"table\"");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kKeyword);
  EXPECT_EQ(tokens[0].text, "select");
  EXPECT_EQ(tokens[1].kind, TokenKind::kIdentifier);
  EXPECT_EQ(tokens[1].text, "Name");
  EXPECT_EQ(tokens[2].text, "from");
  EXPECT_EQ(tokens[3].kind, TokenKind::kQuotedIdentifier);
  EXPECT_EQ(tokens[3].text, "my\"table");
  EXPECT_EQ(tokens[4].kind, TokenKind::kEnd);
}

TEST(PartiqlLexer, ReadsStringsNumbersParametersAndOperators) {
  std::vector<Token> tokens = tokens_of("'it''s' 1.5e-3 .5 5. ? <= <> != << >> || `{{aGk=}}`");
  std::vector<std::pair<TokenKind, std::string>> expected = {
      {TokenKind::kString, "it's"}, {TokenKind::kNumber, "1.5e-3"},
      {TokenKind::kNumber, ".5"},   {TokenKind::kNumber, "5."},
      {TokenKind::kParameter, "?"}, {TokenKind::kOperator, "<="},
      {TokenKind::kOperator, "<>"}, {TokenKind::kOperator, "!="},
      {TokenKind::kLeftBag, "<<"},  {TokenKind::kRightBag, ">>"},
      {TokenKind::kOperator, "||"}, {TokenKind::kIonLiteral, "{{aGk=}}"},
  };
  ASSERT_EQ(tokens.size(), expected.size() + 1);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(tokens[i].kind, expected[i].first) << i;
    EXPECT_EQ(tokens[i].text, expected[i].second) << i;
  }
}

TEST(PartiqlLexer, SkipsCommentsAndWhiteSpace) {
  std::vector<Token> tokens = tokens_of("a -- to the end\n/* a\nblock */ b");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "a");
  EXPECT_EQ(tokens[1].text, "b");
  EXPECT_EQ(tokens[1].span.line, 3u);
}

// DynamoDB counts columns and lengths in characters as Java does (UTF-16 units).
TEST(PartiqlLexer, PlacesTokensInUtf16Columns) {
  std::vector<Token> tokens = tokens_of("'é𝄞' abc\n  x");
  EXPECT_EQ(tokens[0].span, (SourceSpan{1, 1, 5}));
  EXPECT_EQ(tokens[1].span, (SourceSpan{1, 7, 3}));
  EXPECT_EQ(tokens[2].span, (SourceSpan{2, 3, 1}));
}

TEST(PartiqlLexer, RefusesWhatItCannotReadWithNoDetail) {
  for (std::string_view text : {"'open", "\"open", "a /* open", "a # b", "`open", "1e",
                                "1e2147483648", "1.5e-2147483647"}) {
    Result<std::vector<Token>> tokens = tokenize(text);
    ASSERT_FALSE(tokens.has_value()) << text;
    EXPECT_EQ(tokens.error().message(), "Statement wasn't well formed, can't be processed: ")
        << text;
  }
}

TEST(PartiqlLexer, ReadsReservedWordsInAnyCaseAsKeywords) {
  std::vector<Token> tokens = tokens_of("Key kEy \"key\"");
  EXPECT_EQ(tokens[0].kind, TokenKind::kKeyword);
  EXPECT_EQ(tokens[1].text, "key");
  EXPECT_EQ(tokens[2].kind, TokenKind::kQuotedIdentifier);
}

TEST(PartiqlLexer, KnowsPartiqlsReservedWords) {
  for (std::string_view word : {"pad", "key", "value", "size", "inner", "select", "missing"}) {
    EXPECT_TRUE(is_reserved_word(word)) << word;
  }
  for (std::string_view word : {"name", "status", "data", "year", "p"}) {
    EXPECT_FALSE(is_reserved_word(word)) << word;
  }
}

TEST(PartiqlLexer, WritesPositionsAsDynamoDbDoes) {
  EXPECT_EQ(at(SourceSpan{1, 8, 5}), " at 1:8:5");
}

}  // namespace
}  // namespace ddblocal::partiql
