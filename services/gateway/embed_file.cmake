# Writes OUTPUT, a C++ source defining `const std::string_view NAME` over INPUT's bytes,
# so the server serves schemas/openapi.json exactly as committed without reading files
# at run time. Run by add_custom_command (cmake -P), so an edit of INPUT rebuilds it.
file(READ "${INPUT}" content)
string(FIND "${content}" ")lcproc_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_file.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace lcproc::gateway {\n"
  "extern const std::string_view ${NAME};\n"
  "const std::string_view ${NAME} = R\"lcproc_embed(${content})lcproc_embed\";\n"
  "}  // namespace lcproc::gateway\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
