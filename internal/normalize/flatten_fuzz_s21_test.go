package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzS21FlatPieces: flatPieces never fails, and cuts a line only into
// pieces of its own text (a "## " it adds to a heading, and the "- " it
// gives an "o " item, aside).
func FuzzS21FlatPieces(f *testing.F) {
	for _, s := range []string{
		detectionIntro + " About the role We are looking for an experienced Detection Engineer.",
		"Muss-Kriterien: o Deutsche Sprachkenntnisse in Wort und Schrift o Erfahrung im öffentlichen Bereich o Mindestens 5 Jahre Projekterfahrung als Lösungsarchitekt",
		"7.能够对虚拟机引擎进行性能优化和改造 **任职要求：** 1.本科及以上学历，计算机相关专业；3年以上工作经验； 2.精通Rust/C++/Haskell等开发语言中的一种或多种；",
		"- **Design:** Design of digital products on consumerfinance.gov. - **Development:** Software engineering for digital products and internal use.",
		"Werkverträge gibt es bei uns nicht. ## Dein Profil: - Mindestens 5 Jahre Berufserfahrung in der IT - Agile Methoden sind für dich fundamental",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		s = collapse(s)
		ps := flatPieces(s)
		if ps != nil && len(ps) < 2 {
			t.Fatalf("flatPieces(%q) = %q: one piece", s, ps)
		}
		for _, p := range ps {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("flatPieces(%q): an empty piece in %q", s, ps)
			}
			q := p
			if !strings.Contains(s, q) {
				q = strings.TrimPrefix(q, "## ")
			}
			if !strings.Contains(s, q) && strings.HasPrefix(q, "- ") {
				q = "o " + q[2:]
			}
			if !strings.Contains(s, q) {
				t.Fatalf("flatPieces(%q): piece %q is not its text", s, p)
			}
		}
	})
}
