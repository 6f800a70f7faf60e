/**
 * Colours the file formats that carry them (GEXF, GraphML) give each node, by label:
 * the viewer's, from the one palette (src/sinks/palette.ts), as RGB channels. The graph
 * holds facts only; these are presentation defaults for Gephi and yEd.
 */
import { ENTITY_LABELS, type EntityLabel } from '../../types.js';
import { LABEL_COLORS as HEX, toRgb, type Rgb } from '../palette.js';

export type { Rgb } from '../palette.js';

/** Node colour per label. */
export const LABEL_COLORS: Readonly<Record<EntityLabel, Rgb>> = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, toRgb(HEX[label])]),
) as Record<EntityLabel, Rgb>;
