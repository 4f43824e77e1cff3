// Validates every example in schemas/examples/ against its JSON Schema (2020-12) in
// schemas/json/ with ajv in strict mode, and checks that the schemas refuse what the
// codec refuses (unknown members, missing required members, numbers as money). Further
// examples of a type (schemas/examples/<type>.<variant>.json) are validated too.
// Run: (cd schemas/validate && npm ci) && node schemas/validate/validate.mjs
// Exit 0 when every check holds, 1 otherwise; a missing node_modules fails the import.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

let failures = 0;
const check = (ok, message) => {
  if (!ok) {
    failures++;
    console.error("FAIL " + message);
  }
};

const types = readdirSync(join(root, "json"))
  .filter((f) => f.endsWith(".schema.json"))
  .map((f) => f.slice(0, -".schema.json".length));
check(types.length === 9, `expected 9 document schemas, found ${types.length}`);

for (const type of types) {
  const schema = JSON.parse(readFileSync(join(root, "json", `${type}.schema.json`), "utf8"));
  const validate = ajv.compile(schema);
  const example = JSON.parse(readFileSync(join(root, "examples", `${type}.json`), "utf8"));
  check(validate(example), `${type}: example invalid: ${ajv.errorsText(validate.errors)}`);

  check(!validate({ ...example, unknownMember: 1 }), `${type}: accepts an unknown member`);
  for (const required of schema.required) {
    const copy = { ...example };
    delete copy[required];
    check(!validate(copy), `${type}: accepts a document without ${required}`);
  }
  check(!validate({ ...example, type: "somethingElse" }), `${type}: accepts another type`);
  for (const [key, value] of Object.entries(example)) {
    if (value && typeof value === "object" && "currency" in value && "amount" in value) {
      check(!validate({ ...example, [key]: { ...value, amount: Number(value.amount) } }),
            `${type}: accepts ${key}.amount as a JSON number`);
    }
  }
  console.log(`ok ${type}`);

  // Further examples of the same type ("presentation.air.json"): every typed trade
  // document has one.
  for (const file of readdirSync(join(root, "examples"))) {
    if (!file.startsWith(`${type}.`) || file === `${type}.json` || !file.endsWith(".json")) continue;
    const variant = JSON.parse(readFileSync(join(root, "examples", file), "utf8"));
    check(validate(variant), `${file}: example invalid: ${ajv.errorsText(validate.errors)}`);
    check(!validate({ ...variant, unknownMember: 1 }), `${file}: accepts an unknown member`);
    console.log(`ok ${file}`);
  }
}
process.exit(failures === 0 ? 0 : 1);
