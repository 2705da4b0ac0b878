// Validates every core-API document of a multi-document YAML (stdin) against the Kubernetes OpenAPI schemas
// shipped in kubernetes-models; CRD kinds (CloudNativePG) are listed as skipped.
import * as yaml from "js-yaml";
import fs from "node:fs";
const docs = yaml.loadAll(fs.readFileSync(0, "utf8")).filter(Boolean);
let bad = 0, ok = 0;
for (const d of docs) {
  const [group, version] = d.apiVersion.includes("/") ? d.apiVersion.split("/") : ["v1", null];
  const path = version ? `kubernetes-models/${group}/${version}/${d.kind}` : `kubernetes-models/v1/${d.kind}`;
  let Model;
  try { Model = (await import(path))[d.kind]; } catch { console.log(`skipped (no schema): ${d.apiVersion} ${d.kind} ${d.metadata?.name}`); continue; }
  try { new Model(d).validate(); ok++; console.log(`valid: ${d.apiVersion} ${d.kind} ${d.metadata.name}`); }
  catch (e) { bad++; console.log(`INVALID: ${d.apiVersion} ${d.kind} ${d.metadata?.name}: ${e.message}`); }
}
console.log(`${ok} valid, ${bad} invalid`);
process.exit(bad ? 1 : 0);
