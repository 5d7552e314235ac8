package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// entry is one message as its declaration in this package's source
// writes it: the tests check what a reviewer reads.
type entry struct {
	name                 string
	at                   string // file:line
	en, de, enOne, deOne string
	plural               int
}

// forms are the entry's texts in pairs, English and German, each with
// what it is.
func (e entry) forms() [][3]string {
	out := [][3]string{{"", e.en, e.de}}
	if e.plural > 0 {
		out = append(out, [3]string{"the form for one", e.enOne, e.deOne})
	}
	return out
}

// catalogue reads every *Message declared in this package's files.
func catalogue(t *testing.T) []entry {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []entry
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					e, isMessage, err := readEntry(v)
					if err != nil {
						t.Errorf("%s: %s: %v", fset.Position(v.Pos()), vs.Names[i].Name, err)
					}
					if isMessage {
						e.name, e.at = vs.Names[i].Name, fset.Position(v.Pos()).String()
						out = append(out, e)
					}
				}
			}
		}
	}
	// A catalogue this size is not found by accident: fewer means the
	// reading above missed declarations.
	if len(out) < 50 {
		t.Fatalf("found only %d messages in %v", len(out), files)
	}
	return out
}

// readEntry reads &Message{…}; isMessage is false for any other value.
func readEntry(v ast.Expr) (e entry, isMessage bool, err error) {
	if lit, ok := v.(*ast.CompositeLit); ok && isMessageType(lit.Type) {
		return e, false, fmt.Errorf("declare a message as &Message{…}, a pointer, as the Printer takes it")
	}
	u, ok := v.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return e, false, nil
	}
	lit, ok := u.X.(*ast.CompositeLit)
	if !ok || !isMessageType(lit.Type) {
		return e, false, nil
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return e, true, fmt.Errorf("name every field of a message (En: …, De: …)")
		}
		key := kv.Key.(*ast.Ident).Name
		if key == "Plural" {
			bl, ok := kv.Value.(*ast.BasicLit)
			if !ok || bl.Kind != token.INT {
				return e, true, fmt.Errorf("write Plural as a number")
			}
			e.plural, _ = strconv.Atoi(bl.Value)
			continue
		}
		s, err := stringValue(kv.Value)
		if err != nil {
			return e, true, fmt.Errorf("%s: %v", key, err)
		}
		switch key {
		case "En":
			e.en = s
		case "De":
			e.de = s
		case "EnOne":
			e.enOne = s
		case "DeOne":
			e.deOne = s
		default:
			return e, true, fmt.Errorf("unknown field %s", key)
		}
	}
	return e, true, nil
}

func isMessageType(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "Message"
}

// stringValue is a string literal or literals joined with +.
func stringValue(x ast.Expr) (string, error) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return strconv.Unquote(x.Value)
		}
	case *ast.ParenExpr:
		return stringValue(x.X)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			a, err := stringValue(x.X)
			if err != nil {
				return "", err
			}
			b, err := stringValue(x.Y)
			return a + b, err
		}
	}
	return "", fmt.Errorf("write the text as string literals (joined with + where long), which the tests can read")
}

// verb is one argument a format takes.
type verb = Arg

// verbs are the arguments format takes, or what keeps them from being
// read.
func verbs(format string) ([]verb, error) {
	args, ok := Args(format)
	if !ok {
		return nil, fmt.Errorf("%q has a verb that cannot be read (cut off, a bad [n] index, or a * width)", format)
	}
	for _, a := range args {
		if v := a.Spec[len(a.Spec)-1]; !strings.ContainsRune("sdqvxXfegt", rune(v)) {
			return nil, fmt.Errorf("%q: verb %%%c is not one messages use", format, v)
		}
	}
	return args, nil
}

// oneVerbs are the arguments of a form for one, numbered as in the
// other form: a form that leaves the count (argument n) out takes the
// others in their order.
func oneVerbs(format, other string, n int) ([]verb, error) {
	vs, err := verbs(format)
	if err != nil || !leavesCountOut(format, other) {
		return vs, err
	}
	for i := range vs {
		if vs[i].N >= n {
			vs[i].N++
		}
	}
	return vs, nil
}

// verbSet is a format's arguments as "1:%s 2:%d", sorted by argument.
func verbSet(vs []verb) string {
	byArg := map[int][]string{}
	most := 0
	for _, v := range vs {
		byArg[v.N] = append(byArg[v.N], v.Spec)
		most = max(most, v.N)
	}
	var parts []string
	for a := 1; a <= most; a++ {
		sort.Strings(byArg[a])
		for _, s := range byArg[a] {
			parts = append(parts, strconv.Itoa(a)+":%"+s)
		}
	}
	return strings.Join(parts, " ")
}
