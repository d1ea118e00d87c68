#include "server/config.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

ParsedConfig parse(std::vector<const char*> args) {
  args.insert(args.begin(), "ddblocal");
  return parse_config(static_cast<int>(args.size()), args.data());
}

TEST(Config, DefaultsToLoopbackPort8000OnDisk) {
  ParsedConfig parsed = parse({});
  ASSERT_TRUE(parsed.config.has_value());
  EXPECT_EQ(parsed.config->host, "127.0.0.1");
  EXPECT_EQ(parsed.config->port, 8000);
  EXPECT_EQ(parsed.config->data_dir, "./ddblocal-data");
  EXPECT_FALSE(parsed.config->in_memory);
  EXPECT_FALSE(parsed.config->sync_writes);
}

TEST(Config, ReadsFlags) {
  ParsedConfig parsed =
      parse({"--port", "9000", "--in-memory", "--log-level", "warn", "--sync-writes"});
  ASSERT_TRUE(parsed.config.has_value());
  EXPECT_EQ(parsed.config->port, 9000);
  EXPECT_TRUE(parsed.config->in_memory);
  EXPECT_TRUE(parsed.config->sync_writes);
  EXPECT_EQ(parsed.config->log_level, "warn");
}

TEST(Config, ReadsTheEnvironmentButFlagsWin) {
  ::setenv("DDBLOCAL_PORT", "9100", 1);
  ::setenv("DDBLOCAL_HOST", "0.0.0.0", 1);
  ParsedConfig from_environment = parse({});
  ParsedConfig from_flag = parse({"--port", "9200"});
  ::unsetenv("DDBLOCAL_PORT");
  ::unsetenv("DDBLOCAL_HOST");
  ASSERT_TRUE(from_environment.config.has_value());
  EXPECT_EQ(from_environment.config->port, 9100);
  EXPECT_EQ(from_environment.config->host, "0.0.0.0");
  ASSERT_TRUE(from_flag.config.has_value());
  EXPECT_EQ(from_flag.config->port, 9200);
}

TEST(Config, RejectsBadFlags) {
  EXPECT_FALSE(parse({"--port", "seventy"}).config.has_value());
  EXPECT_NE(parse({"--port", "seventy"}).exit_code, 0);
  EXPECT_FALSE(parse({"--in-memory", "--data-dir", "x"}).config.has_value());
  EXPECT_FALSE(parse({"--log-level", "loud"}).config.has_value());
}

TEST(Config, TimeoutsDefaultToAMinute) {
  ParsedConfig parsed = parse({});
  ASSERT_TRUE(parsed.config.has_value());
  EXPECT_EQ(parsed.config->request_timeout_seconds, 60u);
  EXPECT_EQ(parsed.config->idle_timeout_seconds, 60u);
}

TEST(Config, ReadsTimeoutsFromFlagsAndTheEnvironment) {
  ParsedConfig from_flags = parse({"--request-timeout", "2", "--idle-timeout", "3"});
  ::setenv("DDBLOCAL_REQUEST_TIMEOUT", "5", 1);
  ::setenv("DDBLOCAL_IDLE_TIMEOUT", "7", 1);
  ParsedConfig from_environment = parse({});
  ParsedConfig flag_wins = parse({"--request-timeout", "9"});
  ::unsetenv("DDBLOCAL_REQUEST_TIMEOUT");
  ::unsetenv("DDBLOCAL_IDLE_TIMEOUT");
  ASSERT_TRUE(from_flags.config.has_value());
  EXPECT_EQ(from_flags.config->request_timeout_seconds, 2u);
  EXPECT_EQ(from_flags.config->idle_timeout_seconds, 3u);
  ASSERT_TRUE(from_environment.config.has_value());
  EXPECT_EQ(from_environment.config->request_timeout_seconds, 5u);
  EXPECT_EQ(from_environment.config->idle_timeout_seconds, 7u);
  ASSERT_TRUE(flag_wins.config.has_value());
  EXPECT_EQ(flag_wins.config->request_timeout_seconds, 9u);
}

// A zero timeout would close every connection at once; a negative one is no number of seconds.
TEST(Config, RejectsTimeoutsOutOfRange) {
  EXPECT_FALSE(parse({"--request-timeout", "0"}).config.has_value());
  EXPECT_FALSE(parse({"--idle-timeout", "0"}).config.has_value());
  EXPECT_FALSE(parse({"--request-timeout", "-1"}).config.has_value());
  EXPECT_FALSE(parse({"--idle-timeout", "soon"}).config.has_value());
  EXPECT_FALSE(parse({"--request-timeout", "86401"}).config.has_value());
}

TEST(Config, TtlSweepIntervalDefaultsToASecondAndZeroSwitchesDeletionOff) {
  EXPECT_EQ(parse({}).config->ttl_sweep_interval_seconds, 1.0);
  EXPECT_EQ(parse({"--ttl-sweep-interval", "0.1"}).config->ttl_sweep_interval_seconds, 0.1);
  ::setenv("DDBLOCAL_TTL_SWEEP_INTERVAL", "0", 1);
  ParsedConfig from_environment = parse({});
  ::unsetenv("DDBLOCAL_TTL_SWEEP_INTERVAL");
  ASSERT_TRUE(from_environment.config.has_value());
  EXPECT_EQ(from_environment.config->ttl_sweep_interval_seconds, 0.0);
  EXPECT_FALSE(parse({"--ttl-sweep-interval", "-1"}).config.has_value());
  EXPECT_FALSE(parse({"--ttl-sweep-interval", "often"}).config.has_value());
}

TEST(Config, VersionExitsWithoutAConfig) {
  ParsedConfig parsed = parse({"--version"});
  EXPECT_FALSE(parsed.config.has_value());
  EXPECT_EQ(parsed.exit_code, 0);
}

}  // namespace
}  // namespace ddblocal
