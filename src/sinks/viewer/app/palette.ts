/** The viewer's colours: the one palette of src/sinks/palette.ts (presentation only; the model holds no colours). */
export { LABEL_COLORS, LABELS, labelColor, MUTED_COLOR, TYPE_COLORS, TYPES, typeColor } from '../../palette.js';
