// A bank's client of lcproc, end to end, in one file: signs a trade document with the
// bank's key (detached JWS, RFC 7515 + RFC 7797), submits it over HTTPS with mutual TLS
// (the bank's client certificate authenticates it; no bearer token), reads the receipt,
// and verifies it offline: the checkpoint is signed by the processor's key and the
// inclusion proof leads from the receipt's leaf hash to that checkpoint's root.
//
//   bank_client --url https://127.0.0.1:8443 --ca ca.pem --cert BANK.pem --cert-key BANK.key
//               --key SIGNING.pem --vkey checkpoint.vkey DOCUMENT.json
//
// Exit 0 when the document was accepted and its receipt verified, 1 otherwise.
// Built and run by the ctest example_bank_client (tests/examples/).
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json.hpp>

#include "pipeline/crypto/base64.h"
#include "pipeline/crypto/jws.h"
#include "pipeline/crypto/private_key.h"
#include "pipeline/ledger/inclusion_proof.h"
#include "pipeline/ledger/signed_note.h"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

lcproc::crypto::Digest DigestOf(std::string_view base64) {
  auto bytes = lcproc::crypto::Base64Decode(base64);
  if (!bytes.ok() || bytes->size() != 32) throw std::runtime_error("not a base64 SHA-256 hash");
  lcproc::crypto::Digest d;
  std::copy(bytes->begin(), bytes->end(), d.begin());
  return d;
}

int Fail(const std::string& why) {
  std::cerr << "bank_client: " << why << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> opt;
  std::string document_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) == 0 && i + 1 < argc) {
      opt[a.substr(2)] = argv[++i];
    } else {
      document_path = a;
    }
  }
  for (const char* need : {"url", "ca", "cert", "cert-key", "key", "vkey"}) {
    if (!opt.count(need) || document_path.empty()) {
      std::cerr << "usage: bank_client --url https://HOST:PORT --ca CA.pem --cert BANK.pem "
                   "--cert-key BANK.key "
                   "--key SIGNING.pem --vkey CHECKPOINT.vkey DOCUMENT.json\n";
      return 2;
    }
  }
  try {
    // 1. Sign the exact bytes we will send.
    const std::string body = ReadFile(document_path);
    auto key = lcproc::crypto::PrivateKey::FromPem(ReadFile(opt["key"]));
    if (!key.ok()) return Fail("signing key: " + key.status().message());
    auto jws = lcproc::crypto::SignDetached(*key, body);
    if (!jws.ok()) return Fail("signing: " + jws.status().message());

    // 2. HTTPS with mutual TLS: we check the server's certificate against our CA, the
    //    server checks ours.
    const std::string url = opt["url"];
    if (url.rfind("https://", 0) != 0) return Fail("--url must be https://HOST:PORT");
    const std::string authority = url.substr(8);
    const std::string host = authority.substr(0, authority.rfind(':'));
    const std::string port = authority.substr(authority.rfind(':') + 1);
    ssl::context tls(ssl::context::tls_client);
    tls.set_options(ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    tls.load_verify_file(opt["ca"]);
    tls.use_certificate_chain_file(opt["cert"]);
    tls.use_private_key_file(opt["cert-key"], ssl::context::pem);
    tls.set_verify_mode(ssl::verify_peer);
    asio::io_context io;
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    stream.set_verify_callback(ssl::host_name_verification(host));
    tcp::resolver resolver(io);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
    beast::get_lowest_layer(stream).connect(resolver.resolve(host, port));
    stream.handshake(ssl::stream_base::client);

    http::request<http::string_body> req{http::verb::post, "/v1/documents", 11};
    req.set(http::field::host, authority);
    req.set(http::field::content_type, "application/json");
    req.set("x-jws-signature", *jws);
    req.body() = body;
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    beast::error_code ec;
    stream.shutdown(ec);  // the server may close first; nothing to do about it
    std::cout << "HTTP " << res.result_int() << "\n";
    if (res.result_int() != 201) return Fail("not accepted: " + res.body());

    // 3. The receipt, verified offline with the processor's public checkpoint key.
    json::object receipt = json::parse(res.body()).as_object();
    std::cout << "outcome " << json::serialize(receipt.at("outcome")) << ", ledgerIndex "
              << receipt.at("ledgerIndex").to_number<uint64_t>() << ", treeSize "
              << receipt.at("treeSize").to_number<uint64_t>() << "\n";
    std::string vkey = ReadFile(opt["vkey"]);
    while (!vkey.empty() && std::isspace(static_cast<unsigned char>(vkey.back()))) vkey.pop_back();
    auto verifier = lcproc::ledger::NoteVerifier::FromVerifierKey(vkey);
    if (!verifier.ok()) return Fail("checkpoint key: " + verifier.status().message());
    auto checkpoint =
        lcproc::ledger::VerifyCheckpoint(*verifier, receipt.at("checkpoint").as_string());
    if (!checkpoint.ok()) return Fail("checkpoint: " + checkpoint.status().message());
    const uint64_t index = receipt.at("ledgerIndex").to_number<uint64_t>();
    const uint64_t size = receipt.at("treeSize").to_number<uint64_t>();
    if (checkpoint->size != size) return Fail("the checkpoint is not of the receipt's tree size");
    std::vector<lcproc::crypto::Digest> proof;
    for (const auto& h : receipt.at("inclusionProof").as_array())
      proof.push_back(DigestOf(h.as_string()));
    lcproc::Status included = lcproc::ledger::VerifyInclusion(
        DigestOf(receipt.at("leafHash").as_string()), index, size, proof, checkpoint->root);
    if (!included.ok()) return Fail("inclusion proof: " + included.message());
    std::cout << "receipt verified: entry #" << index << " is in " << checkpoint->origin
              << "'s ledger of " << size << " entries\n";
    return 0;
  } catch (const std::exception& e) {
    return Fail(e.what());
  }
}
