package winname

import "testing"

func TestReserved(t *testing.T) {
	for name, want := range map[string]bool{
		"con": true, "CON": true, "nul.json": true, "Aux.tar.gz": true, "com1": true, "LPT9.txt": true, "prn": true,
		"console": false, "com": false, "com10": false, "lpt": false, "comx": false, "acme": false, "nul-board": false, "": false,
	} {
		if got := Reserved(name); got != want {
			t.Errorf("Reserved(%q) = %v, want %v", name, got, want)
		}
	}
}
