package novalab.jshell;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allow-list every class compiled from a snippet must pass before it is sent to a sandbox JVM, read from the class
 * file's constant pool: each class it names (also inside descriptors and generic signatures) must be in an allowed
 * package, and each field or method it uses on a sensitive class must be on that class's short list. Anything not
 * allowed is refused: files, sockets, processes, {@code System.exit}/{@code getenv}/{@code loadLibrary}, reflection,
 * method handles, class loaders, threads, deserialisation, {@code Unsafe}, direct buffers, and every module but
 * java.base's harmless parts. This is the layer that holds on JDKs without a security manager.
 */
final class BytecodeGuard {
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+);");

    private static final Set<String> OPEN_PACKAGES = Set.of("java/util", "java/util/function", "java/util/stream", "java/util/regex",
            "java/util/concurrent/atomic", "java/math", "java/time", "java/time/format", "java/time/temporal", "java/time/chrono",
            "java/text", "java/lang/annotation", "java/lang/runtime", "java/lang/constant", "java/nio", "java/nio/charset",
            "novalab/jshell/sdk", "REPL");
    private static final Set<String> DENIED_IN_OPEN = Set.of("java/util/ServiceLoader", "java/util/Timer", "java/util/ResourceBundle",
            "java/util/PropertyResourceBundle", "java/util/ListResourceBundle", "java/nio/MappedByteBuffer", "java/nio/charset/spi");
    private static final Set<String> LANG_DENIED = Set.of("Runtime", "ProcessBuilder", "Process", "ProcessHandle", "ClassLoader",
            "ThreadGroup", "Module", "ModuleLayer", "SecurityManager", "StackWalker", "Compiler", "InheritableThreadLocal",
            "ClassValue", "Package", "ScopedValue");
    private static final Set<String> CONCURRENT_ALLOWED = Set.of("ConcurrentHashMap", "ConcurrentMap", "ConcurrentLinkedQueue",
            "ConcurrentLinkedDeque", "ConcurrentSkipListMap", "ConcurrentSkipListSet", "CopyOnWriteArrayList", "CopyOnWriteArraySet",
            "LinkedBlockingQueue", "ArrayBlockingQueue", "BlockingQueue", "PriorityBlockingQueue", "TimeUnit", "ThreadLocalRandom",
            "Callable", "ExecutionException", "TimeoutException", "CancellationException");
    private static final Set<String> IO_ALLOWED = Set.of("PrintStream", "Serializable", "IOException", "UncheckedIOException",
            "StringWriter", "StringReader", "PrintWriter", "Writer", "Reader", "BufferedReader", "BufferedWriter", "ByteArrayInputStream",
            "ByteArrayOutputStream", "InputStream", "OutputStream", "Closeable", "Flushable", "EOFException", "FilterOutputStream");
    private static final Set<String> INVOKE_TYPES = Set.of("MethodHandles", "MethodHandles$Lookup", "MethodHandle", "MethodType",
            "CallSite", "LambdaMetafactory", "StringConcatFactory", "TypeDescriptor", "TypeDescriptor$OfField", "TypeDescriptor$OfMethod");
    private static final Set<String> INVOKE_CALLABLE = Set.of("java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory");
    private static final Set<String> THREAD_MEMBERS = Set.of("sleep", "currentThread", "onSpinWait", "interrupted", "isInterrupted",
            "getName", "yield");
    private static final Set<String> SYSTEM_MEMBERS = Set.of("currentTimeMillis", "nanoTime", "arraycopy", "identityHashCode",
            "lineSeparator", "out", "err");
    private static final Set<String> CLASS_MEMBERS = Set.of("getName", "getSimpleName", "getTypeName", "getCanonicalName", "isInstance",
            "cast", "isArray", "isPrimitive", "isInterface", "isEnum", "isRecord", "desiredAssertionStatus", "getComponentType",
            "isAssignableFrom", "toString", "hashCode", "equals", "getEnumConstants", "getPackageName", "describeConstable", "arrayType",
            "componentType", "descriptorString");

    /** Allowed classes with a constructor that opens a file by name. */
    private static final Set<String> FILE_BY_NAME = Set.of("java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter");

    private static final Set<String> PROPERTY_READERS = Set.of("getInteger", "getLong", "getBoolean");

    private BytecodeGuard() {}

    /** Why the class file is refused, if it is (a sentence naming the API). */
    static Optional<String> check(byte[] classFile) {
        try {
            return scan(classFile);
        } catch (IOException | RuntimeException e) {
            return Optional.of("its compiled form could not be checked.");
        }
    }

    private static Optional<String> scan(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) return Optional.of("it is not a class file.");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        int[] tag = new int[count];
        String[] utf = new String[count];
        int[] a = new int[count];
        int[] b = new int[count];
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> utf[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> a[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> {
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    a[i] = in.readUnsignedByte();
                    b[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant tag " + tag[i]);
            }
        }
        boolean[] literal = new boolean[count];
        for (int i = 1; i < count; i++) if (tag[i] == 8) literal[a[i]] = true;
        for (int i = 1; i < count; i++) {
            Optional<String> why = Optional.empty();
            if (tag[i] == 7) {
                why = classRefused(elementType(utf[a[i]]));
            } else if (tag[i] == 1 && !literal[i]) {
                Matcher m = TYPE_IN_DESCRIPTOR.matcher(utf[i]);
                while (why.isEmpty() && m.find()) why = classRefused(m.group(1));
            } else if (tag[i] == 9 || tag[i] == 10 || tag[i] == 11) {
                String owner = elementType(utf[a[a[i]]]);
                String member = utf[a[b[i]]];
                String descriptor = utf[b[b[i]]];
                why = classRefused(owner);
                if (why.isEmpty()) why = memberRefused(owner, member, descriptor);
            }
            if (why.isPresent()) return why;
        }
        return Optional.empty();
    }

    private static String elementType(String name) {
        String n = name;
        while (n.startsWith("[")) n = n.substring(1);
        if (n.startsWith("L") && n.endsWith(";")) n = n.substring(1, n.length() - 1);
        return n;
    }

    static Optional<String> classRefused(String internalName) {
        if (internalName.length() <= 1 && !internalName.contains("/")) return Optional.empty(); // a primitive
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash);
        String simple = internalName.substring(slash + 1);
        String top = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        if (pkg.isEmpty() || pkg.equals("REPL")) return Optional.empty();
        boolean ok = switch (pkg) {
            case "java/lang" -> !LANG_DENIED.contains(top);
            case "java/lang/invoke" -> INVOKE_TYPES.contains(simple);
            case "java/util/concurrent" -> CONCURRENT_ALLOWED.contains(top);
            case "java/io" -> IO_ALLOWED.contains(top);
            default -> OPEN_PACKAGES.contains(pkg) && !DENIED_IN_OPEN.contains(pkg + "/" + top) && !DENIED_IN_OPEN.contains(pkg);
        };
        return ok ? Optional.empty() : Optional.of(plain(internalName) + " is not available in the playground (no files, network, processes, "
                + "reflection, class loaders or threads).");
    }

    private static Optional<String> memberRefused(String owner, String member, String descriptor) {
        String top = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
        if (FILE_BY_NAME.contains(owner) && member.equals("<init>") && descriptor.startsWith("(Ljava/lang/String;")) {
            return Optional.of("new " + plain(owner) + "(fileName) would open a file, which the playground does not allow.");
        }
        boolean ok = switch (top) {
            case "java/lang/Thread" -> THREAD_MEMBERS.contains(member);
            case "java/lang/System" -> SYSTEM_MEMBERS.contains(member);
            case "java/lang/Class" -> CLASS_MEMBERS.contains(member);
            case "java/nio/ByteBuffer", "java/nio/CharBuffer" -> !member.equals("allocateDirect");
            case "java/lang/Integer", "java/lang/Long", "java/lang/Boolean" -> !PROPERTY_READERS.contains(member); // read system properties
            default -> !owner.startsWith("java/lang/invoke/") || INVOKE_CALLABLE.contains(owner);
        };
        if (ok) return Optional.empty();
        String what = member.equals("<init>") ? "new " + plain(owner) + "(...)" : plain(owner) + "." + member;
        return Optional.of(what + " is not available in the playground (no files, network, processes, reflection, class loaders or threads).");
    }

    private static String plain(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }
}
