#include "pipeline/trade/party.h"

#include "pipeline/trade/goods.h"

namespace lcproc::trade {

bool SameName(const Party& a, const Party& b) { return SameText(a.name, b.name); }

}  // namespace lcproc::trade
