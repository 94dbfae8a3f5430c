import type { Router } from '../router.ts';
import type { ApiOperation } from './operation.ts';

// The routes the routers really answer, as `GET /api/drafts/:id`, to hold the operation lists
// against (HEAD comes free with GET; `router.use` guards register no method and are skipped).

export function registeredRoutes(routers: readonly Router[]): string[] {
  const routes = new Set<string>();
  for (const router of routers) {
    for (const layer of router.stack) {
      for (const method of layer.methods) {
        if (method !== 'HEAD') routes.add(`${method} ${String(layer.path)}`);
      }
    }
  }
  return [...routes].sort();
}

export function documentedRoutes(operations: readonly ApiOperation[]): string[] {
  return operations.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`).sort();
}

/** What a router answers that no operation documents, and what is documented that nothing answers. */
export function routeDrift(routers: readonly Router[], operations: readonly ApiOperation[]): { undocumented: string[]; unrouted: string[] } {
  const registered = registeredRoutes(routers);
  const documented = documentedRoutes(operations);
  return { undocumented: registered.filter((r) => !documented.includes(r)), unrouted: documented.filter((r) => !registered.includes(r)) };
}
