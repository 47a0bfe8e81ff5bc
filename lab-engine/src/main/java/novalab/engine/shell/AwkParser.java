package novalab.engine.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recursive-descent parser for the supported awk grammar; builds closures over {@link Awk}. */
final class AwkParser {
    private static final int EOF = 0;
    private static final int NUM = 1;
    private static final int STR = 2;
    private static final int ERE = 3;
    private static final int NAME = 4;
    private static final int FUNC = 5;
    private static final int OP = 6;
    private static final int NL = 7;
    private static final int KEYWORD = 8;
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("BEGIN", "END", "print", "printf", "if",
            "else", "while", "for", "do", "next", "exit", "break", "continue", "delete", "in", "getline", "function", "return");
    private static final java.util.Set<String> FUNCS = java.util.Set.of("length", "substr", "index", "split", "sub",
            "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "system");

    private final String src;
    private int pos;
    private int type;
    private String tok = "";
    private int depth;

    AwkParser(String src) {
        this.src = src;
        advance();
    }

    private Awk.AwkError error() {
        int line = 1;
        for (int i = 0; i < Math.min(pos, src.length()); i++) if (src.charAt(i) == '\n') line++;
        String near = type == EOF ? "end of file" : type == NL ? "end of line" : tok;
        return new Awk.AwkError("line " + line + ": syntax error at or near " + near);
    }

    // -- lexer --

    private void advance() {
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (ch == ' ' || ch == '\t' || ch == '\r') {
                pos++;
            } else if (ch == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (ch == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else {
                break;
            }
        }
        if (pos >= src.length()) {
            type = EOF;
            tok = "";
            return;
        }
        char ch = src.charAt(pos);
        if (ch == '\n') {
            pos++;
            type = NL;
            tok = "\n";
            return;
        }
        if (Character.isDigit(ch) || (ch == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            int s = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                char k = src.charAt(pos);
                if ((k == 'e' || k == 'E') && pos + 1 < src.length() && (src.charAt(pos + 1) == '-' || src.charAt(pos + 1) == '+')) pos++;
                pos++;
            }
            type = NUM;
            tok = src.substring(s, pos);
            return;
        }
        if (Character.isLetter(ch) || ch == '_') {
            int s = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            tok = src.substring(s, pos);
            type = KEYWORDS.contains(tok) ? KEYWORD : FUNCS.contains(tok) ? FUNC : NAME;
            return;
        }
        if (ch == '"') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= src.length() || src.charAt(pos) == '\n') throw new Awk.AwkError("line 1: runaway string constant \"" + sb + " ...");
                char k = src.charAt(pos++);
                if (k == '"') break;
                if (k == '\\' && pos < src.length()) {
                    char e = src.charAt(pos++);
                    switch (e) {
                        case 'n': sb.append('\n'); break;
                        case 't': sb.append('\t'); break;
                        case 'r': sb.append('\r'); break;
                        case '\\': sb.append('\\'); break;
                        case '"': sb.append('"'); break;
                        case '/': sb.append('/'); break;
                        default: sb.append('\\').append(e);
                    }
                } else {
                    sb.append(k);
                }
            }
            type = STR;
            tok = sb.toString();
            return;
        }
        if (ch == '/' && !operandBefore()) {
            StringBuilder sb = new StringBuilder();
            pos++;
            boolean inBracket = false;
            while (true) {
                if (pos >= src.length() || src.charAt(pos) == '\n') throw new Awk.AwkError("line 1: runaway regular expression /" + sb + " ...");
                char k = src.charAt(pos++);
                if (k == '/' && !inBracket) break;
                if (k == '[') inBracket = true;
                else if (k == ']') inBracket = false;
                if (k == '\\' && pos < src.length()) {
                    char e = src.charAt(pos++);
                    if (e == '/') sb.append('/');
                    else sb.append('\\').append(e);
                } else {
                    sb.append(k);
                }
            }
            type = ERE;
            tok = sb.toString();
            return;
        }
        String[] ops = {"&&", "||", "==", "!=", "<=", ">=", "!~", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", ">>", "**"};
        for (String op : ops) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                type = OP;
                tok = op.equals("**") ? "^" : op;
                return;
            }
        }
        pos++;
        type = OP;
        tok = String.valueOf(ch);
    }

    private boolean operandBefore() {
        return type == NUM || type == STR || type == NAME || type == ERE
                || (type == OP && (tok.equals(")") || tok.equals("]") || tok.equals("$") || tok.equals("++") || tok.equals("--")))
                || (type == FUNC);
    }

    private boolean isOp(String s) { return type == OP && tok.equals(s); }

    private boolean isKw(String s) { return type == KEYWORD && tok.equals(s); }

    private void expect(String s) {
        if (!isOp(s)) throw error();
        advance();
    }

    private void newlines() {
        while (type == NL) advance();
    }

    private void terminators() {
        while (type == NL || isOp(";")) advance();
    }

    // -- program --

    void parse(List<Awk.Rule> begin, List<Awk.Rule> main, List<Awk.Rule> end) {
        terminators();
        while (type != EOF) {
            if (isKw("BEGIN") || isKw("END")) {
                boolean isBegin = tok.equals("BEGIN");
                advance();
                newlines();
                if (!isOp("{")) throw error();
                Awk.Rule r = new Awk.Rule(null, null, block(), new boolean[1]);
                (isBegin ? begin : end).add(r);
            } else if (isKw("function")) {
                throw new Awk.AwkError("line 1: user-defined functions are not supported here");
            } else {
                Awk.Expr pattern = null;
                Awk.Expr rangeEnd = null;
                if (!isOp("{")) {
                    pattern = expr();
                    if (isOp(",")) {
                        advance();
                        newlines();
                        rangeEnd = expr();
                    }
                }
                Awk.Stmt action;
                if (isOp("{")) {
                    action = block();
                } else {
                    action = a -> a.out.append(a.record).append(a.vars.get("ORS").toStr());
                }
                main.add(new Awk.Rule(pattern, rangeEnd, action, new boolean[1]));
            }
            terminators();
        }
    }

    private Awk.Stmt block() {
        expect("{");
        List<Awk.Stmt> body = new ArrayList<>();
        terminators();
        while (!isOp("}")) {
            if (type == EOF) throw error();
            body.add(statement());
            terminators();
        }
        advance();
        return a -> {
            for (Awk.Stmt s : body) s.exec(a);
        };
    }

    private void endSimple() {
        if (isOp(";") || type == NL) {
            advance();
            return;
        }
        if (isOp("}") || type == EOF) return;
        throw error();
    }

    private Awk.Stmt statement() {
        if (++depth > 200) throw error();
        try {
            return statement0();
        } finally {
            depth--;
        }
    }

    private Awk.Stmt statement0() {
        if (isOp("{")) return block();
        if (isOp(";")) {
            advance();
            return a -> { };
        }
        if (isKw("if")) {
            advance();
            expect("(");
            Awk.Expr cond = expr();
            expect(")");
            newlines();
            Awk.Stmt then = statement();
            int savePos = pos;
            int saveType = type;
            String saveTok = tok;
            terminators();
            if (isKw("else")) {
                advance();
                newlines();
                Awk.Stmt other = statement();
                return a -> {
                    if (cond.eval(a).truthy()) then.exec(a);
                    else other.exec(a);
                };
            }
            pos = savePos;
            type = saveType;
            tok = saveTok;
            return a -> {
                if (cond.eval(a).truthy()) then.exec(a);
            };
        }
        if (isKw("while")) {
            advance();
            expect("(");
            Awk.Expr cond = expr();
            expect(")");
            if (isOp(";")) {
                advance();
                return a -> {
                    while (cond.eval(a).truthy()) a.step();
                };
            }
            newlines();
            Awk.Stmt body = statement();
            return a -> {
                while (cond.eval(a).truthy()) {
                    a.step();
                    try {
                        body.exec(a);
                    } catch (Awk.LoopJump j) {
                        if (j.isBreak) break;
                    }
                }
            };
        }
        if (isKw("do")) {
            advance();
            newlines();
            Awk.Stmt body = statement();
            terminators();
            if (!isKw("while")) throw error();
            advance();
            expect("(");
            Awk.Expr cond = expr();
            expect(")");
            endSimple();
            return a -> {
                do {
                    a.step();
                    try {
                        body.exec(a);
                    } catch (Awk.LoopJump j) {
                        if (j.isBreak) break;
                    }
                } while (cond.eval(a).truthy());
            };
        }
        if (isKw("for")) return forStatement();
        if (isKw("next")) {
            advance();
            endSimple();
            return a -> {
                throw new Awk.Next();
            };
        }
        if (isKw("exit")) {
            advance();
            Awk.Expr code = isOp(";") || type == NL || isOp("}") || type == EOF ? null : expr();
            endSimple();
            return a -> {
                throw new Awk.Exit(code == null ? 0 : (int) code.eval(a).toNum() & 0xFF);
            };
        }
        if (isKw("break") || isKw("continue")) {
            boolean isBreak = tok.equals("break");
            advance();
            endSimple();
            return a -> {
                throw new Awk.LoopJump(isBreak);
            };
        }
        if (isKw("delete")) {
            advance();
            if (type != NAME) throw error();
            String name = tok;
            advance();
            if (isOp("[")) {
                advance();
                List<Awk.Expr> subs = exprList("]");
                endSimple();
                return a -> a.array(name).remove(a.key(subs));
            }
            endSimple();
            return a -> a.array(name).clear();
        }
        if (isKw("print") || isKw("printf")) return print();
        if (isKw("getline") || isKw("return") || isKw("function")) throw new Awk.AwkError("line 1: " + tok + " is not supported here");
        Awk.Expr e = expr();
        endSimple();
        return a -> e.eval(a);
    }

    private Awk.Stmt forStatement() {
        advance();
        expect("(");
        if (type == NAME) {
            int savePos = pos;
            int saveType = type;
            String saveTok = tok;
            String var = tok;
            advance();
            if (isKw("in")) {
                advance();
                if (type != NAME) throw error();
                String arr = tok;
                advance();
                expect(")");
                newlines();
                Awk.Stmt body = statement();
                return a -> {
                    for (String k : new ArrayList<>(a.array(arr).keySet())) {
                        a.step();
                        a.setVar(var, Awk.V.input(k));
                        try {
                            body.exec(a);
                        } catch (Awk.LoopJump j) {
                            if (j.isBreak) break;
                        }
                    }
                };
            }
            pos = savePos;
            type = saveType;
            tok = saveTok;
        }
        Awk.Expr init = isOp(";") ? null : expr();
        expect(";");
        newlines();
        Awk.Expr cond = isOp(";") ? null : expr();
        expect(";");
        newlines();
        Awk.Expr incr = isOp(")") ? null : expr();
        expect(")");
        if (isOp(";")) {
            advance();
            return a -> {
                if (init != null) init.eval(a);
                while (cond == null || cond.eval(a).truthy()) {
                    a.step();
                    if (incr != null) incr.eval(a);
                }
            };
        }
        newlines();
        Awk.Stmt body = statement();
        return a -> {
            if (init != null) init.eval(a);
            while (cond == null || cond.eval(a).truthy()) {
                a.step();
                try {
                    body.exec(a);
                } catch (Awk.LoopJump j) {
                    if (j.isBreak) break;
                }
                if (incr != null) incr.eval(a);
            }
        };
    }

    private Awk.Stmt print() {
        boolean isPrintf = tok.equals("printf");
        advance();
        List<Awk.Expr> args = new ArrayList<>();
        noGreater = true;
        try {
            if (isOp("(")) {
                int savePos = pos;
                int saveType = type;
                String saveTok = tok;
                advance();
                List<Awk.Expr> grouped = exprList(")");
                if (isOp(";") || type == NL || isOp("}") || type == EOF || isOp(">") || isOp(">>") || isOp("|")) {
                    args.addAll(grouped);
                } else {
                    pos = savePos;
                    type = saveType;
                    tok = saveTok;
                    args.addAll(printArgs());
                }
            } else if (!(isOp(";") || type == NL || isOp("}") || type == EOF || isOp(">") || isOp(">>"))) {
                args.addAll(printArgs());
            }
        } finally {
            noGreater = false;
        }
        int mode = 0;
        Awk.Expr file = null;
        if (isOp(">") || isOp(">>")) {
            mode = tok.equals(">") ? 1 : 2;
            advance();
            file = concat();
        } else if (isOp("|")) {
            throw new Awk.AwkError("line 1: output pipes are not supported here");
        }
        endSimple();
        int m = mode;
        Awk.Expr f = file;
        if (isPrintf) {
            if (args.isEmpty()) throw error();
            return a -> a.target(m, f).accept(a.sprintf(args));
        }
        return a -> {
            StringBuilder sb = new StringBuilder();
            if (args.isEmpty()) {
                sb.append(a.record);
            } else {
                String ofs = a.vars.get("OFS").toStr();
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) sb.append(ofs);
                    Awk.V v = args.get(i).eval(a);
                    sb.append(v.type == Awk.V.NUM ? Awk.format(v.num) : v.toStr());
                }
            }
            sb.append(a.vars.get("ORS").toStr());
            a.target(m, f).accept(sb.toString());
        };
    }

    private boolean noGreater;

    private List<Awk.Expr> printArgs() {
        List<Awk.Expr> list = new ArrayList<>();
        list.add(expr());
        while (isOp(",")) {
            advance();
            newlines();
            list.add(expr());
        }
        return list;
    }

    private List<Awk.Expr> exprList(String close) {
        List<Awk.Expr> list = new ArrayList<>();
        boolean saved = noGreater;
        noGreater = false;
        newlines();
        if (!isOp(close)) {
            list.add(expr());
            while (isOp(",")) {
                advance();
                newlines();
                list.add(expr());
            }
        }
        newlines();
        expect(close);
        noGreater = saved;
        return list;
    }

    // -- expressions, lowest precedence first --

    private Awk.Expr expr() {
        if (++depth > 200) throw error();
        try {
            return ternary();
        } finally {
            depth--;
        }
    }

    private Awk.Expr ternary() {
        Awk.Expr c = or();
        if (isOp("?")) {
            advance();
            newlines();
            Awk.Expr x = ternary();
            newlines();
            expect(":");
            newlines();
            Awk.Expr y = ternary();
            return a -> c.eval(a).truthy() ? x.eval(a) : y.eval(a);
        }
        if (c instanceof Awk.LValue lv && type == OP && (tok.equals("=") || tok.endsWith("=") && tok.length() == 2
                && "+-*/%^".indexOf(tok.charAt(0)) >= 0)) {
            String op = tok;
            advance();
            newlines();
            Awk.Expr rhs = ternary();
            if (op.equals("=")) {
                return a -> {
                    Awk.V v = rhs.eval(a);
                    lv.set(a, v);
                    return v;
                };
            }
            char k = op.charAt(0);
            return a -> {
                Awk.V v = Awk.V.num(arith(k, lv.eval(a).toNum(), rhs.eval(a).toNum()));
                lv.set(a, v);
                return v;
            };
        }
        return c;
    }

    private Awk.Expr or() {
        Awk.Expr l = and();
        while (isOp("||")) {
            advance();
            newlines();
            Awk.Expr x = l;
            Awk.Expr r = and();
            l = a -> Awk.V.num(x.eval(a).truthy() || r.eval(a).truthy() ? 1 : 0);
        }
        return l;
    }

    private Awk.Expr and() {
        Awk.Expr l = in();
        while (isOp("&&")) {
            advance();
            newlines();
            Awk.Expr x = l;
            Awk.Expr r = in();
            l = a -> Awk.V.num(x.eval(a).truthy() && r.eval(a).truthy() ? 1 : 0);
        }
        return l;
    }

    private Awk.Expr in() {
        Awk.Expr l = match();
        while (isKw("in")) {
            advance();
            if (type != NAME) throw error();
            String arr = tok;
            advance();
            Awk.Expr key = l;
            l = a -> Awk.V.num(a.array(arr).containsKey(key.eval(a).toStr()) ? 1 : 0);
        }
        return l;
    }

    private Awk.Expr match() {
        Awk.Expr l = comparison();
        while (isOp("~") || isOp("!~")) {
            boolean negate = tok.equals("!~");
            advance();
            Awk.Expr x = l;
            Awk.Expr r = comparison();
            l = a -> Awk.V.num(a.regexOf(r).matcher(x.eval(a).toStr()).find() != negate ? 1 : 0);
        }
        return l;
    }

    private Awk.Expr comparison() {
        Awk.Expr l = concat();
        if (type == OP && (tok.equals("<") || tok.equals("<=") || tok.equals("==") || tok.equals("!=")
                || tok.equals(">=") || (tok.equals(">") && !noGreater))) {
            String op = tok;
            advance();
            Awk.Expr x = l;
            Awk.Expr r = concat();
            return a -> Awk.V.num(compare(x.eval(a), r.eval(a), op) ? 1 : 0);
        }
        return l;
    }

    private boolean startsOperand() {
        if (type == NUM || type == STR || type == ERE || type == NAME || type == FUNC) return true;
        return type == OP && (tok.equals("$") || tok.equals("!") || tok.equals("(") || tok.equals("-")
                || tok.equals("+") || tok.equals("++") || tok.equals("--"));
    }

    private Awk.Expr concat() {
        Awk.Expr l = additive();
        while (startsOperand() && !isKw("in")) {
            Awk.Expr x = l;
            Awk.Expr r = additive();
            l = a -> Awk.V.str(x.eval(a).toStr() + r.eval(a).toStr());
        }
        return l;
    }

    private Awk.Expr additive() {
        Awk.Expr l = multiplicative();
        while (isOp("+") || isOp("-")) {
            char op = tok.charAt(0);
            advance();
            Awk.Expr x = l;
            Awk.Expr r = multiplicative();
            l = a -> Awk.V.num(arith(op, x.eval(a).toNum(), r.eval(a).toNum()));
        }
        return l;
    }

    private Awk.Expr multiplicative() {
        Awk.Expr l = unary();
        while (isOp("*") || isOp("/") || isOp("%")) {
            char op = tok.charAt(0);
            advance();
            Awk.Expr x = l;
            Awk.Expr r = unary();
            l = a -> Awk.V.num(arith(op, x.eval(a).toNum(), r.eval(a).toNum()));
        }
        return l;
    }

    private Awk.Expr unary() {
        if (isOp("!")) {
            advance();
            Awk.Expr e = unary();
            return a -> Awk.V.num(e.eval(a).truthy() ? 0 : 1);
        }
        if (isOp("-")) {
            advance();
            Awk.Expr e = unary();
            return a -> Awk.V.num(-e.eval(a).toNum());
        }
        if (isOp("+")) {
            advance();
            Awk.Expr e = unary();
            return a -> Awk.V.num(e.eval(a).toNum());
        }
        return power();
    }

    private Awk.Expr power() {
        Awk.Expr base = postfix();
        if (isOp("^")) {
            advance();
            Awk.Expr exp = unary();
            return a -> Awk.V.num(Math.pow(base.eval(a).toNum(), exp.eval(a).toNum()));
        }
        return base;
    }

    private Awk.Expr postfix() {
        if (isOp("++") || isOp("--")) {
            double d = tok.equals("++") ? 1 : -1;
            advance();
            Awk.Expr e = postfix();
            if (!(e instanceof Awk.LValue lv)) throw error();
            return a -> {
                Awk.V v = Awk.V.num(lv.eval(a).toNum() + d);
                lv.set(a, v);
                return v;
            };
        }
        Awk.Expr e = primary();
        if (e instanceof Awk.LValue lv && (isOp("++") || isOp("--"))) {
            double d = tok.equals("++") ? 1 : -1;
            advance();
            return a -> {
                double old = lv.eval(a).toNum();
                lv.set(a, Awk.V.num(old + d));
                return Awk.V.num(old);
            };
        }
        return e;
    }

    private Awk.Expr primary() {
        switch (type) {
            case NUM: {
                double d;
                try {
                    d = tok.startsWith("0x") || tok.startsWith("0X") ? Long.parseLong(tok.substring(2), 16) : Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    throw error();
                }
                advance();
                Awk.V v = Awk.V.num(d);
                return a -> v;
            }
            case STR: {
                Awk.V v = Awk.V.str(tok);
                advance();
                return a -> v;
            }
            case ERE: {
                String re = tok;
                advance();
                return new Awk.ReLit(re);
            }
            case FUNC: return call();
            case NAME: {
                String name = tok;
                advance();
                if (isOp("[")) {
                    advance();
                    List<Awk.Expr> subs = exprList("]");
                    return new Awk.LValue() {
                        public Awk.V eval(Awk a) {
                            return a.array(name).getOrDefault(a.key(subs), Awk.V.EMPTY);
                        }

                        public void set(Awk a, Awk.V v) { a.array(name).put(a.key(subs), v); }
                    };
                }
                return new Awk.VarRef(name);
            }
            default:
        }
        if (isOp("$")) {
            advance();
            Awk.Expr idx = postfixNoIncr();
            return new Awk.LValue() {
                public Awk.V eval(Awk a) { return a.field((int) idx.eval(a).toNum()); }

                public void set(Awk a, Awk.V v) { a.setField((int) idx.eval(a).toNum(), v.toStr()); }
            };
        }
        if (isOp("(")) {
            advance();
            boolean saved = noGreater;
            noGreater = false;
            Awk.Expr e = expr();
            noGreater = saved;
            expect(")");
            return e;
        }
        throw error();
    }

    private Awk.Expr postfixNoIncr() {
        if (isOp("-")) {
            advance();
            Awk.Expr e = primary();
            return a -> Awk.V.num(-e.eval(a).toNum());
        }
        return primary();
    }

    private Awk.Expr call() {
        String name = tok;
        advance();
        List<Awk.Expr> args = new ArrayList<>();
        if (isOp("(")) {
            advance();
            args = exprList(")");
        } else if (!name.equals("length")) {
            throw error();
        }
        List<Awk.Expr> as = args;
        switch (name) {
            case "length":
                if (as.isEmpty()) return a -> Awk.V.num(a.record.codePointCount(0, a.record.length()));
                return a -> {
                    if (as.get(0) instanceof Awk.VarRef v && a.arrays.containsKey(v.name())) return Awk.V.num(a.arrays.get(v.name()).size());
                    String s = as.get(0).eval(a).toStr();
                    return Awk.V.num(s.codePointCount(0, s.length()));
                };
            case "substr": return a -> {
                String s = as.get(0).eval(a).toStr();
                double m = as.size() > 1 ? Math.rint(as.get(1).eval(a).toNum()) : 1;
                double n = as.size() > 2 ? Math.rint(as.get(2).eval(a).toNum()) : Double.POSITIVE_INFINITY;
                double start = Math.max(1, m);
                double end = Math.min(s.length() + 1.0, m + n);
                if (end <= start) return Awk.V.str("");
                return Awk.V.str(s.substring((int) start - 1, (int) end - 1));
            };
            case "index": return a -> Awk.V.num(as.get(0).eval(a).toStr().indexOf(as.get(1).eval(a).toStr()) + 1);
            case "split":
                if (as.size() < 2) throw error();
                arrayName(as.get(1));
                return a -> {
                String s = as.get(0).eval(a).toStr();
                String arr = arrayName(as.get(1));
                LinkedHashMap<String, Awk.V> m = a.array(arr);
                m.clear();
                String fs = as.size() > 2 ? as.get(2).eval(a).toStr() : a.vars.get("FS").toStr();
                List<String> parts = new ArrayList<>();
                if (fs.equals(" ")) {
                    for (String p : s.strip().split("[ \t\n]+")) if (!p.isEmpty()) parts.add(p);
                } else if (!s.isEmpty()) {
                    parts.addAll(List.of(fs.length() == 1 ? s.split(Pattern.quote(fs), -1) : a.regex(fs).split(s, -1)));
                }
                for (int i = 0; i < parts.size(); i++) m.put(Integer.toString(i + 1), Awk.V.input(parts.get(i)));
                return Awk.V.num(parts.size());
            };
            case "sub": case "gsub": return a -> {
                Pattern re = a.regexOf(as.get(0));
                String rep = as.get(1).eval(a).toStr();
                Awk.LValue target = as.size() > 2 && as.get(2) instanceof Awk.LValue lv ? lv : null;
                String s = target != null ? target.eval(a).toStr() : a.record;
                Matcher m = re.matcher(s);
                StringBuilder sb = new StringBuilder();
                int last = 0;
                int count = 0;
                int from = 0;
                int prevEnd = -1;
                while (from <= s.length() && m.find(from)) {
                    int st = m.start();
                    int en = m.end();
                    from = en == st ? en + 1 : en;
                    if (en == st && st == prevEnd) continue;
                    prevEnd = en;
                    sb.append(s, last, st);
                    for (int i = 0; i < rep.length(); i++) {
                        char ch = rep.charAt(i);
                        if (ch == '\\' && i + 1 < rep.length() && (rep.charAt(i + 1) == '&' || rep.charAt(i + 1) == '\\')) sb.append(rep.charAt(++i));
                        else if (ch == '&') sb.append(m.group());
                        else sb.append(ch);
                    }
                    last = en;
                    count++;
                    if (name.equals("sub")) break;
                }
                if (count == 0) return Awk.V.num(0);
                if (last < s.length()) sb.append(s.substring(last));
                if (target != null) target.set(a, Awk.V.str(sb.toString()));
                else a.setRecord(sb.toString());
                return Awk.V.num(count);
            };
            case "match": return a -> {
                Matcher m = a.regexOf(as.get(1)).matcher(as.get(0).eval(a).toStr());
                boolean found = m.find();
                a.vars.put("RSTART", Awk.V.num(found ? m.start() + 1 : 0));
                a.vars.put("RLENGTH", Awk.V.num(found ? m.end() - m.start() : -1));
                return Awk.V.num(found ? m.start() + 1 : 0);
            };
            case "sprintf": return a -> Awk.V.str(a.sprintf(as));
            case "tolower": return a -> Awk.V.str(as.get(0).eval(a).toStr().toLowerCase(Locale.ROOT));
            case "toupper": return a -> Awk.V.str(as.get(0).eval(a).toStr().toUpperCase(Locale.ROOT));
            case "int": return a -> Awk.V.num((long) as.get(0).eval(a).toNum());
            case "sqrt": return a -> Awk.V.num(Math.sqrt(as.get(0).eval(a).toNum()));
            case "exp": return a -> Awk.V.num(Math.exp(as.get(0).eval(a).toNum()));
            case "log": return a -> Awk.V.num(Math.log(as.get(0).eval(a).toNum()));
            case "sin": return a -> Awk.V.num(Math.sin(as.get(0).eval(a).toNum()));
            case "cos": return a -> Awk.V.num(Math.cos(as.get(0).eval(a).toNum()));
            case "atan2": return a -> Awk.V.num(Math.atan2(as.get(0).eval(a).toNum(), as.get(1).eval(a).toNum()));
            default: throw new Awk.AwkError("line 1: function " + name + " is not supported here");
        }
    }

    private String arrayName(Awk.Expr e) {
        if (e instanceof Awk.VarRef v) return v.name();
        throw error();
    }

    private static double arith(char op, double x, double y) {
        switch (op) {
            case '+': return x + y;
            case '-': return x - y;
            case '*': return x * y;
            case '^': return Math.pow(x, y);
            case '/':
                if (y == 0) throw new Awk.AwkError("division by zero");
                return x / y;
            default:
                if (y == 0) throw new Awk.AwkError("division by zero in %");
                return x % y;
        }
    }

    private static boolean compare(Awk.V x, Awk.V y, String op) {
        int c;
        if (x.numeric() && y.numeric()) c = Double.compare(x.toNum(), y.toNum());
        else c = x.toStr().compareTo(y.toStr());
        switch (op) {
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            case ">=": return c >= 0;
            case "==": return c == 0;
            default: return c != 0;
        }
    }
}
