#include "services/store/data_dir.h"
#include "pipeline/formats/registry_json.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lcproc::store {
namespace {

Status Errno(const std::string& what) { return IoError(what + ": " + std::strerror(errno)); }

std::string Join(const std::string& dir, const char* name) { return dir + "/" + name; }

}  // namespace

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return NotFound(path + " does not exist");
    return Errno("cannot read " + path);
  }
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return Errno("cannot read " + path);
  return out.str();
}

Status WriteFileAtomically(const std::string& path, std::string_view data, unsigned mode) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return Errno("cannot create " + tmp);
  // The mode given to open is filtered by the umask; a key file must end up exactly so.
  if (::fchmod(fd, mode) != 0) {
    Status s = Errno("cannot chmod " + tmp);
    ::close(fd);
    return s;
  }
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = Errno("cannot write " + tmp);
      ::close(fd);
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) return Errno("cannot sync " + tmp);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return Errno("cannot rename " + tmp);
  return Status::Ok();
}

Status DataDir::Init(const std::string& dir, const std::string& origin,
                     const std::string& store_spec) {
  LCPROC_RETURN_IF_ERROR(CheckStoreSpec(store_spec));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir + ": " + ec.message());
  std::string key_path = Join(dir, kSignerKeyFile);
  if (std::filesystem::exists(key_path)) {
    return AlreadyExists(dir + " is already initialised (" + key_path + " exists)");
  }
  LCPROC_ASSIGN_OR_RETURN(ledger::NoteSigner signer, ledger::NoteSigner::Generate(origin));
  LCPROC_RETURN_IF_ERROR(WriteFileAtomically(key_path, signer.SignerKey() + "\n", 0600));
  LCPROC_RETURN_IF_ERROR(
      WriteFileAtomically(Join(dir, kVerifierKeyFile), signer.VerifierKey() + "\n", 0644));
  std::string registry_path = Join(dir, kRegistryFile);
  if (!std::filesystem::exists(registry_path)) {
    LCPROC_RETURN_IF_ERROR(WriteFileAtomically(registry_path, "{\"banks\": []}\n"));
  }
  auto store = OpenLedgerStore(dir, {.create = true, .durable = true, .store = store_spec});
  return store.ok() ? Status::Ok() : store.status();
}

Result<std::unique_ptr<DataDir>> DataDir::Open(const std::string& dir,
                                               const StoreOptions& options) {
  auto skey = ReadWholeFile(Join(dir, kSignerKeyFile));
  if (!skey.ok()) {
    if (skey.status().code() == StatusCode::kNotFound) {
      return NotFound(dir + " is not an lcproc data directory (no " + kSignerKeyFile +
                      "); create one with `lcproc init --data-dir " + dir + " --origin NAME`");
    }
    return skey.status();
  }
  while (!skey->empty() && (skey->back() == '\n' || skey->back() == '\r')) skey->pop_back();
  auto signer = ledger::NoteSigner::FromSignerKey(*skey);
  if (!signer.ok()) return signer.status().WithContext(Join(dir, kSignerKeyFile));
  auto verifier = ledger::NoteVerifier::FromVerifierKey(signer->VerifierKey());
  if (!verifier.ok()) return verifier.status();
  std::unique_ptr<DataDir> out(new DataDir(dir, std::move(*signer), std::move(*verifier)));

  auto registry_text = ReadWholeFile(Join(dir, kRegistryFile));
  if (registry_text.ok()) {
    auto registry = formats::ParseRegistryJson(*registry_text);
    if (!registry.ok()) return registry.status().WithContext(Join(dir, kRegistryFile));
    out->registry_ = std::move(*registry);
  } else if (registry_text.status().code() != StatusCode::kNotFound) {
    return registry_text.status();
  }
  auto store = OpenLedgerStore(dir, options);
  if (!store.ok()) return store.status();
  out->store_ = std::move(*store);
  return out;
}

Status DataDir::SaveRegistry(const participants::ParticipantRegistry& registry) {
  LCPROC_RETURN_IF_ERROR(
      WriteFileAtomically(Join(path_, kRegistryFile), formats::RegistryToJson(registry)));
  registry_ = registry;
  return Status::Ok();
}

}  // namespace lcproc::store
