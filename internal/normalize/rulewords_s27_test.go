package normalize

import (
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// filteredRules are the word rules markBlock calls only for the tokens
// ruleWord lets through.
var filteredRules = []string{"colonMarker", "prefWord", "prefMore", "reqWord", "applyingAt", "reqCue", "cueMore"}

// ruleScan reads one word rule: the words its switches on its own word
// name, and what it does that the filter cannot see.
type ruleScan struct {
	fset     *gotoken.FileSet
	fn       string
	recv     string
	param    *ast.Object
	wordVars map[*ast.Object]bool
	words    []string
	problems []string
}

func (s *ruleScan) fail(n ast.Node, format string, args ...any) {
	s.problems = append(s.problems, s.fset.Position(n.Pos()).String()+": "+s.fn+": "+fmt.Sprintf(format, args...))
}

// isWord says whether e is the rule's own word: recv.word(param), or a
// variable set to it.
func (s *ruleScan) isWord(e ast.Expr) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		return id.Obj != nil && s.wordVars[id.Obj]
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "word" {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	arg, ok2 := call.Args[0].(*ast.Ident)
	return ok && ok2 && x.Name == s.recv && arg.Obj != nil && arg.Obj == s.param
}

// cjkCond says whether e is cjkWord(word): true only for a word whose
// first byte is not ASCII, which ruleWord always lets through.
func (s *ruleScan) cjkCond(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	id, ok := call.Fun.(*ast.Ident)
	return ok && id.Name == "cjkWord" && s.isWord(call.Args[0])
}

// nonASCIICond says whether e is `w != "" && w[0] >= utf8.RuneSelf`
// (or its second half alone): true only for a word ruleWord always lets
// through.
func (s *ruleScan) nonASCIICond(e ast.Expr) bool {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == gotoken.LAND {
		return s.nonASCIICond(b.Y)
	}
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != gotoken.GEQ {
		return false
	}
	ix, ok := b.X.(*ast.IndexExpr)
	if !ok || !s.isWord(ix.X) {
		return false
	}
	if l, ok := ix.Index.(*ast.BasicLit); !ok || l.Value != "0" {
		return false
	}
	sel, ok := b.Y.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "RuneSelf"
}

// noWordUse fails when e reads the rule's word, calls a function literal,
// or changes anything (where the filter may skip the rule, the rule may
// only read other tokens).
func (s *ruleScan) noWordUse(e ast.Node) {
	if e == nil {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			s.fail(n, "a function literal where the filter may skip the rule")
			return false
		case ast.Expr:
			if s.isWord(n) {
				s.fail(n, "reads its word outside a switch on it")
				return false
			}
		}
		return true
	})
}

// negative says whether a return result is the rule's "no" (false, -1).
func negative(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name == "false"
	case *ast.UnaryExpr:
		l, ok := e.X.(*ast.BasicLit)
		return e.Op == gotoken.SUB && ok && l.Value == "1"
	}
	return false
}

// terminates says whether a clause body ends in a return.
func terminates(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	_, ok := body[len(body)-1].(*ast.ReturnStmt)
	return ok
}

// stmts walks a statement list. guarded: only a token whose word is a
// case of a switch on it (or not ASCII) gets here, so nothing is checked.
func (s *ruleScan) stmts(list []ast.Stmt, guarded bool) {
	for _, st := range list {
		if guarded {
			// still collect the words of the switches on the word
			ast.Inspect(st, func(n ast.Node) bool {
				if sw, ok := n.(*ast.SwitchStmt); ok && sw.Tag != nil && s.isWord(sw.Tag) {
					s.cases(sw)
				}
				return true
			})
			continue
		}
		guarded = s.stmt(st)
	}
}

// cases collects the words of a switch on the word.
func (s *ruleScan) cases(sw *ast.SwitchStmt) {
	for _, cl := range sw.Body.List {
		for _, e := range cl.(*ast.CaseClause).List {
			l, ok := ast.Unparen(e).(*ast.BasicLit)
			if !ok || l.Kind != gotoken.STRING {
				s.fail(e, "a case of its word that is no string literal")
				continue
			}
			w, err := strconv.Unquote(l.Value)
			if err != nil {
				s.fail(e, "unquote: %v", err)
				continue
			}
			s.words = append(s.words, w)
		}
	}
}

// stmt checks one statement outside a guarded region and says whether
// the statements after it are guarded.
func (s *ruleScan) stmt(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.AssignStmt:
		if len(st.Lhs) == 1 && len(st.Rhs) == 1 {
			if id, ok := st.Lhs[0].(*ast.Ident); ok && st.Tok == gotoken.DEFINE && s.isWord(st.Rhs[0]) {
				s.wordVars[id.Obj] = true
				return false
			}
		}
		for _, l := range st.Lhs {
			if id, ok := l.(*ast.Ident); !ok || st.Tok != gotoken.DEFINE && id.Name != "_" {
				s.fail(st, "assigns to something where the filter may skip the rule")
			}
		}
		for _, r := range st.Rhs {
			s.noWordUse(r)
		}
	case *ast.ReturnStmt:
		for _, r := range st.Results {
			if !negative(r) {
				s.fail(st, "may say yes to a word no switch on it names")
			}
		}
	case *ast.IfStmt:
		if st.Init != nil {
			s.stmt(st.Init)
		}
		switch {
		case s.cjkCond(st.Cond):
			s.stmts(st.Body.List, true)
		case s.nonASCIICond(st.Cond):
			// `w = strings.ToLower(w)`: only for a word ruleWord lets through
			s.stmts(st.Body.List, true)
		default:
			s.noWordUse(st.Cond)
			s.stmts(st.Body.List, false)
		}
		if st.Else != nil {
			s.stmt(st.Else)
		}
	case *ast.BlockStmt:
		s.stmts(st.List, false)
	case *ast.SwitchStmt:
		if st.Init != nil {
			s.stmt(st.Init)
		}
		if st.Tag != nil && s.isWord(st.Tag) {
			s.cases(st)
			after := false
			for _, cl := range st.Body.List {
				cl := cl.(*ast.CaseClause)
				if cl.List != nil {
					s.stmts(cl.Body, true)
					continue
				}
				s.stmts(cl.Body, false)
				after = terminates(cl.Body)
			}
			return after
		}
		s.noWordUse(st.Tag)
		for _, cl := range st.Body.List {
			cl := cl.(*ast.CaseClause)
			for _, e := range cl.List {
				s.noWordUse(e)
			}
			s.stmts(cl.Body, false)
		}
	case *ast.ForStmt:
		if st.Init != nil {
			s.stmt(st.Init)
		}
		s.noWordUse(st.Cond)
		if st.Post != nil {
			s.stmt(st.Post)
		}
		s.stmts(st.Body.List, false)
	case *ast.IncDecStmt:
		if _, ok := st.X.(*ast.Ident); !ok {
			s.fail(st, "changes something where the filter may skip the rule")
		}
	case *ast.DeclStmt:
		s.noWordUse(st)
	case *ast.BranchStmt:
		if st.Tok == gotoken.GOTO || st.Tok == gotoken.FALLTHROUGH {
			s.fail(st, "a goto or fallthrough the check does not follow")
		}
	case *ast.EmptyStmt:
	default:
		s.fail(st, "a statement the check does not know where the filter may skip the rule")
	}
	return false
}

// scanRules reads the filtered word rules from the package's files.
func scanRules(t *testing.T) (words map[string]bool, problems []string) {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	found := map[string]bool{}
	words = map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || !slices.Contains(filteredRules, fd.Name.Name) {
				continue
			}
			found[fd.Name.Name] = true
			params := fd.Type.Params.List
			if len(params) != 1 || len(params[0].Names) != 1 || len(fd.Recv.List[0].Names) != 1 {
				problems = append(problems, fd.Name.Name+": not a rule of one token (recv.rule(i))")
				continue
			}
			s := &ruleScan{fset: fset, fn: fd.Name.Name, recv: fd.Recv.List[0].Names[0].Name,
				param: params[0].Names[0].Obj, wordVars: map[*ast.Object]bool{}}
			s.stmts(fd.Body.List, false)
			for _, w := range s.words {
				words[w] = true
			}
			problems = append(problems, s.problems...)
		}
	}
	for _, fn := range filteredRules {
		if !found[fn] {
			problems = append(problems, fn+": not found")
		}
	}
	return words, problems
}

// TestRuleWordsFollowRules holds ruleWords to the rules markBlock skips
// by it: every word a switch of a filtered rule names on the rule's own
// word is in the list, and a rule says yes to no other word (outside its
// switches it reads its word only to let CJK and other non-ASCII words
// through, which ruleWord always does). A rule the check cannot read
// fails here: take it out of the filter (filteredRules and markBlock) or
// write it as a switch on its word.
func TestRuleWordsFollowRules(t *testing.T) {
	words, problems := scanRules(t)
	for _, p := range problems {
		t.Error(p)
	}
	var missing, extra []string
	for w := range words {
		if !slices.Contains(ruleWords, w) {
			missing = append(missing, w)
		}
	}
	for _, w := range ruleWords {
		if !words[w] {
			extra = append(extra, w)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	if len(missing) > 0 {
		t.Errorf("words of the rules missing from ruleWords (rulewords.go; markBlock would skip them): %q", missing)
	}
	if len(extra) > 0 {
		t.Errorf("words in ruleWords that no rule names any more: %q", extra)
	}
	if len(words) < 300 {
		t.Errorf("only %d words read from the rules: the check lost them", len(words))
	}
}

// TestRuleWordPasses checks the filter itself: every word of the list
// passes, in a block of its own, and so does any word that opens with a
// byte outside ASCII.
func TestRuleWordPasses(t *testing.T) {
	words := append(slices.Clone(ruleWords), "Önskad", "最好", "élève")
	for _, w := range words {
		lower := asciiLowerString(w)
		c := classifier{lower: lower, toks: tokenize(lower, nil)}
		c.end = len(c.toks)
		if len(c.toks) == 0 {
			t.Fatalf("%q: no token", w)
		}
		if c.toks[0].punct == 0 && !c.ruleWord(0) {
			t.Errorf("ruleWord(%q) = false", w)
		}
	}
	// the filter turns most other words away (else it saves nothing)
	n := 0
	others := strings.Fields("the team builds data pipelines for analysts across europe and ships them daily with kafka spark " +
		"python terraform kubernetes docker ansible postgres redis linux golang rust java scala react vue angular")
	for _, w := range others {
		c := classifier{lower: w, toks: tokenize(w, nil)}
		c.end = len(c.toks)
		h := keyHash(w)
		if c.ruleWord(0) != (ruleBits[h>>3]&(1<<(h&7)) != 0) {
			t.Errorf("ruleWord(%q) does not follow keyHash", w)
		}
		if !c.ruleWord(0) {
			n++
		}
	}
	if n < len(others)*3/4 {
		t.Errorf("ruleWord lets %d of %d ordinary words through", len(others)-n, len(others))
	}
}

// TestMarkBlockSkipsOnlyFilteredRules holds markBlock to the filter:
// what it skips for a word ruleWord turns away (the statements after
// `if !rule { continue }`, the operands after ruleWord in a condition)
// asks only the filtered rules (and gained, which it asks only after
// one of them said yes). A rule added there that the filter does not
// know would be skipped for most words.
func TestMarkBlockSkipsOnlyFilteredRules(t *testing.T) {
	filtered := 0
	fset := gotoken.NewFileSet()
	f, err := parser.ParseFile(fset, "marks.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var body *ast.BlockStmt
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "markBlock" {
			body = fd.Body
		}
	}
	if body == nil {
		t.Fatal("markBlock not found")
	}
	allowed := append(slices.Clone(filteredRules), "gained", "ruleWord", "word")
	check := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if x, ok2 := sel.X.(*ast.Ident); ok && ok2 && x.Name == "c" && !slices.Contains(allowed, sel.Sel.Name) {
				t.Errorf("%s: markBlock asks %s only of the words ruleWord lets through; add it to the filter "+
					"(filteredRules) or move it before the filter", fset.Position(call.Pos()), sel.Sel.Name)
			}
			if ok && sel.Sel.Name != "word" && sel.Sel.Name != "ruleWord" && slices.Contains(allowed, sel.Sel.Name) {
				filtered++
			}
			return true
		})
	}
	isRuleWord := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == "ruleWord" {
				found = true
			}
			if id, ok := n.(*ast.Ident); ok && id.Name == "rule" {
				found = true
			}
			return !found
		})
		return found
	}
	skips := 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			for k, st := range n.List {
				ifs, ok := st.(*ast.IfStmt)
				if !ok || ifs.Else != nil || len(ifs.Body.List) != 1 {
					continue
				}
				u, ok := ifs.Cond.(*ast.UnaryExpr)
				br, ok2 := ifs.Body.List[0].(*ast.BranchStmt)
				if ok && ok2 && u.Op == gotoken.NOT && br.Tok == gotoken.CONTINUE && isRuleWord(u.X) {
					skips++
					for _, rest := range n.List[k+1:] {
						check(rest)
					}
				}
			}
		case *ast.BinaryExpr:
			if (n.Op == gotoken.LAND || n.Op == gotoken.LOR) && isRuleWord(n.X) && !isRuleWord(n.Y) {
				skips++
				check(n.Y)
			}
		}
		return true
	})
	if skips < 4 || filtered < 8 {
		t.Errorf("found %d places where markBlock skips by ruleWord, asking %d rules: the check lost them", skips, filtered)
	}
}
