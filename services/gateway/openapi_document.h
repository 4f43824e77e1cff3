// The OpenAPI 3.1 description of the REST API: schemas/openapi.json, embedded at build
// time (embed_file.cmake) and served verbatim at GET /openapi.json.
#pragma once

#include <string_view>

namespace lcproc::gateway {

extern const std::string_view kOpenApiJson;

}  // namespace lcproc::gateway
