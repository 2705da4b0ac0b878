#!/usr/bin/env python3
"""Checks the Kubernetes manifests without a cluster (docs/operations.md, "Checking the manifests").

Parses every YAML under deploy/kubernetes and the generated backend/target/kubernetes/kubernetes.yml, checks each
document's apiVersion/kind against the versions these manifests are written for, renders the kustomization with
`kubectl kustomize` when kubectl is installed, and checks what ties them together: the probes on the management
port, no version in selectors, the HPA/PDB/Service/Ingress pointing at the Deployment's labels and ports, the
grace period covering the shutdown delay and timeout, every referenced ConfigMap/Secret/PVC made somewhere.
Exit status 1 on the first list of problems. Run from the repository root after packaging the backend.
"""
import os
import re
import shutil
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEPLOY = os.path.join(ROOT, "deploy", "kubernetes")
GENERATED = os.path.join(ROOT, "backend", "target", "kubernetes", "kubernetes.yml")
PROPERTIES = os.path.join(ROOT, "backend", "src", "main", "resources", "application.properties")

KNOWN = {
    ("v1", "ServiceAccount"), ("v1", "Service"), ("v1", "ConfigMap"), ("v1", "Secret"),
    ("v1", "PersistentVolumeClaim"), ("apps/v1", "Deployment"), ("batch/v1", "Job"),
    ("rbac.authorization.k8s.io/v1", "Role"), ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"), ("policy/v1", "PodDisruptionBudget"),
    ("networking.k8s.io/v1", "Ingress"), ("postgresql.cnpg.io/v1", "Cluster"),
    ("postgresql.cnpg.io/v1", "ScheduledBackup"), ("barmancloud.cnpg.io/v1", "ObjectStore"),
    ("kustomize.config.k8s.io/v1beta1", "Kustomization"),
}
# Made outside these files: by CloudNativePG (guanxi-db-app) or by the operator with kubectl (docs/operations.md).
EXTERNAL_SECRETS = {"guanxi-db-app", "guanxi-secrets", "guanxi-jwt", "guanxi-tls", "guanxi-backup-s3"}

problems = []


def problem(text):
    problems.append(text)


def load(path):
    with open(path, encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if d is not None]
    for d in docs:
        key = (d.get("apiVersion"), d.get("kind"))
        if key not in KNOWN:
            problem(f"{os.path.relpath(path, ROOT)}: unexpected apiVersion/kind {key}")
        if d.get("kind") != "Kustomization" and not d.get("metadata", {}).get("name"):
            problem(f"{os.path.relpath(path, ROOT)}: a {d.get('kind')} without metadata.name")
    return docs


def properties():
    values = {}
    with open(PROPERTIES, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, v = line.split("=", 1)
                values[k.strip()] = v.strip()
    return values


def seconds(duration):
    m = re.fullmatch(r"(\d+)([smh])", duration)
    return int(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[m.group(2)]


def main():
    if not os.path.exists(GENERATED):
        print(f"{GENERATED} is missing: package the backend first (./mvnw -B -q package -DskipTests -Dskip.frontend)")
        return 2
    files = [GENERATED]
    for base, dirs, names in os.walk(DEPLOY):
        dirs[:] = [d for d in dirs if d != "generated"]  # the copy of GENERATED the kustomization reads
        files += [os.path.join(base, n) for n in sorted(names) if n.endswith((".yaml", ".yml"))]
    docs = {}
    for path in files:
        try:
            docs[path] = load(path)
        except yaml.YAMLError as e:
            problem(f"{os.path.relpath(path, ROOT)}: not YAML: {e}")
    everything = [d for ds in docs.values() for d in ds]
    count = len(everything)

    rendered = None
    if shutil.which("kubectl"):
        target = os.path.join(DEPLOY, "generated", "kubernetes.yml")
        shutil.copyfile(GENERATED, target)
        out = subprocess.run(["kubectl", "kustomize", DEPLOY], capture_output=True, text=True)
        if out.returncode != 0:
            problem(f"kubectl kustomize deploy/kubernetes failed: {out.stderr.strip()}")
        else:
            rendered = [d for d in yaml.safe_load_all(out.stdout) if d is not None]
            for d in rendered:
                if (d.get("apiVersion"), d.get("kind")) not in KNOWN:
                    problem(f"rendered: unexpected {d.get('apiVersion')}/{d.get('kind')}")
    else:
        print("kubectl not installed: the kustomization is not rendered")
    app = rendered if rendered is not None else [d for d in everything if d.get("kind") != "Kustomization"]

    def one(kind, name):
        found = [d for d in app if d.get("kind") == kind and d["metadata"]["name"] == name]
        if len(found) != 1:
            problem(f"expected one {kind} {name}, found {len(found)}")
            return {}
        return found[0]

    deployment = one("Deployment", "guanxi-crm")
    service = one("Service", "guanxi-crm")
    if deployment:
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        selector = deployment["spec"]["selector"]["matchLabels"]
        if "app.kubernetes.io/version" in selector or "app.kubernetes.io/version" in service.get("spec", {}).get("selector", {}):
            problem("a version in a selector: every upgrade's apply would fail (selectors are immutable)")
        pod = deployment["spec"]["template"]["spec"]
        container = pod["containers"][0]
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        if ports.get("http") != 8080 or ports.get("management") != 9000:
            problem(f"container ports {ports}: expected http 8080 and management 9000")
        for probe, path in (("startupProbe", "/q/health/started"), ("livenessProbe", "/q/health/live"),
                            ("readinessProbe", "/q/health/ready")):
            get = container.get(probe, {}).get("httpGet", {})
            if get.get("port") != 9000 or get.get("path") != path:
                problem(f"{probe} is {get}: expected {path} on the management port 9000")
        res = container.get("resources", {})
        for side in ("requests", "limits"):
            if "memory" not in res.get(side, {}):
                problem(f"no memory {side}")
        props = properties()
        delay = seconds(props.get("%prod.quarkus.shutdown.delay", "0s"))
        timeout = seconds(props.get("quarkus.shutdown.timeout", "30s"))
        if props.get("quarkus.shutdown.delay-enabled") != "true" or delay == 0:
            problem("quarkus.shutdown.delay-enabled / %prod.quarkus.shutdown.delay not set: readiness would not go down first")
        if rendered is not None:
            grace = pod.get("terminationGracePeriodSeconds", 30)
            if grace < delay + timeout:
                problem(f"terminationGracePeriodSeconds {grace} < shutdown delay {delay} + timeout {timeout}")
            if "replicas" in deployment["spec"]:
                problem("the Deployment sets replicas although the HPA owns them")
        if service and not all(labels.get(k) == v for k, v in service["spec"]["selector"].items()):
            problem("the Service selects no pod of the Deployment")
        if service and [p["targetPort"] for p in service["spec"]["ports"]] != [8080]:
            problem("the Service must expose the public port 8080 only (never the management port)")
        made = {(d["kind"], d["metadata"]["name"]) for d in everything if d.get("kind") != "Kustomization"}
        for env in container.get("env", []):
            ref = env.get("valueFrom", {}).get("secretKeyRef")
            if ref and ref["name"] not in EXTERNAL_SECRETS | {n for k, n in made if k == "Secret"}:
                problem(f"env {env['name']} reads Secret {ref['name']}, made nowhere")
        for src in container.get("envFrom", []):
            if "configMapRef" in src and ("ConfigMap", src["configMapRef"]["name"]) not in made:
                problem(f"envFrom ConfigMap {src['configMapRef']['name']} is made nowhere")
        for vol in pod.get("volumes", []):
            if "persistentVolumeClaim" in vol and ("PersistentVolumeClaim", vol["persistentVolumeClaim"]["claimName"]) not in made:
                problem(f"volume {vol['name']} claims a PVC made nowhere")
            if "secret" in vol and vol["secret"]["secretName"] not in EXTERNAL_SECRETS:
                problem(f"volume {vol['name']} mounts Secret {vol['secret']['secretName']}, not documented")
        for kind in ("HorizontalPodAutoscaler", "PodDisruptionBudget"):
            d = one(kind, "guanxi-crm")
            if kind == "HorizontalPodAutoscaler" and d and d["spec"]["scaleTargetRef"]["name"] != "guanxi-crm":
                problem("the HPA scales something else")
            if kind == "PodDisruptionBudget" and d and not all(labels.get(k) == v for k, v in d["spec"]["selector"]["matchLabels"].items()):
                problem("the PDB selects no pod of the Deployment")
        ingress = one("Ingress", "guanxi-crm")
        for rule in ingress.get("spec", {}).get("rules", []):
            for p in rule["http"]["paths"]:
                backend = p["backend"]["service"]
                if backend["name"] != "guanxi-crm" or backend["port"].get("name") != "http":
                    problem(f"the Ingress sends to {backend}, not the Service's http port")
        cluster = [d for d in everything if d.get("kind") == "Cluster"]
        if len(cluster) != 1:
            problem("expected one CloudNativePG Cluster")
        else:
            spec = cluster[0]["spec"]
            sync = spec.get("postgresql", {}).get("synchronous", {})
            if spec.get("instances") != 3 or sync.get("dataDurability") != "required" or sync.get("number", 0) < 1:
                problem(f"the Cluster is not 1 primary + 2 synchronous-capable replicas with dataDurability required: {spec}")
            hpa = one("HorizontalPodAutoscaler", "guanxi-crm")
            # Every pool of a replica: the main one (Quarkus' default 20) and each named one (reporting, audit).
            pool = int(props.get("quarkus.datasource.jdbc.max-size", "20")) + sum(
                int(value) for key, value in props.items() if re.fullmatch(r"quarkus\.datasource\.[\w-]+\.jdbc\.max-size", key))
            conns = int(spec.get("postgresql", {}).get("parameters", {}).get("max_connections", "100"))
            if hpa and hpa["spec"]["maxReplicas"] * pool > conns - 20:
                problem(f"HPA max {hpa['spec']['maxReplicas']} × {pool} pooled connections leaves < 20 of max_connections {conns}")

    if problems:
        print("\n".join(problems))
        return 1
    print(f"{count} documents in {len(files)} files parsed; kinds and apiVersions known; "
          f"{'kustomization rendered, ' if rendered is not None else ''}references, probes, selectors and grace period consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
