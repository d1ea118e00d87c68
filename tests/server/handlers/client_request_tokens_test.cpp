#include "server/handlers/client_request_tokens.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

using Claim = ClientRequestTokens::Claim;
using Clock = ClientRequestTokens::Clock;

TEST(ClientRequestTokens, SucceededRequestIsRepeatedForTenMinutes) {
  ClientRequestTokens tokens;
  const Clock::time_point start = Clock::now();
  ASSERT_EQ(tokens.claim("t", "digest", start), Claim::kNew);
  tokens.finish("t", true, start);
  EXPECT_EQ(tokens.claim("t", "digest", start + std::chrono::minutes(9)), Claim::kRepeat);
  EXPECT_EQ(tokens.claim("t", "other", start + std::chrono::minutes(9)), Claim::kMismatch);
  // After the window the token names nothing: a new request may take it.
  EXPECT_EQ(tokens.claim("t", "other", start + ClientRequestTokens::kWindow), Claim::kNew);
}

TEST(ClientRequestTokens, ARepeatConsumesWhatTheRequestLeftForIt) {
  ClientRequestTokens tokens;
  const Clock::time_point start = Clock::now();
  ASSERT_EQ(tokens.claim("t", "digest", start), Claim::kNew);
  capacity::Consumption replay;
  replay.of("tab").table.read = 2;
  tokens.finish("t", true, start, replay);
  ASSERT_EQ(tokens.claim("t", "digest", start), Claim::kRepeat);
  const capacity::Consumption repeated = tokens.replay_of("t");
  ASSERT_EQ(repeated.tables().size(), 1u);
  EXPECT_EQ(repeated.tables()[0].table_name, "tab");
  EXPECT_EQ(repeated.tables()[0].table.read, 2);
  EXPECT_TRUE(tokens.replay_of("unknown").tables().empty());
}

TEST(ClientRequestTokens, RunningRequestIsInProgress) {
  ClientRequestTokens tokens;
  const Clock::time_point now = Clock::now();
  ASSERT_EQ(tokens.claim("t", "digest", now), Claim::kNew);
  EXPECT_EQ(tokens.claim("t", "digest", now), Claim::kInProgress);
  EXPECT_EQ(tokens.claim("t", "other", now), Claim::kMismatch);
}

TEST(ClientRequestTokens, FailedRequestFreesItsToken) {
  ClientRequestTokens tokens;
  const Clock::time_point now = Clock::now();
  ASSERT_EQ(tokens.claim("t", "digest", now), Claim::kNew);
  tokens.finish("t", false, now);
  EXPECT_EQ(tokens.claim("t", "digest", now), Claim::kNew);
}

}  // namespace
}  // namespace ddblocal
