import type { JsonSchema } from './operation.ts';
import type { OpenApiDocument, OperationObject } from './document.ts';

// GET /api/docs: the OpenAPI document as one self-contained HTML page. No script and no outside
// resource, so it runs under the API's CSP (security.ts: script-src 'self', inline styles allowed);
// <details> does the folding a script would otherwise do.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

const accessText: Record<OperationObject['x-access'], string> = {
  public: 'anyone',
  caller: 'anyone; uses the session or guest cookie',
  user: 'signed-in user',
  support: 'SUPPORT or ADMIN role',
  admin: 'ADMIN role',
};

const style = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1b1b1f}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f4f4f6;padding:.5rem;overflow:auto;max-height:24rem}
details{border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}summary{cursor:pointer}
.m{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}
.get{color:#0b6b3a}.post{color:#0b4d9c}.put,.patch{color:#8a5300}.delete{color:#a11}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
.note{color:#555}`;

function parametersTable(parameters: JsonSchema[] | undefined): string {
  if (!parameters?.length) return '';
  const rows = parameters.map((p) => `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code>${typeof p.description === 'string' ? `<br>${escapeHtml(p.description)}` : ''}</td></tr>`);
  return `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${rows.join('')}</table>`;
}

function contentOf(container: JsonSchema): string {
  const content = (container.content ?? {}) as Record<string, { schema?: unknown }>;
  return Object.entries(content).map(([type, media]) => `<p><code>${escapeHtml(type)}</code></p>${json(media.schema ?? {})}`).join('');
}

function operationHtml(method: string, path: string, op: OperationObject): string {
  const responses = Object.entries(op.responses).map(([status, response]) => {
    const error = Number(status) >= 400;
    const body = error ? `<p>${op['x-error-codes'].filter((code) => String(response.description).includes(`\`${code}\``)).map((code) => `<code>${code}</code>`).join(', ')}</p>` : `<p>${escapeHtml(String(response.description))}</p>${contentOf(response)}`;
    return `<h4>${escapeHtml(status)}</h4>${body}`;
  });
  return `<details id="${escapeHtml(op.operationId)}"><summary><span class="m ${method}">${method}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(op.summary)}</summary>
<p>Access: ${accessText[op['x-access']]}${op.security.some((s) => 'csrfHeader' in s) ? '; needs the CSRF header' : ''}.</p>
${op.description ? `<p class="note">${escapeHtml(op.description)}</p>` : ''}${op['x-not-fuzzed'] ? `<p class="note">Not fuzzed: ${escapeHtml(op['x-not-fuzzed'])}</p>` : ''}
${parametersTable(op.parameters)}${op.requestBody ? `<h4>Request body${op.requestBody.required ? '' : ' (optional)'}</h4>${contentOf(op.requestBody)}` : ''}
<h4>Responses</h4>${responses.join('')}<p class="note">Errors use the <a href="#errors">error envelope</a>.</p></details>`;
}

export function renderDocsPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('\n')}`);
  const schemes = Object.entries(document.components.securitySchemes).map(([name, s]) => `<tr><td><code>${name}</code></td><td>${escapeHtml(String(s.in))} <code>${escapeHtml(String(s.name))}</code></td><td>${escapeHtml(String(s.description))}</td></tr>`);
  const codes = document['x-error-codes'].map((e) => `<tr><td><code>${e.code}</code></td><td>${e.status}</td><td>${escapeHtml(e.message)}</td></tr>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(document.info.title)} — API</title><style>${style}</style></head><body>
<h1>${escapeHtml(document.info.title)}</h1><p>Version ${escapeHtml(document.info.version)} · OpenAPI ${document.openapi} · <a href="/api/openapi.json">openapi.json</a></p>
${document.info.description.split('\n\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('')}
<nav><p>${[...byTag.keys()].map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`).join(' · ')} · <a href="#auth">authentication</a> · <a href="#errors">error codes</a></p></nav>
${sections.join('\n')}
<h2 id="auth">Authentication</h2><table><tr><th>scheme</th><th>where</th><th></th></tr>${schemes.join('')}</table>
<h2 id="errors">Error codes</h2>${json(document.components.schemas.Error)}
<table><tr><th>code</th><th>status</th><th>message</th></tr>${codes.join('')}</table>
</body></html>`;
}
