package org.jasyncio.compiler.codegen;

import org.jasyncio.compiler.Abi;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the frame class generated for one {@code @Async} method: its name and the fields that
 * carry the receiver and the arguments from the call to the first run of the body.
 *
 * @param name        the frame class's internal name, {@code com/example/Hello$Async$say}
 * @param owner       the internal name of the class that declares the method
 * @param ownerIsInterface whether that class is an interface
 * @param isStatic    whether the method is static (the frame then has no {@code self} field)
 * @param arguments   the method's parameter types
 * @param nestmate    whether the frame joins its owner's nest (JVM 11+ class files of a top-level
 *                    class), so that the body can be private: javac then never offers it, beside the
 *                    stub, to code compiled against the class (a {@code null} argument would pick it)
 */
public record FrameShape(String name, String owner, boolean ownerIsInterface, boolean isStatic, Type[] arguments,
                         boolean nestmate) {

    /** The frame's state field: 0 before the first run, {@code k} while suspended at point {@code k}. */
    public static final String STATE = "state";
    /**
     * The frame class's static method that a body's save block calls: it gives the body its frame
     * (made at the first suspension of a body called directly), records the state and links it.
     */
    public static final String SUSPENDING = "suspending";
    /** The frame's receiver field, for instance methods. */
    public static final String SELF = "self";
    /** The slots the body inserts after the receiver (frame, task, state): every later slot moves up by this many. */
    public static final int INSERTED_SLOTS = 3;
    /** The frame class's access flags, in its class file and in its {@code InnerClasses} entries. */
    public static final int ACCESS = Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC;

    /** The shape for {@code method} of {@code owner}, named with {@code suffix} to tell overloads apart. */
    public static FrameShape of(ClassNode owner, MethodNode method, String suffix) {
        return new FrameShape(owner.name + Abi.FRAME_CLASS_INFIX + method.name + suffix, owner.name,
                (owner.access & Opcodes.ACC_INTERFACE) != 0, (method.access & Opcodes.ACC_STATIC) != 0,
                Type.getArgumentTypes(method.desc), canJoinNest(owner));
    }

    /**
     * Whether a frame can be made a nestmate of {@code owner} by rewriting {@code owner} alone: its class
     * file knows nests (Java 11+), and it is its own nest's host (a top-level class). A nested class's
     * host is another class file, which the agent cannot change once loaded.
     */
    private static boolean canJoinNest(ClassNode owner) {
        return (owner.version & 0xFFFF) >= Opcodes.V11 && owner.nestHostClass == null;
    }

    /**
     * The {@code InnerClasses} entry that makes the frame a static member of its owner, with the
     * simple name {@code Async$method}; both the frame class and its owner carry it.
     */
    public InnerClassNode memberEntry() {
        return new InnerClassNode(name, owner, name.substring(owner.length() + 1), ACCESS | Opcodes.ACC_STATIC);
    }

    /** The field that carries argument {@code index}. */
    public static String argumentField(int index) {
        return "p" + index;
    }

    /** {@code Lcom/example/Hello$Async$say;}. */
    public String descriptor() {
        return "L" + name + ";";
    }

    /**
     * The rewritten body's descriptor: it takes its frame ({@code null} when called through the direct
     * entry, until it suspends), its task and the state to start in, then the method's arguments, and
     * returns the result or {@code SUSPENDED}.
     */
    public String bodyDescriptor() {
        return "(" + descriptor() + Abi.TRAMPOLINE_DESC + "I" + argumentDescriptors() + ")" + Abi.BODY_RETURN_DESC;
    }

    /** The direct entry's descriptor: the method's arguments and the task; the result or {@code SUSPENDED}. */
    public String directDescriptor() {
        return "(" + argumentDescriptors() + Abi.TRAMPOLINE_DESC + ")" + Abi.BODY_RETURN_DESC;
    }

    /**
     * The descriptor of the frame class's static {@link #SUSPENDING}: the body's frame or
     * {@code null}, the receiver (for instance methods), the task and the state; returns the frame.
     */
    public String suspendingDescriptor() {
        return "(" + descriptor() + (isStatic ? "" : "L" + owner + ";") + Abi.TRAMPOLINE_DESC + "I)" + descriptor();
    }

    /** The descriptor of the frame constructor {@link #SUSPENDING} uses: the receiver alone, if any. */
    public String receiverConstructorDescriptor() {
        return isStatic ? "()V" : "(L" + owner + ";)V";
    }

    private String argumentDescriptors() {
        StringBuilder descriptors = new StringBuilder();
        for (Type argument : arguments) {
            descriptors.append(argument.getDescriptor());
        }
        return descriptors.toString();
    }

    /** The frame constructor's descriptor: the receiver (for instance methods), then the arguments. */
    public String constructorDescriptor() {
        return "(" + (isStatic ? "" : "L" + owner + ";") + argumentDescriptors() + ")V";
    }

    /** The body's local variable slot that holds the frame: right after {@code this}, or first. */
    public int frameSlot() {
        return isStatic ? 0 : 1;
    }

    /** The body's slot of its task, after the frame's. */
    public int taskSlot() {
        return frameSlot() + 1;
    }

    /** The body's slot of the state to start in, after the task's; the arguments follow. */
    public int stateSlot() {
        return frameSlot() + 2;
    }

    /** The verifier's types of the receiver, if any, and the arguments, as a frame lists them. */
    public List<Object> argumentLocals() {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner);
        }
        for (Type argument : arguments) {
            locals.add(switch (argument.getSort()) {
                case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
                case Type.FLOAT -> Opcodes.FLOAT;
                case Type.LONG -> Opcodes.LONG;
                case Type.DOUBLE -> Opcodes.DOUBLE;
                case Type.ARRAY -> argument.getDescriptor();
                default -> argument.getInternalName();
            });
        }
        return locals;
    }

    /** How many local slots the receiver and the arguments take. */
    public int argumentSlots() {
        int slots = isStatic ? 0 : 1;
        for (Type argument : arguments) {
            slots += argument.getSize();
        }
        return slots;
    }
}
