/**
 * What a typed number field accepts: a plain decimal, optionally signed, with an optional exponent ("0.03",
 * "-2", ".5", "1e-3"). Not what JavaScript's Number() also reads: "0x10" (16), "0b1", "0o7", "Infinity", "" (0).
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type NumberReading = { value: number } | { error: string };

export function readNumber(
  text: string,
  field: { label: string; min: number; max: number; integer?: boolean; current: number },
): NumberReading {
  const t = text.trim();
  const v = DECIMAL.test(t) ? Number(t) : NaN;
  const kind = field.integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(v) || (field.integer && !Number.isInteger(v)))
    return { error: `${field.label} must be ${kind}; kept ${field.current}.` };
  if (v < field.min || v > field.max)
    return { error: `${field.label} must be from ${field.min} to ${field.max}; kept ${field.current}.` };
  return { value: v };
}
