package org.jasyncio.compiler.analysis;

/**
 * A field of the generated frame class that holds one saved value while the coroutine is suspended.
 * Fields are typed exactly (a {@code String} local is kept in a {@code String} field; an {@code int}
 * in an {@code int} field), so nothing is boxed and nothing needs a cast when it is restored.
 *
 * @param name       the field's name: {@code i0}, {@code j0}, {@code f0}, {@code d0} or {@code a0}, {@code a1}, ...
 * @param descriptor the field's type descriptor
 */
public record SpillField(String name, String descriptor) {

    /** Whether the field holds a reference, which must be cleared once restored. */
    public boolean isReference() {
        char first = descriptor.charAt(0);
        return first == 'L' || first == '[';
    }
}
