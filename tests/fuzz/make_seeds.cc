// Writes the binary and generated seeds of tests/fuzz/corpus/ (Cap'n Proto documents from
// the JSON examples, detached JWS, a participant registry) into the directory given as
// the only argument. Run once by hand when the schemas change:
//   build/dev/tests/fuzz/fuzz_make_seeds tests/fuzz/corpus
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/formats/capnp_codec.h"
#include "pipeline/formats/json_codec.h"
#include "pipeline/formats/registry_json.h"
#include "pipeline/participants/participant_registry.h"
#include "pipeline/trade/timestamp.h"

namespace fs = std::filesystem;
using namespace lcproc;

namespace {

void Put(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fuzz_make_seeds SOURCE_DIR CORPUS_DIR\n";
    return 2;
  }
  fs::path source(argv[1]), corpus(argv[2]);
  for (const auto& entry : fs::directory_iterator(source / "schemas/examples")) {
    auto doc = formats::DecodeJson(Read(entry.path()));
    if (!doc.ok()) {
      std::cerr << entry.path() << ": " << doc.status().ToString() << "\n";
      return 1;
    }
    Put(corpus / "capnp_document" / (entry.path().stem().string() + ".bin"),
        formats::EncodeCapnp(*doc).value());
  }
  auto ed = crypto::PrivateKey::FromEd25519Seed(std::string(32, '\x01')).value();
  auto ec = crypto::PrivateKey::Generate(crypto::Algorithm::kEs256).value();
  Put(corpus / "jws" / "eddsa.txt", crypto::SignDetached(ed, "{\"type\":\"waiver\"}").value());
  Put(corpus / "jws" / "es256.txt", crypto::SignDetached(ec, "{\"type\":\"waiver\"}").value());

  participants::ParticipantRegistry registry;
  participants::Bank issuing{"COBADEHHXXX", "Commerzbank AG", {"issuing"}, {}};
  issuing.keys.push_back(
      participants::BankKey{ed.public_key().key_id(), ed.public_key(),
                            trade::ParseUtcTimestampMillis("2026-01-01T00:00:00Z").value(),
                            trade::ParseUtcTimestampMillis("2027-01-01T00:00:00Z").value(), false});
  participants::Bank advising{"BFTVVNVX", "Vietcombank", {"advising", "nominated"}, {}};
  advising.keys.push_back(participants::BankKey{ec.public_key().key_id(), ec.public_key(),
                                                std::nullopt, std::nullopt, true});
  if (!registry.AddBank(issuing).ok() || !registry.AddBank(advising).ok()) return 1;
  Put(corpus / "registry" / "two_banks.json", formats::RegistryToJson(registry));
  return 0;
}
