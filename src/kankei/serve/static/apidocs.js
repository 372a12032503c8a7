// The API, documented from its OpenAPI schema (/openapi.json).
import { $, api, el, errorBox, setTitle, topbar } from "/static/common.js";

topbar("/docs");
setTitle("API");
const main = $("#main");

function typeOf(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t && t !== "null").join(" | ");
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.type === "array") return `list of ${typeOf(schema.items)}`;
  const bounds = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : "", schema.maximum !== undefined ? `≤ ${schema.maximum}` : ""]
    .filter(Boolean).join(", ");
  return (schema.type || (schema.$ref ? schema.$ref.split("/").pop() : "")) + (bounds ? ` (${bounds})` : "");
}

function example(path, op) {
  if (path.includes("{")) return null;
  const q = new URLSearchParams();
  for (const p of op.parameters || []) {
    if (p.in === "query" && p.required) q.set(p.name, p.name === "q" ? "repatriation" : "1");
  }
  return path + (q.toString() ? `?${q}` : "");
}

try {
  const spec = await api("/openapi.json");
  main.append(el("div", { class: "page-head" }, el("h1", {}, spec.info.title), el("span", { class: "sub" }, `version ${spec.info.version}`)),
    el("p", { style: { maxWidth: "52rem" } }, spec.info.description),
    el("p", { class: "small muted" }, "The machine-readable schema is at ", el("a", { href: "/openapi.json" }, "/openapi.json"), "."));
  const tags = new Map();
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = (op.tags || ["other"])[0];
      if (!tags.has(tag)) tags.set(tag, []);
      tags.get(tag).push({ path, method, op });
    }
  }
  for (const [tag, list] of tags) {
    main.append(el("h2", { style: { textTransform: "capitalize" } }, tag));
    for (const { path, method, op } of list) {
      const params = (op.parameters || []);
      const ex = method === "get" ? example(path, op) : null;
      const out = el("pre", { class: "json", hidden: true });
      const tryIt = ex ? el("button", { type: "button", onclick: async () => {
        out.hidden = false;
        try { out.textContent = JSON.stringify(await api(ex), null, 2).slice(0, 6000); } catch (err) { out.textContent = err.message; }
      } }, `Try ${ex}`) : null;
      const body = op.requestBody ? el("p", { class: "small" }, "JSON body: ",
        el("code", {}, typeOf(op.requestBody.content["application/json"].schema))) : null;
      main.append(el("details", { class: "endpoint" },
        el("summary", {}, el("span", { class: `method ${method}` }, method.toUpperCase()), el("span", { class: "path" }, path),
          el("span", { class: "muted" }, op.summary || "")),
        el("div", { class: "body" },
          op.description ? el("p", { style: { whiteSpace: "pre-line" } }, op.description) : null,
          params.length ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Parameter"), el("th", {}, "In"),
            el("th", {}, "Type"), el("th", {}, "Default"), el("th", {}, "Meaning"))),
          el("tbody", {}, params.map((p) => el("tr", {}, el("td", {}, el("code", {}, p.name), p.required ? " *" : ""),
            el("td", {}, p.in), el("td", {}, typeOf(p.schema)),
            el("td", {}, p.schema && p.schema.default !== undefined ? el("code", {}, JSON.stringify(p.schema.default)) : ""),
            el("td", {}, p.description || ""))))) : null,
          body, tryIt, out)));
    }
  }
} catch (err) {
  main.append(errorBox(err));
}

