#include "services/demo/demo_network.h"
#include "pipeline/formats/registry_json.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lcproc::demo {
namespace {

struct BankSpec {
  const char* bic;
  const char* name;
  const char* city;
  std::vector<std::string> roles;
};

// Real institutions' BICs (ISO 9362), so the trade rules' BIC and country checks see
// what they would see in production: Commerzbank Hamburg issues, Vietcombank advises and
// negotiates, DBS Singapore adds its confirmation, Citibank New York reimburses the
// negotiating bank in US dollars for Commerzbank (53a).
const std::vector<BankSpec>& Specs() {
  static const std::vector<BankSpec> specs = {
      {"COBADEHHXXX", "COMMERZBANK AG", "HAMBURG", {"issuing"}},
      {"BFTVVNVXXXX",
       "JOINT STOCK COMMERCIAL BANK FOR FOREIGN TRADE OF VIETNAM",
       "HO CHI MINH CITY",
       {"advising", "nominated"}},
      {"DBSSSGSGXXX", "DBS BANK LTD", "SINGAPORE", {"confirming"}},
      {"CITIUS33XXX", "CITIBANK N.A.", "NEW YORK", {"reimbursing"}},
  };
  return specs;
}

crypto::Algorithm AlgorithmFor(KeyPlan plan, size_t position) {
  switch (plan) {
    case KeyPlan::kAllEs256: return crypto::Algorithm::kEs256;
    case KeyPlan::kAllEdDsa: return crypto::Algorithm::kEdDsa;
    case KeyPlan::kMixed: break;
  }
  return position == DemoNetwork::kAdvising ? crypto::Algorithm::kEdDsa : crypto::Algorithm::kEs256;
}

Status WritePrivateFile(const std::filesystem::path& path, const std::string& content) {
  // Written under a temporary name then renamed, so a crash never leaves half a key.
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write " + tmp.string() + ": " + std::strerror(errno));
    out << content;
    if (!out.flush()) return IoError("cannot write " + tmp.string());
  }
  if (::chmod(tmp.c_str(), 0600) != 0) {
    return IoError("cannot restrict " + tmp.string() + ": " + std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return IoError("cannot rename " + tmp.string() + ": " + ec.message());
  return Status::Ok();
}

}  // namespace

Result<DemoNetwork> DemoNetwork::Generate(KeyPlan plan) {
  std::vector<DemoBank> banks;
  for (size_t i = 0; i < Specs().size(); ++i) {
    const BankSpec& spec = Specs()[i];
    LCPROC_ASSIGN_OR_RETURN(crypto::PrivateKey key,
                            crypto::PrivateKey::Generate(AlgorithmFor(plan, i)));
    banks.push_back(DemoBank{spec.bic, spec.name, spec.city, spec.roles, std::move(key)});
  }
  return DemoNetwork(std::move(banks));
}

Result<DemoNetwork> DemoNetwork::Load(const std::string& dir) {
  std::vector<DemoBank> banks;
  for (size_t i = 0; i < Specs().size(); ++i) {
    const BankSpec& spec = Specs()[i];
    const std::filesystem::path path =
        std::filesystem::path(dir) / (std::string(spec.bic) + ".pem");
    if (i > 0 && !std::filesystem::exists(path) &&
        std::filesystem::exists(std::filesystem::path(dir) /
                                (std::string(Specs()[0].bic) + ".pem"))) {
      // A bank that joined the demo after this network was saved.
      LCPROC_ASSIGN_OR_RETURN(crypto::PrivateKey key,
                              crypto::PrivateKey::Generate(AlgorithmFor(KeyPlan::kMixed, i)));
      LCPROC_RETURN_IF_ERROR(WritePrivateFile(path, key.ToPem()));
      banks.push_back(DemoBank{spec.bic, spec.name, spec.city, spec.roles, std::move(key)});
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      if (i == 0 && !std::filesystem::exists(path)) return NotFound("no demo network in " + dir);
      return IoError("cannot read " + path.string() + ": " + std::strerror(errno));
    }
    std::stringstream pem;
    pem << in.rdbuf();
    auto key = crypto::PrivateKey::FromPem(pem.str());
    if (!key.ok()) return key.status().WithContext("demo network key " + path.string());
    banks.push_back(DemoBank{spec.bic, spec.name, spec.city, spec.roles, std::move(*key)});
  }
  return DemoNetwork(std::move(banks));
}

Status DemoNetwork::Save(const std::string& dir) const {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir + ": " + ec.message());
  for (const DemoBank& bank : banks_) {
    LCPROC_RETURN_IF_ERROR(
        WritePrivateFile(std::filesystem::path(dir) / (bank.bic + ".pem"), bank.key.ToPem()));
  }
  return Status::Ok();
}

Result<participants::ParticipantRegistry> DemoNetwork::Registry() const {
  participants::ParticipantRegistry registry;
  for (const DemoBank& bank : banks_) {
    participants::Bank entry;
    entry.bic = bank.bic;
    entry.name = bank.name;
    entry.roles = bank.roles;
    const crypto::PublicKey& pub = bank.key.public_key();
    entry.keys.push_back(
        participants::BankKey{pub.key_id(), pub, std::nullopt, std::nullopt, false});
    LCPROC_RETURN_IF_ERROR(registry.AddBank(std::move(entry)));
  }
  return registry;
}

std::string DemoNetwork::RegistryJson() const {
  auto registry = Registry();
  // Registry() only fails on duplicate BICs or kids, which Specs() and fresh keys exclude.
  return registry.ok() ? formats::RegistryToJson(*registry) : std::string();
}

}  // namespace lcproc::demo
