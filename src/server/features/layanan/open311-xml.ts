/**
 * Open311 GeoReport v2 in XML, the format older command-centre clients still ask for: the same
 * records as the JSON answers, in the specification's element names (`services/service`,
 * `service_requests/request`, `service_definition`, `errors/error`). A null field is an empty element,
 * as in the specification's examples.
 */

type Scalar = string | number | boolean | null | undefined;
type XmlValue = Scalar | readonly XmlValue[] | { readonly [key: string]: XmlValue };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks) are dropped.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping exactly those characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function element(name: string, value: XmlValue, itemName: string): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(itemName, v, itemName)).join('')}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([key, v]) => element(key, v, key.replace(/s$/, '')))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: `root` holding one `item` element per record (or a single record as `root`). */
export function open311Xml(root: string, item: string, body: readonly XmlValue[] | Record<string, XmlValue>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, body as XmlValue, item)}`;
}

export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';
