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

// The container image sets DDBLOCAL_DATA_DIR; `docker run ddblocal --in-memory` must still work.
TEST(Config, DataDirFromTheEnvironmentGivesWayToInMemory) {
  ::setenv("DDBLOCAL_DATA_DIR", "/data", 1);
  ParsedConfig on_disk = parse({});
  ParsedConfig in_memory = parse({"--in-memory"});
  ParsedConfig both_flags = parse({"--in-memory", "--data-dir", "/elsewhere"});
  ::unsetenv("DDBLOCAL_DATA_DIR");
  ASSERT_TRUE(on_disk.config.has_value());
  EXPECT_EQ(on_disk.config->data_dir, "/data");
  ASSERT_TRUE(in_memory.config.has_value());
  EXPECT_TRUE(in_memory.config->in_memory);
  EXPECT_FALSE(both_flags.config.has_value());
}

TEST(Config, ShellDefaultsAcceptAnyCredentialsPerRegionWithCorsForAll) {
  ParsedConfig parsed = parse({});
  ASSERT_TRUE(parsed.config.has_value());
  EXPECT_EQ(parsed.config->auth, "accept");
  EXPECT_TRUE(parsed.config->credentials.empty());
  EXPECT_FALSE(parsed.config->shared_db);
  EXPECT_FALSE(parsed.config->namespace_per_key);
  EXPECT_EQ(parsed.config->cors, "*");
  EXPECT_EQ(parsed.config->log_format, "text");
  EXPECT_TRUE(parsed.config->tls_cert.empty());
  EXPECT_EQ(parsed.config->transient_status_seconds, 0);
  EXPECT_FALSE(parsed.config->health_check);
}

TEST(Config, ReadsCredentialsForVerification) {
  ParsedConfig parsed = parse({"--auth", "verify", "--credentials", "AKID:secret,K2:s:2"});
  ASSERT_TRUE(parsed.config.has_value());
  EXPECT_EQ(parsed.config->auth, "verify");
  EXPECT_EQ(parsed.config->credentials.size(), 2u);
  EXPECT_EQ(parsed.config->credentials.at("AKID"), "secret");
  EXPECT_EQ(parsed.config->credentials.at("K2"), "s:2");
  ::setenv("DDBLOCAL_AUTH", "verify", 1);
  ::setenv("DDBLOCAL_CREDENTIALS", "E:f", 1);
  ParsedConfig from_environment = parse({});
  ::unsetenv("DDBLOCAL_AUTH");
  ::unsetenv("DDBLOCAL_CREDENTIALS");
  ASSERT_TRUE(from_environment.config.has_value());
  EXPECT_EQ(from_environment.config->credentials.at("E"), "f");
}

TEST(Config, RejectsVerificationWithoutCredentialsAndMalformedOnes) {
  EXPECT_FALSE(parse({"--auth", "verify"}).config.has_value());
  EXPECT_FALSE(parse({"--auth", "sometimes"}).config.has_value());
  for (const char* bad : {"AKID", "AKID:", ":secret", "A:b,,C:d", ""}) {
    EXPECT_FALSE(parse({"--credentials", bad}).config.has_value()) << bad;
  }
}

TEST(Config, NamespaceFlagsExcludeEachOther) {
  EXPECT_TRUE(parse({"--shared-db"}).config->shared_db);
  EXPECT_TRUE(parse({"--namespace-per-key"}).config->namespace_per_key);
  EXPECT_FALSE(parse({"--shared-db", "--namespace-per-key"}).config.has_value());
}

TEST(Config, TlsNeedsBothFiles) {
  ParsedConfig parsed = parse({"--tls-cert", "c.pem", "--tls-key", "k.pem"});
  ASSERT_TRUE(parsed.config.has_value());
  EXPECT_EQ(parsed.config->tls_cert, "c.pem");
  EXPECT_EQ(parsed.config->tls_key, "k.pem");
  EXPECT_FALSE(parse({"--tls-cert", "c.pem"}).config.has_value());
  EXPECT_FALSE(parse({"--tls-key", "k.pem"}).config.has_value());
}

TEST(Config, DelayTransientStatusesTakesAnOptionalNumberOfSeconds) {
  EXPECT_EQ(parse({"--delay-transient-statuses"}).config->transient_status_seconds, 2);
  EXPECT_EQ(parse({"--delay-transient-statuses=0.5"}).config->transient_status_seconds, 0.5);
  EXPECT_FALSE(parse({"--delay-transient-statuses=-1"}).config.has_value());
}

TEST(Config, ReadsCorsLogFormatAndHealthCheck) {
  ParsedConfig parsed = parse({"--cors", "https://a.example,http://localhost:3000", "--log-format",
                               "json", "--health-check"});
  ASSERT_TRUE(parsed.config.has_value());
  EXPECT_EQ(parsed.config->cors, "https://a.example,http://localhost:3000");
  EXPECT_EQ(parsed.config->log_format, "json");
  EXPECT_TRUE(parsed.config->health_check);
  EXPECT_FALSE(parse({"--log-format", "xml"}).config.has_value());
}

}  // namespace
}  // namespace ddblocal
