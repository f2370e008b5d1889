package normalize

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebugBlocks(t *testing.T) {
	f := os.Getenv("DBG_FILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	bs := splitInlineLabels(textBlocks(string(b)))
	cls := sectionize(bs, nil)
	names := []string{"M", "R", "P", "U", "O"}
	for i, x := range bs {
		s := x.text
		if len(s) > 150 {
			s = s[:150] + "..."
		}
		fmt.Printf("%s k%d %q\n", names[cls[i]], x.kind, s)
	}
}
