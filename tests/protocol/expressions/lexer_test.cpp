// Tests for the expression lexer: DynamoDB's token rules (longest match, keywords in any case,
// names, placeholders, indexes without leading zeros, one-character unknown tokens), the byte
// offsets syntax errors quote, and the UTF-16 length used for the size limit.
#include "protocol/expressions/lexer.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::expr {
namespace {

using K = TokenKind;

// The kinds and texts of the tokens of `text`, the final kEnd left out.
std::vector<std::pair<K, std::string>> lex(std::string_view text) {
  std::vector<std::pair<K, std::string>> out;
  for (const Token& token : tokenize(text)) {
    if (token.kind != K::kEnd) {
      out.emplace_back(token.kind, std::string(token.text));
    }
  }
  return out;
}

using Tokens = std::vector<std::pair<K, std::string>>;

TEST(Lexer, SplitsAConditionIntoTokens) {
  EXPECT_EQ(lex("a.b[10] = :v AND #n <> x"), (Tokens{{K::kName, "a"},
                                                     {K::kDot, "."},
                                                     {K::kName, "b"},
                                                     {K::kLeftBracket, "["},
                                                     {K::kIndex, "10"},
                                                     {K::kRightBracket, "]"},
                                                     {K::kEq, "="},
                                                     {K::kValuePlaceholder, ":v"},
                                                     {K::kAnd, "AND"},
                                                     {K::kNamePlaceholder, "#n"},
                                                     {K::kNe, "<>"},
                                                     {K::kName, "x"}}));
}

TEST(Lexer, KeepsByteOffsetsAndEndsWithEnd) {
  std::vector<Token> tokens = tokenize("  ab ,\tc ");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].begin, 2u);
  EXPECT_EQ(tokens[0].end, 4u);
  EXPECT_EQ(tokens[1].kind, K::kComma);
  EXPECT_EQ(tokens[1].begin, 5u);
  EXPECT_EQ(tokens[2].begin, 7u);
  EXPECT_EQ(tokens[3].kind, K::kEnd);
  EXPECT_EQ(tokens[3].begin, 9u);
  EXPECT_TRUE(tokens[3].text.empty());
  std::vector<Token> empty = tokenize("");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].kind, K::kEnd);
}

TEST(Lexer, ReadsKeywordsInAnyCaseButOnlyAsWholeNames) {
  EXPECT_EQ(lex("and Or NoT between In set ADD delete Remove"), (Tokens{{K::kAnd, "and"},
                                                                        {K::kOr, "Or"},
                                                                        {K::kNot, "NoT"},
                                                                        {K::kBetween, "between"},
                                                                        {K::kIn, "In"},
                                                                        {K::kSet, "set"},
                                                                        {K::kAdd, "ADD"},
                                                                        {K::kDelete, "delete"},
                                                                        {K::kRemove, "Remove"}}));
  EXPECT_EQ(lex("andx INx or_ Set1 size"), (Tokens{{K::kName, "andx"},
                                                   {K::kName, "INx"},
                                                   {K::kName, "or_"},
                                                   {K::kName, "Set1"},
                                                   {K::kName, "size"}}));
}

TEST(Lexer, TakesTheLongestOperator) {
  EXPECT_EQ(lex("<= <> < >= > = =< =="), (Tokens{{K::kLe, "<="},
                                                 {K::kNe, "<>"},
                                                 {K::kLt, "<"},
                                                 {K::kGe, ">="},
                                                 {K::kGt, ">"},
                                                 {K::kEq, "="},
                                                 {K::kEq, "="},
                                                 {K::kLt, "<"},
                                                 {K::kEq, "="},
                                                 {K::kEq, "="}}));
  EXPECT_EQ(lex("<=>"), (Tokens{{K::kLe, "<="}, {K::kGt, ">"}}));
  EXPECT_EQ(lex("(),.[]+-"), (Tokens{{K::kLeftParen, "("},
                                     {K::kRightParen, ")"},
                                     {K::kComma, ","},
                                     {K::kDot, "."},
                                     {K::kLeftBracket, "["},
                                     {K::kRightBracket, "]"},
                                     {K::kPlus, "+"},
                                     {K::kMinus, "-"}}));
}

TEST(Lexer, ReadsIndexesWithoutLeadingZeros) {
  EXPECT_EQ(lex("0 10 01 007"), (Tokens{{K::kIndex, "0"},
                                        {K::kIndex, "10"},
                                        {K::kIndex, "0"},
                                        {K::kIndex, "1"},
                                        {K::kIndex, "0"},
                                        {K::kIndex, "0"},
                                        {K::kIndex, "7"}}));
  EXPECT_EQ(lex("1a"), (Tokens{{K::kIndex, "1"}, {K::kName, "a"}}));
}

// A name starts with a letter; a placeholder's characters after # or : may be any of
// letters, digits and "_".
TEST(Lexer, ReadsNamesAndPlaceholders) {
  EXPECT_EQ(lex("A_1_b #1 #_x :_ :9a"), (Tokens{{K::kName, "A_1_b"},
                                                {K::kNamePlaceholder, "#1"},
                                                {K::kNamePlaceholder, "#_x"},
                                                {K::kValuePlaceholder, ":_"},
                                                {K::kValuePlaceholder, ":9a"}}));
  EXPECT_EQ(lex("_a"), (Tokens{{K::kUnknown, "_"}, {K::kName, "a"}}));
  EXPECT_EQ(lex("# : #-"),
            (Tokens{{K::kUnknown, "#"}, {K::kUnknown, ":"}, {K::kUnknown, "#"}, {K::kMinus, "-"}}));
}

TEST(Lexer, SkipsOnlySpaceTabCrAndLf) {
  EXPECT_EQ(lex(" a\tb\rc\nd "),
            (Tokens{{K::kName, "a"}, {K::kName, "b"}, {K::kName, "c"}, {K::kName, "d"}}));
  EXPECT_EQ(lex("a\fb"), (Tokens{{K::kName, "a"}, {K::kUnknown, "\f"}, {K::kName, "b"}}));
  EXPECT_EQ(lex("a\xC2\xA0"
                "b"),  // no-break space
            (Tokens{{K::kName, "a"}, {K::kUnknown, "\xC2\xA0"}, {K::kName, "b"}}));
}

TEST(Lexer, MakesOneUnknownTokenPerCharacter) {
  EXPECT_EQ(lex("@$;\"'!"), (Tokens{{K::kUnknown, "@"},
                                    {K::kUnknown, "$"},
                                    {K::kUnknown, ";"},
                                    {K::kUnknown, "\""},
                                    {K::kUnknown, "'"},
                                    {K::kUnknown, "!"}}));
  EXPECT_EQ(lex("\xC3\xA9\xF0\x9F\x98\x80"),  // U+00E9, U+1F600
            (Tokens{{K::kUnknown, "\xC3\xA9"}, {K::kUnknown, "\xF0\x9F\x98\x80"}}));
  EXPECT_EQ(lex("\xFF\xC3"
                "a"),
            (Tokens{{K::kUnknown, "\xFF"}, {K::kUnknown, "\xC3"}, {K::kName, "a"}}));
}

TEST(Lexer, ConvertsToUtf16) {
  EXPECT_EQ(to_utf16("ab"), u"ab");
  EXPECT_EQ(to_utf16("\xC3\xA9"), u"\u00E9");
  EXPECT_EQ(to_utf16("\xE2\x82\xAC"), u"\u20AC");
  EXPECT_EQ(to_utf16("\xF0\x9F\x98\x80"), std::u16string({char16_t{0xD83D}, char16_t{0xDE00}}));
  EXPECT_EQ(to_utf16("\xFF").size(), 1u);
}

}  // namespace
}  // namespace ddblocal::expr
