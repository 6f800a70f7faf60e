/**
 * The one palette of node labels and relationship types, for every sink that draws: the
 * viewer (hex strings) and the exports that carry colours (GEXF, GraphML: `toRgb`). Label
 * colours are here; a relationship type's colour is its descriptor's (src/relation-types.ts),
 * so a new type brings its own. Presentation only: the graph holds no colours. Browser-safe
 * (no Node API): the viewer bundles it.
 *
 * The colours come from Tableau's categorical palettes "Tableau 10" and "Tableau 20"; a new
 * relation type takes one of theirs that no label or type uses yet (the registry test checks).
 */
import { RELATIONS, type RelationDescriptor, type RelationType } from '../relation-types.js';
import { ENTITY_LABELS, type EntityLabel } from '../types.js';

/** Node colour per label. */
export const LABEL_COLORS: Readonly<Record<EntityLabel, string>> = {
  Person: '#4e79a7',
  Country: '#f28e2b',
  Organization: '#59a14f',
  Event: '#e15759',
  Place: '#9c755f',
};

/** Edge colour per relationship type, over `descriptors`. */
export function typeColors<T extends string>(descriptors: readonly RelationDescriptor<T>[]): Record<T, string> {
  return Object.fromEntries(descriptors.map((d) => [d.type, d.color])) as Record<T, string>;
}

/** Edge colour per relationship type of the registry. */
export const TYPE_COLORS: Readonly<Record<RelationType, string>> = typeColors(RELATIONS);

/** Nodes and edges outside the hovered or selected neighbourhood. */
export const MUTED_COLOR = '#e2e2e2';
/** A label or type the palette does not know (a graph from a newer version). */
export const UNKNOWN_LABEL_COLOR = '#999999';
export const UNKNOWN_TYPE_COLOR = '#cccccc';

export const LABELS: readonly EntityLabel[] = ENTITY_LABELS;
export const TYPES: readonly RelationType[] = RELATIONS.map((d) => d.type);

export function labelColor(label: string): string {
  return LABEL_COLORS[label as EntityLabel] ?? UNKNOWN_LABEL_COLOR;
}

export function typeColor(type: string): string {
  return TYPE_COLORS[type as RelationType] ?? UNKNOWN_TYPE_COLOR;
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** `#rrggbb` as numbers, for the formats that store colours as channels. */
export function toRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`palette: '${hex}' is not a #rrggbb colour.`);
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) };
}
