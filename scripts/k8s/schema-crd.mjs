// Validates custom resources against their CRD's openAPIV3Schema, with unknown fields refused (the API server's
// strict field validation): node crd-check.mjs <crd.yaml> < manifests.yaml
import * as yaml from "js-yaml";
import fs from "node:fs";
import Ajv from "ajv";
const crd = yaml.load(fs.readFileSync(process.argv[2], "utf8"));
const kind = crd.spec.names.kind;
function strict(s) {
  if (s && typeof s === "object") {
    if (s.properties && s.additionalProperties === undefined && !s["x-kubernetes-preserve-unknown-fields"]) s.additionalProperties = false;
    for (const v of Object.values(s)) strict(v);
  }
  return s;
}
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
const validators = Object.fromEntries(crd.spec.versions.map((v) => [`${crd.spec.group}/${v.name}`, ajv.compile(strict(v.schema.openAPIV3Schema))]));
let bad = 0;
for (const d of yaml.loadAll(fs.readFileSync(0, "utf8")).filter(Boolean)) {
  if (d.kind !== kind) continue;
  const validate = validators[d.apiVersion];
  if (!validate) { console.log(`INVALID: ${d.apiVersion} is not a version of ${kind}`); bad++; continue; }
  if (validate(d)) console.log(`valid: ${d.apiVersion} ${kind} ${d.metadata.name}`);
  else { bad++; console.log(`INVALID: ${kind} ${d.metadata.name}: ${JSON.stringify(validate.errors, null, 1)}`); }
}
process.exit(bad ? 1 : 0);
