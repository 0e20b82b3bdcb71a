// Renders the OpenAPI document: operations grouped by their first path segment after /api, then the schemas.
// Text is set with textContent only: nothing from the document is parsed as HTML.
const element = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

const schemaName = (schema) => {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.type === "array") return `${schemaName(schema.items)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null").join(" | ") : schema.type;
  return [type, schema.format].filter(Boolean).join(" ") || "object";
};

const group = (path) => path.replace(/^\/api\//, "").split("/")[0] || "/";

function operationSection(method, path, operation) {
  const section = element("section", undefined, "operation");
  const heading = element("div");
  heading.append(element("span", method.toUpperCase(), "method"), element("span", path, "path"));
  section.append(heading);
  if (operation.summary || operation.description) section.append(element("p", operation.summary ?? operation.description));
  const parameters = operation.parameters ?? [];
  if (parameters.length > 0) {
    const table = element("table");
    for (const parameter of parameters) {
      const row = element("tr");
      row.append(element("td", parameter.name), element("td", parameter.in, "muted"),
        element("td", schemaName(parameter.schema)), element("td", parameter.required ? "required" : "optional", "muted"));
      table.append(row);
    }
    section.append(table);
  }
  const body = operation.requestBody?.content;
  if (body) {
    for (const [type, content] of Object.entries(body)) section.append(element("p", `Body (${type}): ${schemaName(content.schema)}`));
  }
  const responses = Object.entries(operation.responses ?? {})
    .map(([status, response]) => `${status}${response.content ? ` ${Object.values(response.content).map((c) => schemaName(c.schema))[0]}` : ""}`);
  if (responses.length > 0) section.append(element("p", `Responses: ${responses.join(", ")}`, "muted"));
  return section;
}

function schemaSection(name, schema) {
  const section = element("section", undefined, "operation");
  section.append(element("code", name));
  const table = element("table");
  for (const [property, definition] of Object.entries(schema.properties ?? {})) {
    const row = element("tr");
    const required = (schema.required ?? []).includes(property);
    row.append(element("td", property), element("td", schemaName(definition)), element("td", required ? "required" : "", "muted"));
    table.append(row);
  }
  if (schema.enum) section.append(element("p", `One of: ${schema.enum.join(", ")}`));
  section.append(table);
  return section;
}

async function load() {
  const message = document.getElementById("message");
  const response = await fetch("/openapi/v1.json");
  if (!response.ok) {
    message.textContent = response.status === 401 || response.status === 403
      ? "Sign in as an admin on /admin/ first." : `The document could not be loaded (${response.status}).`;
    return;
  }
  const documentJson = await response.json();
  document.getElementById("title").textContent = `${documentJson.info?.title ?? "API"} ${documentJson.info?.version ?? ""}`;
  const operations = document.getElementById("operations");
  const byGroup = new Map();
  for (const [path, item] of Object.entries(documentJson.paths ?? {})) {
    for (const method of ["get", "put", "post", "patch", "delete"]) {
      if (!item[method]) continue;
      const key = group(path);
      if (!byGroup.has(key)) byGroup.set(key, []);
      byGroup.get(key).push(operationSection(method, path, item[method]));
    }
  }
  for (const key of [...byGroup.keys()].sort()) {
    operations.append(element("h2", key), ...byGroup.get(key));
  }
  const schemas = Object.entries(documentJson.components?.schemas ?? {});
  if (schemas.length > 0) {
    const container = document.getElementById("schemas");
    container.append(element("h2", "Schemas"), ...schemas.map(([name, schema]) => schemaSection(name, schema)));
  }
  message.textContent = "";
}

load().catch(() => { document.getElementById("message").textContent = "The document could not be loaded."; });
