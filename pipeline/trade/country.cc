#include "pipeline/trade/country.h"

#include <string_view>

namespace lcproc::trade {
namespace {

// The 249 officially assigned ISO 3166-1 alpha-2 codes, two letters each, sorted.
constexpr std::string_view kCountries =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZ"
    "BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ"
    "CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ"
    "DEDJDKDMDODZ"
    "ECEEEGEHERESET"
    "FIFJFKFMFOFR"
    "GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY"
    "HKHMHNHRHTHU"
    "IDIEILIMINIOIQIRISIT"
    "JEJMJOJP"
    "KEKGKHKIKMKNKPKRKWKYKZ"
    "LALBLCLILKLRLSLTLULVLY"
    "MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ"
    "NANCNENFNGNINLNONPNRNUNZ"
    "OM"
    "PAPEPFPGPHPKPLPMPNPRPSPTPWPY"
    "QA"
    "RERORSRURW"
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ"
    "TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ"
    "UAUGUMUSUYUZ"
    "VAVCVEVGVIVNVU"
    "WFWS"
    "YEYT"
    "ZAZMZW";

static_assert(kCountries.size() == 2 * 249, "ISO 3166-1 assigns 249 alpha-2 codes");

bool IsAssigned(std::string_view code) {
  // Binary search over the fixed-width sorted table.
  size_t lo = 0, hi = kCountries.size() / 2;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    std::string_view entry = kCountries.substr(mid * 2, 2);
    if (entry == code) return true;
    if (entry < code)
      lo = mid + 1;
    else
      hi = mid;
  }
  return false;
}

bool IsTwoUpper(std::string_view code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

}  // namespace

Result<CountryCode> CountryCode::Parse(std::string_view code) {
  if (!IsTwoUpper(code)) {
    return InvalidArgument("country code must be two upper-case letters (ISO 3166-1): '" +
                           std::string(code) + "'");
  }
  if (!IsAssigned(code)) {
    std::string message(code);
    message += " is not an assigned ISO 3166-1 country code";
    return InvalidArgument(message);
  }
  return CountryCode(code);
}

Result<CountryCode> CountryCode::ParseForBic(std::string_view code) {
  if (code == "XK") return CountryCode(code);
  return Parse(code);
}

}  // namespace lcproc::trade
