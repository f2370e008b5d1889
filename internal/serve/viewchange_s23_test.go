package serve

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A long changed text is shown as a window around the change; neither end
// of the window splits a token, so a secret the text held (glued to a word
// or not) shows no start or end of it, however the window falls.
func TestViewChangeWindowSplitsNoToken(t *testing.T) {
	const secret = "zq7pwtoK3mX9vB2n"
	for n := 150; n < 260; n += 7 {
		old := strings.Repeat("and more words ", 20)[:n] + "w" + secret + " more words here and there"
		for _, v := range []ChangeText{ViewChange(model.Change{Field: "title", Old: old, New: "Senior Data Engineer"})} {
			for _, s := range []string{v.Old, v.New} {
				if strings.Contains(s, secret) {
					continue // whole: the server's mask hides it
				}
				for k := 4; k < len(secret); k++ {
					if strings.Contains(s, secret[:k]+"…") || strings.Contains(s, "…"+secret[len(secret)-k:]) {
						t.Fatalf("offset %d: %q shows %d characters of the secret at a cut", n, s, k)
					}
				}
			}
		}
	}
}
