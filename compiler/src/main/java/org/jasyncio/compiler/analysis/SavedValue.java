package org.jasyncio.compiler.analysis;

/**
 * One local variable slot or operand stack entry at a suspension point, and how it survives.
 *
 * @param index        the local variable slot, or the position on the operand stack (0 = bottom),
 *                     counted as the original method counts them
 * @param verifierType the verifier's type: {@code Opcodes.INTEGER}, {@code FLOAT}, {@code LONG},
 *                     {@code DOUBLE}, {@code NULL}, or an internal class name
 * @param field        the field that carries the value across the suspension, or null when the value
 *                     is restored as a constant: {@code null} for the null type, and the type's zero
 *                     for a local that is dead here but that the verifier still expects to be typed
 */
public record SavedValue(int index, Object verifierType, SpillField field) {
}
