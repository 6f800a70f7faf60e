/**
 * Colours the file formats that carry them (GEXF, GraphML) give each node, by label.
 * The graph holds facts only; these are presentation defaults for Gephi and yEd,
 * picked from the Okabe–Ito colour-blind-safe palette.
 */
import type { EntityLabel } from '../../types.js';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Node colour per label. */
export const LABEL_COLORS: Readonly<Record<EntityLabel, Rgb>> = {
  Person: { r: 0, g: 114, b: 178 }, // blue
  Country: { r: 0, g: 158, b: 115 }, // bluish green
  Organization: { r: 230, g: 159, b: 0 }, // orange
  Event: { r: 204, g: 121, b: 167 }, // reddish purple
  Place: { r: 86, g: 180, b: 233 }, // sky blue
};
