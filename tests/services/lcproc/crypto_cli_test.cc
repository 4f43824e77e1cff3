// `lcproc keygen`, `sign` and `verify` run as a bank engineer would run them, and the
// JWS they make cross-checked against node's `jose` (tests/interop/jose_check.mjs).
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/public_key.h"
#include "tests/services/lcproc/cli_runner.h"
#include "tests/testing/source_file.h"

namespace lcproc::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kBody = "{\"lc\":\"LC-7\",\"amount\":\"1000.00\"}\n";

// Makes KEY.pem / KEY.pub.pem in `dir` and returns the key id lcproc printed.
std::string Keygen(const TempDir& dir, const std::string& alg, const std::string& name = "key") {
  CliRun run = RunLcproc({"keygen", "--alg", alg, "--out", dir.File(name + ".pem")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return TrimLineEnd(run.out);
}

std::string Sign(const TempDir& dir, const std::string& key, const std::string& body_file) {
  CliRun run = RunLcproc({"sign", "--key", dir.File(key), body_file});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return TrimLineEnd(run.out);
}

class CryptoCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  TempDir dir_;
  std::string body_ = dir_.File("body.json");
  void SetUp() override { WriteFile(body_, kBody); }
};

INSTANTIATE_TEST_SUITE_P(BothAlgorithms, CryptoCliTest, ::testing::Values("ES256", "EdDSA"));

TEST_P(CryptoCliTest, KeygenWritesPrivateKeyMode0600AndPublicKeyBeside) {
  std::string kid = Keygen(dir_, GetParam());
  struct stat st;
  ASSERT_EQ(::stat(dir_.File("key.pem").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_THAT(ReadFile(dir_.File("key.pem")), StartsWith("-----BEGIN PRIVATE KEY-----"));
  Result<crypto::PublicKey> pub = crypto::PublicKey::FromPem(ReadFile(dir_.File("key.pub.pem")));
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  EXPECT_EQ(pub->key_id(), kid);
  EXPECT_EQ(std::string(crypto::AlgorithmName(pub->algorithm())), GetParam());
}

TEST_P(CryptoCliTest, SignedFileVerifies) {
  Keygen(dir_, GetParam());
  std::string jws = Sign(dir_, "key.pem", body_);
  CliRun run = RunLcproc({"verify", "--pub", dir_.File("key.pub.pem"), "--jws", jws, body_});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "valid\n");
  // The library agrees with the command.
  crypto::PublicKey pub = crypto::PublicKey::FromPem(ReadFile(dir_.File("key.pub.pem"))).value();
  EXPECT_TRUE(crypto::VerifyDetached(jws, kBody, pub).ok());
}

TEST_P(CryptoCliTest, SignReadsStandardInput) {
  Keygen(dir_, GetParam());
  CliRun run = RunLcproc({"sign", "--key", dir_.File("key.pem"), "-"}, kBody);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  CliRun check = RunLcproc(
      {"verify", "--pub", dir_.File("key.pub.pem"), "--jws", TrimLineEnd(run.out), body_});
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

TEST_P(CryptoCliTest, VerifyRefusesChangedBodyWithReason) {
  Keygen(dir_, GetParam());
  std::string jws = Sign(dir_, "key.pem", body_);
  WriteFile(body_, "{\"lc\":\"LC-7\",\"amount\":\"9000.00\"}\n");
  CliRun run = RunLcproc({"verify", "--pub", dir_.File("key.pub.pem"), "--jws", jws, body_});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("invalid: "));
  EXPECT_THAT(run.out, HasSubstr("signature does not verify"));
}

TEST_P(CryptoCliTest, VerifyRefusesAnotherBanksKey) {
  Keygen(dir_, GetParam(), "ours");
  Keygen(dir_, GetParam(), "theirs");
  std::string jws = Sign(dir_, "theirs.pem", body_);
  CliRun run = RunLcproc({"verify", "--pub", dir_.File("ours.pub.pem"), "--jws", jws, body_});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("is not the key's id"));
}

TEST(CryptoCliErrorsTest, VerifyExplainsMalformedJws) {
  TempDir dir;
  Keygen(dir, "EdDSA");
  WriteFile(dir.File("body"), kBody);
  CliRun run =
      RunLcproc({"verify", "--pub", dir.File("key.pub.pem"), "--jws", "abc", dir.File("body")});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "invalid: JWS has no '.'; expected header..signature\n");
}

TEST(CryptoCliErrorsTest, MissingOrWrongArgumentsExitTwo) {
  CliRun no_out = RunLcproc({"keygen", "--alg", "EdDSA"});
  EXPECT_EQ(no_out.exit_code, 2);
  EXPECT_THAT(no_out.err, HasSubstr("missing required option --out"));
  CliRun bad_alg = RunLcproc({"keygen", "--alg", "RS256", "--out", "/tmp/never.pem"});
  EXPECT_EQ(bad_alg.exit_code, 2);
  EXPECT_THAT(bad_alg.err, HasSubstr("'RS256' is not accepted"));
  CliRun no_file = RunLcproc({"sign", "--key", "k.pem"});
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_THAT(no_file.err, HasSubstr("missing FILE"));
  CliRun no_jws = RunLcproc({"verify", "--pub", "p.pem", "f"});
  EXPECT_EQ(no_jws.exit_code, 2);
  EXPECT_THAT(no_jws.err, HasSubstr("missing required option --jws"));
  CliRun unknown = RunLcproc({"sign", "--kye", "k.pem", "f"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown option --kye"));
}

TEST(CryptoCliErrorsTest, UnreadableOrMalformedKeysExitTwo) {
  TempDir dir;
  WriteFile(dir.File("body"), kBody);
  CliRun missing = RunLcproc({"sign", "--key", dir.File("absent.pem"), dir.File("body")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("cannot read " + dir.File("absent.pem")));
  WriteFile(dir.File("junk.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
  CliRun junk = RunLcproc({"sign", "--key", dir.File("junk.pem"), dir.File("body")});
  EXPECT_EQ(junk.exit_code, 2);
  EXPECT_THAT(junk.err, HasSubstr("not a PEM private key"));
  CliRun junk_pub =
      RunLcproc({"verify", "--pub", dir.File("junk.pem"), "--jws", "a..b", dir.File("body")});
  EXPECT_EQ(junk_pub.exit_code, 2);
  EXPECT_THAT(junk_pub.err, HasSubstr("not a PEM public key"));
  CliRun empty =
      RunLcproc({"verify", "--pub", dir.File("body"), "--jws", "a..b", dir.File("absent")});
  EXPECT_EQ(empty.exit_code, 2);
}

TEST(CryptoCliErrorsTest, KeygenNeverOverwritesWithoutForce) {
  TempDir dir;
  std::string first = Keygen(dir, "EdDSA");
  CliRun again = RunLcproc({"keygen", "--alg", "EdDSA", "--out", dir.File("key.pem")});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("use --force"));
  EXPECT_EQ(crypto::PublicKey::FromPem(ReadFile(dir.File("key.pub.pem")))->key_id(), first);
  CliRun forced = RunLcproc({"keygen", "--alg", "ES256", "--out", dir.File("key.pem"), "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(TrimLineEnd(forced.out), first);
}

TEST(CryptoCliErrorsTest, EveryCommandHasHelp) {
  for (const char* command : {"keygen", "sign", "verify"}) {
    CliRun run = RunLcproc({command, "--help"});
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_THAT(run.out, StartsWith(std::string("usage: lcproc ") + command)) << command;
  }
}

// ---- Interoperability with node's `jose` (tests/interop). ----

struct Process {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command line built only from paths this test made and base64url text.
Process Shell(const std::string& command) {
  Process p;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return p;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), pipe)) > 0) p.output.append(buf, n);
  int status = ::pclose(pipe);
  p.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return p;
}

class JoseInteropTest : public CryptoCliTest {
 protected:
  void SetUp() override {
    CryptoCliTest::SetUp();
    interop_ = SourcePath("tests/interop");
    // A missing toolchain must fail, never skip: the cross-check is part of the suite.
    ASSERT_EQ(Shell("command -v node").exit_code, 0)
        << "node is not on PATH; the JOSE interop test needs Node.js";
    ASSERT_TRUE(std::filesystem::exists(interop_ + "/node_modules/jose/package.json"))
        << interop_ << "/node_modules/jose is missing; run `npm ci` in tests/interop";
  }
  Process Jose(const std::string& args) {
    return Shell("node '" + interop_ + "/jose_check.mjs' " + args);
  }
  std::string interop_;
};

INSTANTIATE_TEST_SUITE_P(BothAlgorithms, JoseInteropTest, ::testing::Values("ES256", "EdDSA"));

TEST_P(JoseInteropTest, LcprocSignatureVerifiesInJose) {
  Keygen(dir_, GetParam());
  std::string jws = Sign(dir_, "key.pem", body_);
  Process p = Jose("verify --pub " + dir_.File("key.pub.pem") + " --alg " + GetParam() + " --jws " +
                   jws + " --file " + body_);
  EXPECT_EQ(p.exit_code, 0) << p.output;
  EXPECT_EQ(p.output, "valid\n");
}

TEST_P(JoseInteropTest, JoseRefusesLcprocSignatureOverChangedBody) {
  Keygen(dir_, GetParam());
  std::string jws = Sign(dir_, "key.pem", body_);
  WriteFile(body_, kBody + " ");
  Process p = Jose("verify --pub " + dir_.File("key.pub.pem") + " --alg " + GetParam() + " --jws " +
                   jws + " --file " + body_);
  EXPECT_EQ(p.exit_code, 1) << p.output;
  EXPECT_THAT(p.output, HasSubstr("invalid"));
}

TEST_P(JoseInteropTest, JoseSignatureVerifiesInLcproc) {
  std::string kid = Keygen(dir_, GetParam());
  Process p = Jose("sign --key " + dir_.File("key.pem") + " --alg " + GetParam() + " --kid " + kid +
                   " --file " + body_);
  ASSERT_EQ(p.exit_code, 0) << p.output;
  std::string jws = TrimLineEnd(p.output);
  CliRun run = RunLcproc({"verify", "--pub", dir_.File("key.pub.pem"), "--jws", jws, body_});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "valid\n");
}

}  // namespace
}  // namespace lcproc::testing
