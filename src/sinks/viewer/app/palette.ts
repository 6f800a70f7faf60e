/** Colours of labels and relationship types (presentation only; the model holds no colours). */
import { ENTITY_LABELS, RELATION_TYPES } from '../../../types.js';
import type { EntityLabel, RelationType } from '../../../types.js';

export const LABEL_COLORS: Record<EntityLabel, string> = {
  Person: '#4e79a7',
  Country: '#f28e2b',
  Organization: '#59a14f',
  Event: '#e15759',
  Place: '#9c755f',
};

export const TYPE_COLORS: Record<RelationType, string> = {
  MET_WITH: '#76b7b2',
  SAID: '#edc948',
  PROPOSED: '#8cd17d',
  REJECTED: '#ff9d9a',
  PARTICIPATED_IN: '#bab0ac',
};

/** Nodes and edges outside the hovered or selected neighbourhood. */
export const MUTED_COLOR = '#e2e2e2';

export const LABELS: readonly EntityLabel[] = ENTITY_LABELS;
export const TYPES: readonly RelationType[] = RELATION_TYPES;

export function labelColor(label: string): string {
  return LABEL_COLORS[label as EntityLabel] ?? '#999999';
}

export function typeColor(type: string): string {
  return TYPE_COLORS[type as RelationType] ?? '#cccccc';
}
