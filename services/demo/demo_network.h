// DemoNetwork: the banks of lcproc's demo network and their signing keys: an issuing
// bank in Germany, an advising and nominated bank in Viet Nam, a confirming bank in
// Singapore and a reimbursing bank in New York (53a, UCP 600 art. 13: the issuing bank's
// US dollar correspondent), as a documentary credit for a coffee shipment from Ho Chi Minh
// City to Hamburg would involve them. It exists to drive the real engine: `lcproc demo`, the
// load generator, the crash tests and the throughput benchmark all sign with it.
//
// On disk (Save/Load) the network is one PEM private key per bank under
// `<dir>/<BIC>.pem` (mode 0600); its public side is a participant registry in the
// engine's format (RegistryJson), which the data directory's registry.json holds.
//
// Immutable after creation; const methods are safe from any thread (PrivateKey::Sign is).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/crypto/algorithm.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/participants/participant_registry.h"
#include "pipeline/status.h"

namespace lcproc::demo {

// A bank of the demo network. `roles` use the registry's names ("issuing", "advising",
// "nominated", "confirming", "reimbursing").
struct DemoBank {
  std::string bic;  // 11 characters, branch XXX
  std::string name;
  std::string city;
  std::vector<std::string> roles;
  crypto::PrivateKey key;
};

// Which algorithm each bank signs with. kMixed: the issuing and confirming banks use
// ES256 and the advising bank EdDSA, so every run exercises both.
enum class KeyPlan { kMixed, kAllEs256, kAllEdDsa };

class DemoNetwork {
 public:
  // Position of each bank in banks().
  static constexpr size_t kIssuing = 0;
  static constexpr size_t kAdvising = 1;
  static constexpr size_t kConfirming = 2;
  static constexpr size_t kReimbursing = 3;

  // Fresh keys from OpenSSL's CSPRNG.
  static Result<DemoNetwork> Generate(KeyPlan plan = KeyPlan::kMixed);

  // Reads the keys Save wrote under `dir`. NotFound when `dir` holds no network (so the
  // caller may Generate one), IoError/Malformed when it holds a damaged one. A network
  // saved before a bank joined the demo (the reimbursing bank came last) gets a fresh key
  // for that bank, written to `dir` at once, so an old data directory keeps working.
  static Result<DemoNetwork> Load(const std::string& dir);
  // Writes every bank's private key to `<dir>/<BIC>.pem` (creating `dir`), mode 0600.
  Status Save(const std::string& dir) const;

  // The participant registry (engine format) of every bank, with its public key.
  std::string RegistryJson() const;
  Result<participants::ParticipantRegistry> Registry() const;

  const std::vector<DemoBank>& banks() const { return banks_; }
  const DemoBank& issuing() const { return banks_[kIssuing]; }
  const DemoBank& advising() const { return banks_[kAdvising]; }
  const DemoBank& confirming() const { return banks_[kConfirming]; }
  const DemoBank& reimbursing() const { return banks_[kReimbursing]; }

 private:
  explicit DemoNetwork(std::vector<DemoBank> banks) : banks_(std::move(banks)) {}
  std::vector<DemoBank> banks_;
};

}  // namespace lcproc::demo
