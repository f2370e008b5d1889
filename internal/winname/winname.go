// Package winname tells the names Windows reserves for devices (CON, PRN,
// AUX, NUL, COM0-COM9, LPT0-LPT9, in any case, with any extension): a file
// or folder so named cannot be checked out there, so a snapshot folder
// never holds one.
package winname

import "strings"

// Reserved reports whether name, or name before its first '.', is a name
// Windows reserves.
func Reserved(name string) bool {
	base := strings.ToUpper(strings.SplitN(name, ".", 2)[0])
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9'
}
