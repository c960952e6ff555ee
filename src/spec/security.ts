import type { OpenApiDocument } from './openapi-document.js';

/** The header of the document's API-key scheme: the spec alone decides its name. */
export function apiKeyHeaderOf(document: OpenApiDocument): string {
  const scheme = Object.values(document.components.securitySchemes).find((s) => s.type === 'apiKey' && s.in === 'header');
  if (scheme?.name === undefined) throw new Error('the OpenAPI document defines no API-key header scheme');
  return scheme.name;
}
